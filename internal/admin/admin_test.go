package admin

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

const pw = "Hôm nay trời đẹp"

type fixture struct {
	db        *store.DB
	srv       *httptest.Server
	content   *content.Store
	users     *auth.Store
	cat, cat2 int64
	ids       map[string]int64
	clients   []*client
}

// step runs one step of a story as a subtest, and reports whether it
// passed so the story can stop where the later steps would build on a
// failure. The fixture's clients fail the step they are used in.
func (f *fixture) step(t *testing.T, rule string, fn func(t *testing.T)) bool {
	t.Helper()
	return t.Run(rule, func(t *testing.T) {
		for _, c := range f.clients {
			c.t = t
		}
		fn(t)
	})
}

func newFixture(t *testing.T, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{db: db, content: content.NewStore(db), users: auth.NewStore(db), ids: map[string]int64{}}
	c1 := &content.Category{SiteID: 1, Name: "Tin tức", Published: true}
	c2 := &content.Category{SiteID: 1, Name: "Tổ chức Đảng", Published: true}
	for _, c := range []*content.Category{c1, c2} {
		if err := f.content.CreateCategory(ctx, db, c); err != nil {
			t.Fatal(err)
		}
	}
	f.cat, f.cat2 = c1.ID, c2.ID
	for _, u := range []auth.NewUser{
		{Username: "admin", Role: auth.RoleAdmin},
		{Username: "tongbientap", Role: auth.RoleEditorInChief, DisplayName: "Tổng biên tập"},
		{Username: "bientap", Role: auth.RoleEditor, Categories: []int64{c1.ID}},
		{Username: "phongvien", Role: auth.RoleWriter, DisplayName: "Hải Ninh"},
		{Username: "phongvien2", Role: auth.RoleWriter},
	} {
		u.Password = pw
		created, err := f.users.CreateUser(ctx, db, u)
		if err != nil {
			t.Fatal(err)
		}
		f.ids[u.Username] = created.ID
	}
	s, err := New(Config{SiteID: 1, UploadMax: 1 << 20}, Deps{DB: db, Content: f.content, Media: media.NewStore(db),
		Polls: poll.NewStore(db), Users: f.users, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(s.Handler())
	t.Cleanup(f.srv.Close)
	return f
}

// client is a browser: cookies, and the form token read from pages.
type client struct {
	t    *testing.T
	base string
	hc   *http.Client
	csrf string
}

func (f *fixture) client(t *testing.T) *client {
	jar, _ := cookiejar.New(nil)
	c := &client{t: t, base: f.srv.URL, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
	f.clients = append(f.clients, c)
	return c
}

func (f *fixture) login(t *testing.T, username string) *client {
	c := f.client(t)
	res, _ := c.post("/quan-tri/dang-nhap", url.Values{"username": {username}, "password": {pw}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: %d", username, res.StatusCode)
	}
	c.get("/quan-tri/tai-khoan") // picks up the token
	if c.csrf == "" {
		t.Fatal("no csrf token on the page")
	}
	return c
}

// missingKey finds an i18n key printed as itself: a text not in the catalog.
var missingKey = regexp.MustCompile(`\badmin\.[a-z_]+\.[a-z_]+`)

var csrfMeta = regexp.MustCompile(`<meta name="csrf" content="([^"]+)">`)

func (c *client) do(req *http.Request) (*http.Response, string) {
	c.t.Helper()
	if req.Header.Get("Sec-Fetch-Site") == "" {
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := csrfMeta.FindSubmatch(b); m != nil {
		c.csrf = string(m[1])
	}
	return res, string(b)
}

func (c *client) get(path string) (*http.Response, string) {
	req, _ := http.NewRequest(http.MethodGet, c.base+path, nil)
	return c.do(req)
}

func (c *client) post(path string, v url.Values) (*http.Response, string) {
	if v.Get("csrf") == "" && c.csrf != "" {
		v.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

func (c *client) upload(path, name string, data []byte) (*http.Response, string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("csrf", c.csrf)
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func formOf(title string, cat int64, extra ...string) url.Values {
	v := url.Values{"title": {title}, "category_id": {strconv.FormatInt(cat, 10)},
		"body": {"<p><b>Đậm</b> và nội dung</p><script>alert(1)</script>"}, "author_alias": {"Hải Ninh"}, "tags": {"chuyển đổi số, Đảng"}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return v
}

func idFromLocation(t *testing.T, res *http.Response) int64 {
	t.Helper()
	m := regexp.MustCompile(`/bai-viet/(\d+)/sua`).FindStringSubmatch(res.Header.Get("Location"))
	if m == nil {
		t.Fatalf("no article in Location %q (status %d)", res.Header.Get("Location"), res.StatusCode)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

func TestWorkflow(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		ctx := context.Background()
		writer := f.login(t, "phongvien")
		var chief *client
		var id int64
		var a *content.Editable
		edit := func() string { return "/quan-tri/bai-viet/" + strconv.FormatInt(id, 10) + "/sua" }

		if !f.step(t, "a writer submits a draft: the script is gone, bold stays", func(t *testing.T) {
			res, _ := writer.post("/quan-tri/bai-viet/moi", formOf("Hội nghị chuyển đổi số", f.cat, "move", "submit"))
			id = idFromLocation(t, res)
			var err error
			a, err = f.content.ArticleForEdit(ctx, db, id)
			if err != nil {
				t.Fatal(err)
			}
			if a.Status != content.StatusPending || strings.Contains(a.BodyHTML, "script") ||
				!strings.Contains(a.BodyHTML, "<b>Đậm</b>") {
				t.Fatalf("after submit: %s %q", a.Status, a.BodyHTML)
			}
			if len(a.Tags) != 2 || a.CreatedBy != f.ids["phongvien"] {
				t.Fatalf("tags %v, author %d", a.Tags, a.CreatedBy)
			}
		}) {
			return
		}

		f.step(t, "a submitted article is no longer the writer's to change or publish", func(t *testing.T) {
			res, _ := writer.post(edit(), formOf("Đổi tiêu đề", f.cat, "version", strconv.Itoa(a.Version), "move", "publish"))
			if res.StatusCode != http.StatusForbidden {
				t.Fatalf("writer publishing a pending article: %d", res.StatusCode)
			}
		})

		f.step(t, "a writer cannot publish even their own fresh draft", func(t *testing.T) {
			res, body := writer.post("/quan-tri/bai-viet/moi", formOf("Tự đăng", f.cat, "move", "publish"))
			if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "Tự đăng") {
				t.Fatalf("writer publishing directly: %d", res.StatusCode)
			}
			var n int
			db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE status = 'published'`).Scan(&n)
			if n != 0 {
				t.Fatal("something got published")
			}
		})

		f.step(t, "another writer cannot open it and a writer reaches no admin page", func(t *testing.T) {
			other := f.login(t, "phongvien2")
			if res, _ := other.get(edit()); res.StatusCode != http.StatusForbidden {
				t.Fatalf("other writer opened it: %d", res.StatusCode)
			}
			for _, p := range []string{"/quan-tri/nguoi-dung/", "/quan-tri/cai-dat", "/quan-tri/nhat-ky", "/quan-tri/chuyen-muc/"} {
				if res, _ := writer.get(p); res.StatusCode != http.StatusForbidden {
					t.Errorf("writer GET %s: %d", p, res.StatusCode)
				}
			}
		})

		f.step(t, "an editor cannot file outside their categories", func(t *testing.T) {
			ed := f.login(t, "bientap")
			res, _ := ed.post("/quan-tri/bai-viet/moi", formOf("Bài ngoài chuyên mục", f.cat2))
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("editor filing outside categories: %d", res.StatusCode)
			}
		})

		if !f.step(t, "a rejection needs a reason, and the reason reaches the writer", func(t *testing.T) {
			chief = f.login(t, "tongbientap")
			res, _ := chief.post(edit(),
				formOf("Hội nghị chuyển đổi số", f.cat, "version", strconv.Itoa(a.Version), "move", "reject"))
			if res.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("reject without note: %d", res.StatusCode)
			}
			res, _ = chief.post(edit(), formOf("Hội nghị chuyển đổi số", f.cat, "version", strconv.Itoa(a.Version),
				"move", "reject", "note", "Thiếu ảnh"))
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("reject: %d", res.StatusCode)
			}
			_, body := writer.get(edit())
			if !strings.Contains(body, "Thiếu ảnh") {
				t.Fatal("writer does not see the review note")
			}
		}) {
			return
		}

		if !f.step(t, "the writer resubmits a rejected article", func(t *testing.T) {
			a, _ = f.content.ArticleForEdit(ctx, db, id)
			res, _ := writer.post(edit(),
				formOf("Hội nghị chuyển đổi số 2025", f.cat, "version", strconv.Itoa(a.Version), "move", "submit"))
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("resubmit: %d", res.StatusCode)
			}
		}) {
			return
		}

		f.step(t, "a schedule in the past is refused", func(t *testing.T) {
			a, _ = f.content.ArticleForEdit(ctx, db, id)
			past := time.Now().Add(-48 * time.Hour).Format("2006-01-02T15:04")
			res, body := chief.post(edit(), formOf("Hội nghị chuyển đổi số 2025", f.cat, "version", strconv.Itoa(a.Version),
				"move", "publish", "publish_at", past))
			if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "đã qua") {
				t.Fatalf("publish in the past: %d", res.StatusCode)
			}
		})

		if !f.step(t, "the editor-in-chief's approval publishes it to visitors", func(t *testing.T) {
			a, _ = f.content.ArticleForEdit(ctx, db, id)
			res, _ := chief.post(edit(),
				formOf("Hội nghị chuyển đổi số 2025", f.cat, "version", strconv.Itoa(a.Version), "move", "publish"))
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("publish: %d", res.StatusCode)
			}
			pub, err := f.content.PublishedArticle(ctx, 1, id, time.Now().Add(time.Second))
			if err != nil || pub.Title != "Hội nghị chuyển đổi số 2025" {
				t.Fatalf("not visible to visitors: %v", err)
			}
		}) {
			return
		}

		f.step(t, "every step is in the audit log and the revisions", func(t *testing.T) {
			var audits, revs int
			db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE object_type = 'article' AND object_id = $1`,
				id).Scan(&audits)
			db.QueryRowContext(ctx, `SELECT count(*) FROM article_revisions WHERE article_id = $1`, id).Scan(&revs)
			if audits < 6 || revs < 6 {
				t.Fatalf("audit rows %d, revisions %d", audits, revs)
			}
		})

		f.step(t, "the first revision's diff shows the change", func(t *testing.T) {
			_, body := chief.get("/quan-tri/bai-viet/" + strconv.FormatInt(id, 10) + "/phien-ban/1")
			if !strings.Contains(body, `class="added"`) || !strings.Contains(body, "2025") {
				t.Fatalf("diff lacks the change:\n%s", body)
			}
		})

		f.step(t, "restoring a revision brings its title back and keeps the article published", func(t *testing.T) {
			a, _ = f.content.ArticleForEdit(ctx, db, id)
			res, _ := chief.post("/quan-tri/bai-viet/"+strconv.FormatInt(id, 10)+"/phien-ban/1/khoi-phuc",
				url.Values{"version": {strconv.Itoa(a.Version)}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("restore: %d", res.StatusCode)
			}
			a, _ = f.content.ArticleForEdit(ctx, db, id)
			if a.Title != "Hội nghị chuyển đổi số" || a.Status != content.StatusPublished {
				t.Fatalf("restored: %q %s", a.Title, a.Status)
			}
		})
	})
}

func TestStaleEditIsRefusedAndKept(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		chief := f.login(t, "tongbientap")
		res, _ := chief.post("/quan-tri/bai-viet/moi", formOf("Bản gốc", f.cat))
		id := strconv.FormatInt(idFromLocation(t, res), 10)
		if res, _ := chief.post("/quan-tri/bai-viet/"+id+"/sua", formOf("Sửa lần một", f.cat, "version", "1")); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("first save: %d", res.StatusCode)
		}
		admin := f.login(t, "admin")
		res, body := admin.post("/quan-tri/bai-viet/"+id+"/sua", formOf("Sửa lần hai của tôi", f.cat, "version", "1"))
		if res.StatusCode != http.StatusConflict || !strings.Contains(body, "Sửa lần hai của tôi") || !strings.Contains(body, "người khác") {
			t.Fatalf("stale save: %d", res.StatusCode)
		}
		a, _ := f.content.ArticleForEdit(context.Background(), db, idFromLocation(t, res0(id)))
		if a.Title != "Sửa lần một" {
			t.Fatalf("stale save changed the article: %q", a.Title)
		}
	})
}

func res0(id string) *http.Response {
	return &http.Response{Header: http.Header{"Location": {"/quan-tri/bai-viet/" + id + "/sua"}}}
}

func TestCSRFAndSessions(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login(t, "admin")
		anon := f.client(t)

		f.step(t, "a cross-site POST is refused even with a valid token", func(t *testing.T) {
			v := formOf("Giả mạo", f.cat)
			v.Set("csrf", c.csrf)
			req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/quan-tri/bai-viet/moi", strings.NewReader(v.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			if res, _ := c.do(req); res.StatusCode != http.StatusForbidden {
				t.Fatalf("cross-site POST: %d", res.StatusCode)
			}
		})

		f.step(t, "a wrong token is refused when the browser sends no Sec-Fetch-Site", func(t *testing.T) {
			res, _ := c.post("/quan-tri/bai-viet/moi", formOf("Không mã", f.cat, "csrf", "sai"))
			if res.StatusCode != http.StatusForbidden {
				t.Fatalf("wrong token: %d", res.StatusCode)
			}
		})

		f.step(t, "a forged post creates no article", func(t *testing.T) {
			var n int
			db.QueryRowContext(t.Context(), `SELECT count(*) FROM articles`).Scan(&n)
			if n != 0 {
				t.Fatal("forged post created an article")
			}
		})

		f.step(t, "an anonymous visitor is sent to the login page and back after", func(t *testing.T) {
			res, _ := anon.get("/quan-tri/bai-viet/")
			if res.StatusCode != http.StatusSeeOther || !strings.Contains(res.Header.Get("Location"), "dang-nhap?tiep=") {
				t.Fatalf("anonymous: %d %s", res.StatusCode, res.Header.Get("Location"))
			}
		})

		f.step(t, "an expired session says so on a page and on a post", func(t *testing.T) {
			db.ExecContext(t.Context(), `UPDATE sessions SET expires_at = 1`)
			res, _ := c.get("/quan-tri/")
			if !strings.Contains(res.Header.Get("Location"), "het-han=1") {
				t.Fatalf("expired session: %s", res.Header.Get("Location"))
			}
			res, body := c.post("/quan-tri/bai-viet/moi", formOf("Sau khi hết hạn", f.cat))
			if res.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "hết hạn") {
				t.Fatalf("post after expiry: %d", res.StatusCode)
			}
		})

		f.step(t, "wrong passwords lock the account and say when to try again", func(t *testing.T) {
			var res *http.Response
			var body string
			for i := 0; i < auth.AttemptsPerAccountAddress+1; i++ {
				res, body = anon.post("/quan-tri/dang-nhap", url.Values{"username": {"admin"}, "password": {"sai mật khẩu"}})
			}
			if res.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "thử lại sau") {
				t.Fatalf("lock-out: %d", res.StatusCode)
			}
		})

		f.step(t, "logging out ends the session", func(t *testing.T) {
			c2 := f.login(t, "tongbientap")
			c2.post("/quan-tri/dang-xuat", url.Values{})
			if res, _ := c2.get("/quan-tri/"); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("after logout: %d", res.StatusCode)
			}
		})
	})
}

