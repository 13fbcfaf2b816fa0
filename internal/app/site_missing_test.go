package app

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"image"
	"image/png"
	"path/filepath"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/admin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/joomla"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
	"github.com/congtin/congtin/internal/web"
)

// writtenTables are the tables a refused service or write must leave as
// they were.
var writtenTables = []string{"categories", "articles", "article_revisions", "pages", "polls", "poll_options",
	"audit_log", "users", "media", "media_blobs", "counters", "settings", "import_map", "redirects"}

func rowCounts(t *testing.T, db *store.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range writtenTables {
		var n int
		if err := db.QueryRowContext(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			t.Fatalf("count %s: %v", table, err)
		}
		out[table] = n
	}
	return out
}

// siteless is the world a case runs in: a fresh database whose one site has
// a category and an account, so that only the missing site can refuse.
type siteless struct {
	t        *testing.T
	db       *store.DB
	category int64
	user     string
}

func newSiteless(t *testing.T, db *store.DB) *siteless {
	t.Helper()
	ctx := context.Background()
	served, err := site.Only(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	c := &content.Category{SiteID: served.ID, Name: "Tin tức", Published: true}
	if err := content.NewStore(db).CreateCategory(ctx, db, c); err != nil {
		t.Fatal(err)
	}
	u, err := auth.NewStore(db).CreateUser(ctx, db, auth.NewUser{Username: "tongbientap",
		Password: "Hôm nay trời đẹp", Role: auth.RoleEditorInChief})
	if err != nil {
		t.Fatal(err)
	}
	return &siteless{t: t, db: db, category: c.ID, user: u.Username}
}

func pngBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// emptySource is a database without any Joomla table: an importer that
// went past the site check would fail on it, not on the missing site.
func emptySource(t *testing.T) *sql.DB {
	t.Helper()
	src, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "joomla.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { src.Close() })
	return src
}

// TestNoSiteIsRefused: every service of one site, and every write, given
// no site (SiteID 0) fails with site.ErrMissing and writes nothing; no
// path falls back to site 1.
func TestNoSiteIsRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := time.Now()
	cases := []struct {
		name string
		run  func(w *siteless) error
	}{
		{"web.New", func(w *siteless) error {
			_, err := web.New(web.Config{BaseURL: "http://localhost"}, web.Deps{DB: w.db,
				Content: content.NewStore(w.db), Polls: poll.NewStore(w.db), Media: media.NewStore(w.db)})
			return err
		}},
		{"admin.New", func(w *siteless) error {
			_, err := admin.New(admin.Config{}, admin.Deps{DB: w.db, Content: content.NewStore(w.db),
				Media: media.NewStore(w.db), Polls: poll.NewStore(w.db), Users: auth.NewStore(w.db)})
			return err
		}},
		{"stats.NewRecorder", func(w *siteless) error {
			_, err := stats.NewRecorder(w.db, stats.RecorderConfig{Node: "test"})
			return err
		}},
		{"search options", func(w *siteless) error {
			_, err := search.New(w.db).Search(ctx, search.Parse("tin tức"), search.Options{Now: now})
			return err
		}},
		{"search options with an empty query", func(w *siteless) error {
			_, err := search.New(w.db).Search(ctx, search.Parse(""), search.Options{Now: now})
			return err
		}},
		{"demo generator options", func(w *siteless) error {
			return demo.Generate(ctx, w.db, demo.GenerateOptions{N: 5, Seed: 1})
		}},
		{"joomla importer options", func(w *siteless) error {
			_, err := joomla.Import(ctx, emptySource(w.t), w.db, joomla.Options{VisitsOffset: -1})
			return err
		}},
		{"content: create category", func(w *siteless) error {
			return content.NewStore(w.db).CreateCategory(ctx, w.db, &content.Category{Name: "Thông báo"})
		}},
		{"content: import category", func(w *siteless) error {
			c := &content.Category{Name: "Thông báo", Slug: "thong-bao"}
			return content.NewStore(w.db).PutImportedCategory(ctx, w.db, c, now.Unix())
		}},
		{"content: create article", func(w *siteless) error {
			a := &content.Article{CategoryID: w.category, Title: "Hội nghị tổng kết", Status: content.StatusDraft}
			return content.NewStore(w.db).CreateArticle(ctx, w.db, a)
		}},
		{"content: save article", func(w *siteless) error {
			e := &content.Editable{Article: content.Article{CategoryID: w.category, Title: "Hội nghị tổng kết"}}
			return content.NewStore(w.db).SaveArticle(ctx, w.db, e, 0, 0, "")
		}},
		{"content: create page", func(w *siteless) error {
			return content.NewStore(w.db).CreatePage(ctx, w.db, &content.Page{Title: "Giới thiệu"})
		}},
		{"content: newsroom article list", func(w *siteless) error {
			_, _, err := content.NewStore(w.db).AdminArticles(ctx, content.AdminFilter{Limit: 10})
			return err
		}},
		{"poll: create", func(w *siteless) error {
			p := &poll.Poll{Question: "Bạn có hài lòng?", Options: []poll.Option{{Label: "Có"}, {Label: "Không"}}}
			return poll.NewStore(w.db).Create(ctx, w.db, p)
		}},
		{"poll: add", func(w *siteless) error {
			_, err := poll.NewStore(w.db).Add(ctx, poll.NewPoll{Question: "Bạn có hài lòng?",
				Options: []string{"Có", "Không"}, Open: true})
			return err
		}},
		{"poll: open", func(w *siteless) error {
			_, err := poll.NewStore(w.db).SetOpen(ctx, 0, 1, true)
			return err
		}},
		{"auth: audit", func(w *siteless) error {
			return auth.Audit(ctx, w.db, auth.AuditEntry{Action: "user.login", ObjectType: "user"})
		}},
		{"auth: create account", func(w *siteless) error {
			_, err := auth.NewStore(w.db).CreateAccount(ctx, 0, auth.NewUser{Username: "phongvien",
				Password: "Hôm nay trời đẹp", Role: auth.RoleWriter}, "dòng lệnh")
			return err
		}},
		{"auth: change password", func(w *siteless) error {
			ask := func() (string, error) { return "Một mật khẩu mới dài", nil }
			_, err := auth.NewStore(w.db).ChangePassword(ctx, 0, w.user, ask, "dòng lệnh")
			return err
		}},
		{"media: put", func(w *siteless) error {
			_, err := media.NewStore(w.db).Put(ctx, w.db, 0, "anh.png", "", pngBytes(w.t))
			return err
		}},
		{"app: publish scheduled articles", func(w *siteless) error {
			_, err := PublishScheduled(ctx, w.db, 0, now)
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				t.Parallel()
				w := newSiteless(t, db)
				before := rowCounts(t, db)

				err := tc.run(w)
				if !errors.Is(err, site.ErrMissing) {
					t.Errorf("without a site: %v, want an error wrapping site.ErrMissing", err)
				}
				if after := rowCounts(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
					t.Errorf("a refusal wrote rows: before %v, after %v", before, after)
				}
			})
		})
	}
}
