package web

import (
	"context"
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// TestPages checks the status, type and a telling piece of every public
// page of the demo site.
func TestPages(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		h := newDemoServer(t, db).Handler()
		tests := []struct {
			target, contentType string
			wants               []string
		}{
			{"/", "text/html", []string{"Tin mới nhất", "Tin nổi bật", `href="/to-chuc-dang/"`, "Thăm dò ý kiến", `<link rel="canonical" href="https://skhcn.example.vn/">`}},
			{"/to-chuc-dang/", "text/html", []string{"<h1 class=\"page-title\">Tổ chức Đảng</h1>", "Trang 1/2", `rel="next" href="/to-chuc-dang/?trang=2"`, ">03/02/2021</time>"}},
			{"/to-chuc-dang/?trang=2", "text/html", []string{"Trang 2/2", `rel="prev" href="/to-chuc-dang/"`, referenceURL}},
			{"/khoa-hoc-cong-nghe/", "text/html", []string{"Khoa học và Công nghệ", `<nav class="subcategories" aria-label="Chuyên mục con"><ul><li><a href="/so-huu-tri-tue/">Sở hữu trí tuệ</a>`}},
			{"/so-huu-tri-tue/", "text/html", []string{`<ol>`, `href="/khoa-hoc-cong-nghe/">Khoa học và Công nghệ</a>`}},
			{"/tin-tuc-su-kien/", "text/html", []string{`<img src="/anh/`, `loading="lazy"`, `srcset="`}},
			{referenceURL, "text/html", []string{`<meta property="og:type" content="article">`, `<link rel="canonical" href="https://skhcn.example.vn` + referenceURL + `">`}},
			{"/trang/gioi-thieu", "text/html", []string{"<h1>Giới thiệu</h1>", "Văn phòng"}},
			{"/trang/lien-he", "text/html", []string{"<h1>Liên hệ</h1>", "209 Nguyễn Lương Bằng"}},
			{"/rss.xml", "application/rss+xml", []string{"<rss version=\"2.0\"", "<language>vi</language>", "<title>Đoàn kết là cội nguồn sức mạnh"}},
			{"/to-chuc-dang/rss.xml", "application/rss+xml", []string{"<title>Tổ chức Đảng - ", "https://skhcn.example.vn/to-chuc-dang/"}},
			{"/sitemap.xml", "application/xml", []string{"<urlset", "https://skhcn.example.vn" + referenceURL, "https://skhcn.example.vn/trang/lien-he"}},
			{"/robots.txt", "text/plain", []string{"Sitemap: https://skhcn.example.vn/sitemap.xml", "Disallow: /quan-tri/"}},
			{"/healthz", "text/plain", []string{"ok"}},
		}
		for _, tt := range tests {
			res, body := get(t, h, tt.target)
			if res.StatusCode != http.StatusOK {
				t.Errorf("%s: status %d", tt.target, res.StatusCode)
				continue
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.contentType) {
				t.Errorf("%s: Content-Type %q, want %s", tt.target, ct, tt.contentType)
			}
			for _, w := range tt.wants {
				if !strings.Contains(body, w) {
					t.Errorf("%s lacks %q", tt.target, w)
				}
			}
		}
	})
}

func TestFeedsAreValidXML(t *testing.T) {
	t.Parallel()
	h := newDemoServer(t, storetest.SQLite(t)).Handler()
	for _, target := range []string{"/rss.xml", "/to-chuc-dang/rss.xml", "/sitemap.xml"} {
		_, body := get(t, h, target)
		dec := xml.NewDecoder(strings.NewReader(body))
		for {
			_, err := dec.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Errorf("%s: %v", target, err)
				}
				break
			}
		}
	}
	var feed struct {
		Items []struct {
			Title   string `xml:"title"`
			PubDate string `xml:"pubDate"`
		} `xml:"channel>item"`
	}
	_, body := get(t, h, "/to-chuc-dang/rss.xml")
	if err := xml.Unmarshal([]byte(body), &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != 16 {
		t.Errorf("category feed has %d items, want the 16 articles of Tổ chức Đảng", len(feed.Items))
	}
	for _, it := range feed.Items {
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			t.Errorf("item %q: pubDate %q: %v", it.Title, it.PubDate, err)
		}
	}
}