func pngBytes(t *testing.T) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 8, 8)))
	return buf.Bytes()
}

func TestUploads(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		f := newFixture(t, db)
		c := f.login(t, "phongvien")
		cases := []struct {
			name   string
			data   []byte
			status int
		}{
			{"anh.png", pngBytes(t), http.StatusSeeOther},
			{"bao-cao.pdf", pngBytes(t), http.StatusUnsupportedMediaType}, // a picture named as a PDF
			{"anh.jpg", []byte("<html><script>alert(1)</script></html>"), http.StatusUnsupportedMediaType},
			{"logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), http.StatusUnsupportedMediaType},
			{"lon.pdf", append([]byte("%PDF-1.7\n"), make([]byte, 2<<20)...), http.StatusRequestEntityTooLarge},
		}
		for _, tc := range cases {
			res, _ := c.upload("/quan-tri/tep/", tc.name, tc.data)
			if res.StatusCode != tc.status {
				t.Errorf("%s: %d, want %d", tc.name, res.StatusCode, tc.status)
			}
		}
		var n int
		db.QueryRowContext(t.Context(), `SELECT count(*) FROM media`).Scan(&n)
		if n != 1 {
			t.Fatalf("%d files stored, want 1", n)
		}
		// The editor's endpoint answers JSON with the image's address.
		res, body := c.upload("/quan-tri/tep/trinh-soan", "dan.png", pngBytes(t))
		if res.StatusCode != 200 || !strings.Contains(body, `"location":"/anh/`) {
			t.Fatalf("editor upload: %d %s", res.StatusCode, body)
		}
	})
}

