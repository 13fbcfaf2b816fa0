package web

import (
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/store/storetest"
)

func TestSidebarFollowsTheSetting(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	h := newDemoServer(t, db).Handler()
	tests := []struct {
		setting            string
		pollAt, countersAt int // order on the page; 0 absent
	}{
		{"", 1, 2}, // no setting: the default order
		{"counters,poll", 2, 1},
		{"counters", 0, 1},
		{"", 0, 0},
	}
	for i, tt := range tests {
		db.ExecContext(t.Context(), `DELETE FROM settings WHERE key = 'sidebar_modules'`)
		if i > 0 {
			db.ExecContext(t.Context(), `INSERT INTO settings (site_id, key, value) VALUES (1, 'sidebar_modules', $1)`,
				tt.setting)
		}
		_, body := get(t, h, "/trang/lien-he")
		aside := body[strings.Index(body, `<aside class="sidebar">`):]
		p, c := strings.Index(aside, `class="box poll"`), strings.Index(aside, `class="box counters"`)
		got := func(at int) int {
			if at < 0 {
				return 0
			}
			if other := p + c - at; other >= 0 && other < at {
				return 2
			}
			return 1
		}
		if got(p) != tt.pollAt || got(c) != tt.countersAt {
			t.Errorf("setting %q: poll at %d, counters at %d; want %d, %d", tt.setting, got(p), got(c), tt.pollAt, tt.countersAt)
		}
	}
}
