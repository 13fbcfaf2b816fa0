package admin

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestTheDashboardShowsTheLastBackupToThoseWhoRunTheSite(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	taken := time.Date(2026, 12, 2, 2, 0, 0, 0, time.UTC) // 09:00 in Hà Nội
	for _, c := range []struct {
		name     string
		role     auth.Role
		last     func() (time.Time, bool)
		interval time.Duration
		want     string // "" when the dashboard must say nothing of backups
	}{
		{"a recent backup is shown with its time", auth.RoleAdmin,
			func() (time.Time, bool) { return taken, true }, 24 * time.Hour,
			"Bản sao lưu gần nhất: 7 giờ trước (02/12/2026 09:00)"},
		{"a backup older than two intervals is a warning", auth.RoleAdmin,
			func() (time.Time, bool) { return taken.Add(-72 * time.Hour), true }, 24 * time.Hour,
			"Cảnh báo: bản sao lưu gần nhất đã cũ: 3 ngày trước (29/11/2026 09:00)"},
		{"no backup at all is a warning", auth.RoleAdmin,
			func() (time.Time, bool) { return time.Time{}, false }, 0,
			"Chưa có bản sao lưu nào của trang"},
		{"a writer is not told of backups", auth.RoleWriter,
			func() (time.Time, bool) { return time.Time{}, false }, 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			db := storetest.SQLite(t)
			s, err := New(Config{SiteID: 1, BackupInterval: c.interval}, Deps{DB: db, Content: content.NewStore(db),
				Media: media.NewStore(db), Polls: poll.NewStore(db), Users: auth.NewStore(db),
				Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), LastBackup: c.last})
			if err != nil {
				t.Fatal(err)
			}
			s.now = func() time.Time { return now }
			u := &auth.User{ID: 1, Username: "u", Role: c.role}
			r := httptest.NewRequest(http.MethodGet, "/quan-tri/", nil)
			r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, &reqState{user: u}))
			w := httptest.NewRecorder()
			if err := s.dashboard(w, r); err != nil {
				t.Fatal(err)
			}
			body := w.Body.String()
			if c.want == "" {
				if strings.Contains(body, "sao lưu") {
					t.Error("the dashboard speaks of backups to a writer")
				}
				return
			}
			if !strings.Contains(body, c.want) {
				t.Errorf("dashboard lacks %q", c.want)
			}
		})
	}
}
