package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func newSearchServer(t *testing.T, db *store.DB) http.Handler {
	t.Helper()
	s := newDemoServer(t, db)
	if _, err := search.EnsureIndex(context.Background(), db, 1); err != nil {
		t.Fatal(err)
	}
	return s.Handler()
}

func TestSearchPage(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		h := newSearchServer(t, db)

		res, body := get(t, h, "/tim-kiem?q=dang+bo")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		mustContain(t, body, `<mark>Đảng</mark> <mark>bộ</mark>`, `value="dang bo"`, "kết quả cho “dang bo”",
			`class="summary search-hit"`, "/to-chuc-dang/")

		_, body = get(t, h, "/tim-kiem?q="+url.QueryEscape(`"tấm gương đạo đức"`))
		mustContain(t, body, referenceURL, "<mark>tấm</mark> <mark>gương</mark> <mark>đạo</mark> <mark>đức</mark>",
			"Tìm thấy 1 kết quả")

		_, body = get(t, h, "/tim-kiem?q=chi+thi+03")
		mustContain(t, body, referenceURL, "<mark>Chỉ</mark> <mark>thị</mark> <mark>03</mark>")
		if res.Header.Get("X-Robots-Tag") != "noindex" {
			t.Error("results page lacks noindex")
		}
	})
}

func TestSearchPageEmptyQueryShowsHint(t *testing.T) {
	t.Parallel()
	h := newSearchServer(t, storetest.SQLite(t))
	for _, target := range []string{"/tim-kiem", "/tim-kiem?q=", "/tim-kiem?q=+++", "/tim-kiem?q=-covid", "/tim-kiem?q=%22%22"} {
		res, body := get(t, h, target)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", target, res.StatusCode)
		}
		mustContain(t, body, `class="search-hint"`)
	}
}

func TestSearchPageFiltersAndPaging(t *testing.T) {
	t.Parallel()
	h := newSearchServer(t, storetest.SQLite(t))
	_, body := get(t, h, "/tim-kiem?q=dang+bo&tu=01/01/2015&den=31/12/2015")
	mustContain(t, body, "-dai-hoi-dang-bo-so-khoa-hoc-va-cong-nghe-lan-thu-viii-", `value="01/01/2015"`)
	if strings.Contains(body, "2020 - 2025") {
		t.Error("date filter let a 2020 article through")
	}
	_, body = get(t, h, "/tim-kiem?q=khoa+hoc&chuyen-muc=thong-bao")
	mustContain(t, body, "Thông báo tuyển chọn", `<option value="thong-bao" selected>`)
	if strings.Contains(body, `<h3><a href="/to-chuc-dang/`) {
		t.Error("category filter let another category through")
	}
	// khoa hoc matches most of the demo: two pages at least, and the
	// pager keeps the query.
	_, body = get(t, h, "/tim-kiem?q=khoa+hoc")
	mustContain(t, body, `rel="next" href="/tim-kiem?q=khoa&#43;hoc&amp;trang=2"`)
	_, body = get(t, h, "/tim-kiem?q=khoa+hoc&trang=2&sap-xep=moi-nhat")
	mustContain(t, body, "Trang 2/", `rel="prev"`, `<option value="moi-nhat" selected>`)
}

func TestSearchPageBadInput(t *testing.T) {
	t.Parallel()
	h := newSearchServer(t, storetest.SQLite(t))
	long := strings.Repeat("đảng bộ ", 1300) // 10,000+ characters
	for _, q := range []string{
		"/tim-kiem?q=" + url.QueryEscape("NEAR AND OR * ^"),
		"/tim-kiem?q=" + url.QueryEscape(`"unbalanced`),
		"/tim-kiem?q=" + url.QueryEscape(`"""`),
		"/tim-kiem?q=" + url.QueryEscape("!!!???..."),
		"/tim-kiem?q=" + url.QueryEscape(long),
		"/tim-kiem?q=%ff%fe%fd",
		"/tim-kiem?q=%c3",
		"/tim-kiem?q=a%00b",
		"/tim-kiem?q=dang&tu=31/02/2020&den=abc",
		"/tim-kiem?q=dang&chuyen-muc=" + url.QueryEscape("<script>alert(1)</script>"),
		"/tim-kiem?q=dang&trang=abc",
		"/tim-kiem?q=dang&trang=-3",
		"/tim-kiem?q=dang&trang=99999999999999999999",
		"/tim-kiem?q=dang&trang=500",
		"/tim-kiem?q=dang&sap-xep=%27;DROP",
		"/tim-kiem?q=" + url.QueryEscape("'; DROP TABLE articles; --"),
		"/tim-kiem?q=" + url.QueryEscape("title:dang {body}: NEAR(a b, 3)"),
	} {
		res, body := get(t, h, q)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%.80s: status %d", q, res.StatusCode)
		}
		mustContain(t, body, `<form class="search-form"`)
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%.80s: reflected script", q)
		}
	}
	_, body := get(t, h, "/tim-kiem?q=dang&tu=31/02/2020")
	mustContain(t, body, "31/02/2020” không hợp lệ")
}

// TestSearchSnippetEscapesArticleText puts markup into an article's
// title, intro and body (as entities: the sanitiser would drop real
// tags) and checks that the results page shows it as text.
func TestSearchSnippetEscapesArticleText(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	h := newSearchServer(t, db)
	ctx := context.Background()
	cs := content.NewStore(db).WithIndexer(search.NewIndexer(db.Dialect))
	cats, err := cs.Categories(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	a := &content.Article{SiteID: 1, CategoryID: cats[0].ID, Status: content.StatusPublished, PublishAt: &demo.Now,
		Title:     `Quả pitaya <script>alert("t")</script> & "Đảng"`,
		IntroHTML: `<p>&lt;img src=x onerror=alert(1)&gt; pitaya &amp;lt;b&amp;gt; '&quot;</p>`,
		BodyHTML:  `<p>pitaya <b>đậm</b> &lt;/mark&gt;&lt;script&gt;alert(2)&lt;/script&gt; pitaya</p>`}
	if err := db.InTx(ctx, func(tx store.Tx) error { return cs.CreateArticle(ctx, tx, a) }); err != nil {
		t.Fatal(err)
	}
	_, page := get(t, h, "/tim-kiem?q=pitaya")
	start := strings.Index(page, `<article class="summary search-hit">`)
	if start < 0 {
		t.Fatal("no result")
	}
	body := page[start:]
	body = body[:strings.Index(body, "</article>")]
	for _, bad := range []string{"<script>", "<img", "onerror=alert(1)>", "</mark><script>"} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	mustContain(t, body, "&lt;script&gt;alert(", "&lt;img src=x onerror=alert(1)&gt; <mark>pitaya</mark>",
		"&lt;/mark&gt;&lt;script&gt;alert(2)&lt;/script&gt; <mark>pitaya</mark>")
}