// TestRedirects: the id finds an article; any other category or slug is
// answered with 301 to the canonical address.
func TestRedirects(t *testing.T) {
	t.Parallel()
	h := newDemoServer(t, storetest.SQLite(t)).Handler()
	tests := []struct{ target, location string }{
		{"/to-chuc-dang/1-old-slug", referenceURL},
		{"/to-chuc-dang/1", referenceURL},
		{"/tin-tuc-su-kien/1-ket-qua-thuc-hien-chi-thi-03-nam-2014-va-nhiem-vu-nam-2015", referenceURL},
		{"/to-chuc-dang", "/to-chuc-dang/"},
		{"/to-chuc-dang?trang=2", "/to-chuc-dang/?trang=2"},
	}
	for _, tt := range tests {
		res, _ := get(t, h, tt.target)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != tt.location {
			t.Errorf("%s: %d to %q, want 301 to %q", tt.target, res.StatusCode, res.Header.Get("Location"), tt.location)
		}
	}
}

// TestHiddenArticles: lists show only public, published articles whose
// time has come and not gone; archived ones still open at their address;
// everything else is a 404.
func TestHiddenArticles(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := newDemoServer(t, db)
		h := s.Handler()
		ctx := context.Background()
		cs := content.NewStore(db)
		cat, err := cs.CategoryBySlug(ctx, 1, "to-chuc-dang")
		if err != nil {
			t.Fatal(err)
		}
		future := demo.Now.Add(24 * time.Hour)
		past := demo.Now.Add(-24 * time.Hour)
		longAgo := demo.Now.Add(-48 * time.Hour)
		cases := []struct {
			name     string
			status   content.Status
			pub      *time.Time
			unpub    *time.Time
			access   string
			readable bool // answers 200 at its address
			listed   bool // appears in lists, feeds and the sitemap
		}{
			{"draft", content.StatusDraft, &past, nil, "", false, false},
			{"pending", content.StatusPending, &past, nil, "", false, false},
			{"scheduled", content.StatusPublished, &future, nil, "", false, false},
			{"withdrawn", content.StatusPublished, &longAgo, &past, "", false, false},
			{"unpublished", content.StatusUnpublished, &past, nil, "", false, false},
			{"trashed", content.StatusTrashed, &past, nil, "", false, false},
			{"members only", content.StatusPublished, &past, nil, content.AccessRegistered, false, false},
			// Archived: out of the lists, but old links keep working.
			{"archived", content.StatusArchived, &past, nil, "", true, false},
			{"published", content.StatusPublished, &past, &future, "", true, true},
		}
		for i, c := range cases {
			rule := c.name + " article: "
			rule += map[bool]string{true: "readable", false: "not readable"}[c.readable] + ", "
			rule += map[bool]string{true: "listed", false: "not listed"}[c.listed]
			t.Run(rule, func(t *testing.T) {
				a := &content.Article{SiteID: 1, CategoryID: cat.ID, Title: "Bài kiểm tra " + c.name, Status: c.status,
					PublishAt: c.pub, UnpublishAt: c.unpub, BodyHTML: "<p>Nội dung</p>"}
				var err error
				if c.access != "" {
					a.ID = int64(90000 + i)
					err = cs.PutImportedArticle(ctx, db, a, c.access, false)
				} else {
					err = cs.CreateArticle(ctx, db, a)
				}
				if err != nil {
					t.Fatal(err)
				}
				url := articleURL("to-chuc-dang", a.ID, a.Slug)
				res, _ := get(t, h, url)
				if got := res.StatusCode == http.StatusOK; got != c.readable {
					t.Errorf("%s article: status %d", c.name, res.StatusCode)
				}
				for _, list := range []string{"/", "/to-chuc-dang/", "/rss.xml", "/sitemap.xml", referenceURL} {
					_, body := get(t, h, list)
					if strings.Contains(body, url) != c.listed {
						t.Errorf("%s article: listed on %s = %v", c.name, list, !c.listed)
					}
				}
			})
		}
	})
}

