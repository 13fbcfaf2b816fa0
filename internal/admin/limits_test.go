package admin

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// snapshot is what a refused request must leave as it was: the number of
// rows of every table a form writes, and every setting.
func snapshot(t *testing.T, db *store.DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"articles", "article_revisions", "categories", "pages", "polls", "poll_options",
		"users", "media", "audit_log"} {
		var n int
		if err := db.QueryRowContext(t.Context(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%d ", table, n)
	}
	rows, err := db.QueryContext(t.Context(), `SELECT key, value FROM settings ORDER BY key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		rows.Scan(&k, &v)
		fmt.Fprintf(&b, "%s=%q ", k, v)
	}
	return b.String()
}

// postRoutes are the newsroom's POST addresses, read from its route list
// so that a new route is tested without anyone adding it here.
func postRoutes(t *testing.T, f *fixture) []route {
	t.Helper()
	s, err := New(Config{SiteID: 1, UploadMax: 1 << 20}, Deps{DB: f.db, Content: f.content,
		Media: media.NewStore(f.db), Polls: poll.NewStore(f.db), Users: f.users,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	var out []route
	for _, rt := range s.routes() {
		if strings.HasPrefix(rt.pattern, "POST ") {
			out = append(out, rt)
		}
	}
	if len(out) < 10 {
		t.Fatalf("only %d POST routes found", len(out))
	}
	return out
}

func TestOversizedFormOnEveryRouteIsRefusedAndChangesNothing(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "admin")
	res, _ := c.post("/quan-tri/bai-viet/moi", formOf("Bài có sẵn", f.cat))
	article := strconv.FormatInt(idFromLocation(t, res), 10)
	site.Save(t.Context(), db, 1, map[string]string{site.KeyVisitsOffset: "31262600", site.KeyAgency: "Sở Nội vụ"})
	ids := strings.NewReplacer("{id}", article, "{v}", "1", "{$}", "")

	for _, rt := range postRoutes(t, f) {
		t.Run(rt.pattern, func(t *testing.T) {
			path := ids.Replace(strings.TrimPrefix(rt.pattern, "POST "))
			if !strings.Contains(rt.pattern, "bai-viet") {
				path = strings.Replace(path, article, strconv.FormatInt(f.cat, 10), 1)
			}
			before := snapshot(t, db)

			// Every field a form might have, then far more bytes than any
			// route takes.
			v := formOf("Tiêu đề mới", f.cat, "version", "1", "move", "publish", "site_name", "Tên mới",
				"question", "Câu hỏi", "username", "admin", "password", pw, "name", "Tên")
			v.Set("csrf", c.csrf)
			v.Set("padding", strings.Repeat("a", 4<<20))
			res, body := c.post(path, v)

			if res.StatusCode != http.StatusRequestEntityTooLarge {
				t.Fatalf("status %d, want 413\n%.400s", res.StatusCode, body)
			}
			if !strings.Contains(body, " MB") || strings.Contains(body, "hết hạn") {
				t.Errorf("the page does not say the limit, or says the form expired:\n%s", body)
			}
			if after := snapshot(t, db); after != before {
				t.Errorf("changed:\n%s\n%s", before, after)
			}
		})
	}
}

func TestOversizedArticleIsShownAgainWithWhatArrived(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "phongvien")

	// A Word paste: the title first, then a body with a huge picture.
	picture := `<p><img src="data:image/png;base64,` + strings.Repeat("QUFB", 1<<20) + `"></p>`
	// In the page's order, as a browser sends it (url.Values would sort).
	form := "csrf=" + url.QueryEscape(c.csrf) + "&title=" + url.QueryEscape("Hội nghị tổng kết") +
		"&category_id=" + strconv.FormatInt(f.cat, 10) + "&body=" + url.QueryEscape(picture)
	req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/quan-tri/bai-viet/moi", strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, body := c.do(req)

	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, want 413", res.StatusCode)
	}
	if !strings.Contains(body, `value="Hội nghị tổng kết"`) || !strings.Contains(body, "vượt giới hạn 3 MB") {
		t.Errorf("the form is not shown again with the title and the limit:\n%.2000s", body)
	}
	var n int
	db.QueryRowContext(t.Context(), `SELECT count(*) FROM articles`).Scan(&n)
	if n != 0 {
		t.Errorf("%d articles saved from a cut form", n)
	}
}

func TestSettingsFormSavesOnlyTheFieldsItCarries(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "admin")
	ctx := context.Background()
	site.Save(ctx, db, 1, map[string]string{site.KeyVisitsOffset: "31262600", site.KeyAgency: "Sở Nội vụ",
		site.KeyPhone: "0236 3822 000"})

	res, _ := c.post("/quan-tri/cai-dat", url.Values{site.KeySiteName: {"Cổng thông tin mới"}})

	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d", res.StatusCode)
	}
	st, err := site.Load(ctx, db, 1)
	if err != nil {
		t.Fatal(err)
	}
	if st.SiteName != "Cổng thông tin mới" || st.VisitsOffset != 31262600 || st.Agency != "Sở Nội vụ" ||
		st.Phone != "0236 3822 000" {
		t.Errorf("after a form with one field: %+v", st)
	}
}