func TestAdminPagesRender(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "admin")
	c.post("/quan-tri/bai-viet/moi", formOf("Một bài", f.cat))
	for _, p := range []string{"/quan-tri/", "/quan-tri/bai-viet/", "/quan-tri/bai-viet/?q=bài&trang-thai=draft", "/quan-tri/bai-viet/moi",
		"/quan-tri/bai-viet/1/sua", "/quan-tri/bai-viet/1/phien-ban", "/quan-tri/bai-viet/1/phien-ban/1", "/quan-tri/tep/",
		"/quan-tri/tep/?chon=anh", "/quan-tri/chuyen-muc/", "/quan-tri/chuyen-muc/1/sua", "/quan-tri/trang/", "/quan-tri/trang/moi",
		"/quan-tri/binh-chon/", "/quan-tri/cai-dat", "/quan-tri/nguoi-dung/", "/quan-tri/nguoi-dung/1/sua", "/quan-tri/nhat-ky",
		"/quan-tri/tai-khoan", "/quan-tri/static/admin.css"} {
		res, body := c.get(p)
		if res.StatusCode != 200 || missingKey.MatchString(body) {
			t.Errorf("GET %s: %d (or a missing text key)", p, res.StatusCode)
		}
	}
	// Site admin actions.
	for _, tc := range []struct {
		path string
		v    url.Values
	}{
		{"/quan-tri/chuyen-muc/", url.Values{"name": {"Văn bản"}, "published": {"1"}}},
		{"/quan-tri/trang/moi", url.Values{"title": {"Giới thiệu"}, "body": {"<p>Sở</p>"}, "published": {"1"}}},
		{"/quan-tri/binh-chon/", url.Values{"question": {"Bạn thấy trang thế nào?"}, "options": {"Tốt\nChưa tốt"}}},
		{"/quan-tri/binh-chon/1/trang-thai", url.Values{"status": {"open"}}},
		{"/quan-tri/cai-dat", url.Values{"agency": {"Sở Khoa học và Công nghệ"}, "visits_offset": {"1000"}}},
		{"/quan-tri/nguoi-dung/", url.Values{"username": {"moi"}, "password": {pw}, "role": {"editor"}, "categories": {"1"}}},
	} {
		if res, body := c.post(tc.path, tc.v); res.StatusCode != http.StatusSeeOther {
			t.Errorf("POST %s: %d\n%s", tc.path, res.StatusCode, body)
		}
	}
	if res, _ := c.post("/quan-tri/cai-dat", url.Values{"visits_offset": {"nhiều"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("bad visits offset accepted: %d", res.StatusCode)
	}
	if res, _ := c.post("/quan-tri/nguoi-dung/", url.Values{"username": {"yeu"}, "password": {"123456789"}, "role": {"writer"}}); res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("weak password accepted: %d", res.StatusCode)
	}
}