// TestBadInput: whatever a visitor or a robot types, the answer is a
// Vietnamese 4xx page, never a 500 or a stack trace.
func TestBadInput(t *testing.T) {
	t.Parallel()
	h := newDemoServer(t, storetest.SQLite(t)).Handler()
	tests := []struct {
		target string
		status int
	}{
		{"/khong-co-trang-nay/", 404},
		{"/khong-co/bai-nay", 404},
		{"/a/b/c/d", 404},
		{"/to-chuc-dang/abc-xyz", 404},
		{"/to-chuc-dang/99999999", 404},
		{"/to-chuc-dang/99999999999999999999999999-x", 404},
		{"/to-chuc-dang/-1-x", 404},
		{"/to-chuc-dang/0-x", 404},
		{"/to-chuc-dang/?trang=0", 400},
		{"/to-chuc-dang/?trang=-3", 400},
		{"/to-chuc-dang/?trang=abc", 400},
		{"/to-chuc-dang/?trang=99", 404},
		{"/to-chuc-dang/?trang=99999999999999999999", 404},
		{"/?q=" + strings.Repeat("a", 5000), 400},
		{"/to-chuc-dang/?trang=%ff%fe", 400},
		{"/%ff%fe/", 404},
		{"/to-chuc-dang/%ff%fe", 404},
		{"/trang/khong-co", 404},
		{"/anh/abc.jpg", 404},
		{"/anh/" + strings.Repeat("0", 64) + ".jpg", 404},
		{"/anh/" + strings.Repeat("0", 64) + "_abc.jpg", 404},
		{"/static/khong-co.css", 404},
		{"/khong-co/rss.xml", 404},
	}
	for _, tt := range tests {
		res, body := get(t, h, tt.target)
		if res.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.target, res.StatusCode, tt.status)
		}
		if !strings.Contains(body, `lang="vi"`) || !strings.Contains(body, "Về trang chủ") {
			t.Errorf("%s: not the Vietnamese error page", tt.target)
		}
		if strings.Contains(body, "goroutine") || strings.Contains(body, ".go:") {
			t.Errorf("%s: internals leaked into the page", tt.target)
		}
	}
	req := httptest.NewRequest(http.MethodDelete, "/", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("DELETE /: status %d, want 405", rec.Code)
	}
}

// TestInternalErrorPage: a failure inside a handler shows the Vietnamese
// 500 page, logs the cause, and shows no internals.
func TestInternalErrorPage(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	s := newDemoServer(t, db)
	h := s.Handler()
	db.Close() // every query now fails
	res, body := get(t, h, referenceURL)
	if res.StatusCode != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", res.StatusCode)
	}
	mustContain(t, body, "Hệ thống đang gặp sự cố", `lang="vi"`)
	if strings.Contains(body, "sql") || strings.Contains(body, "closed") {
		t.Error("the error's text reached the page")
	}
}

func TestPanicIsA500Page(t *testing.T) {
	t.Parallel()
	s := newDemoServer(t, storetest.SQLite(t))
	h := s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "boom") {
		t.Fatalf("panic: status %d, body leaks panic value: %v", rec.Code, strings.Contains(rec.Body.String(), "boom"))
	}
}

func TestMediaAndStaticFiles(t *testing.T) {
	t.Parallel()
	h := newDemoServer(t, storetest.SQLite(t)).Handler()
	_, home := get(t, h, "/")
	i := strings.Index(home, `<img src="/anh/`)
	if i < 0 {
		t.Fatal("no image on the home page")
	}
	src := home[i+len(`<img src="`):]
	src = src[:strings.IndexByte(src, '"')]
	res, body := get(t, h, src)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/jpeg" || !strings.HasPrefix(body, "\xff\xd8\xff") {
		t.Fatalf("%s: %d %s", src, res.StatusCode, res.Header.Get("Content-Type"))
	}
	if cc := res.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("media Cache-Control %q", cc)
	}
	original := strings.Replace(src, "_640", "", 1)
	original = strings.Replace(original, "_320", "", 1)
	if res, _ := get(t, h, original); res.StatusCode != 200 {
		t.Errorf("%s: %d", original, res.StatusCode)
	}
	if res, _ := get(t, h, strings.TrimSuffix(original, ".jpg")+".png"); res.StatusCode != 404 {
		t.Errorf("original under the wrong extension: %d", res.StatusCode)
	}

	css := home[strings.Index(home, "/static/style."):]
	css = css[:strings.IndexByte(css, '"')]
	req := httptest.NewRequest(http.MethodGet, css, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Header().Get("Content-Encoding") != "gzip" || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("%s: %d, encoding %q, cache %q", css, rec.Code, rec.Header().Get("Content-Encoding"), rec.Header().Get("Cache-Control"))
	}
	req.Header.Set("If-None-Match", rec.Header().Get("ETag"))
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("revalidation: %d, want 304", rec.Code)
	}
}

func TestEmptySite(t *testing.T) {
	t.Parallel()
	h := newServer(t, storetest.SQLite(t)).Handler()
	for _, target := range []string{"/", "/rss.xml", "/sitemap.xml"} {
		if res, _ := get(t, h, target); res.StatusCode != 200 {
			t.Errorf("empty site %s: %d", target, res.StatusCode)
		}
	}
}

// BenchmarkArticlePage renders the reference article without a page cache,
// on SQLite and (when configured) PostgreSQL, for a side-by-side figure.
func BenchmarkArticlePage(b *testing.B) {
	for _, d := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(d.name, func(b *testing.B) {
			h := newDemoServer(b, d.open(b)).Handler()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, referenceURL, nil))
				if rec.Code != 200 {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}
