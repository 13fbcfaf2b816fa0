package web

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// chromeSite is the demo site with a chrome cache, as internal/app wires
// it, and no page cache, so every request renders.
type chromeSite struct {
	s       *Server
	h       http.Handler
	changes *store.Changes
	clock   time.Time // the chrome cache's wall clock
}

func newChromeSite(t testing.TB, db *store.DB, ttl time.Duration) *chromeSite {
	t.Helper()
	c := &chromeSite{s: newDemoServer(t, db), changes: store.NewChanges(db, nil), clock: time.Now()}
	c.s.shared = newChromeCache(ttl, c.changes.Generation)
	c.s.shared.clock = func() time.Time { return c.clock }
	c.h = c.s.Handler()
	return c
}

func TestChromeCacheFollowsChangesAndTime(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := newChromeSite(t, db, time.Second)
		ctx := context.Background()
		_, before := get(t, c.h, "/")
		if !strings.Contains(before, "Sở Khoa học và Công nghệ") {
			t.Fatal("demo site name missing")
		}
		const renamed = "Cổng thông tin thử nghiệm tốc độ"
		if err := site.Save(ctx, db, 1, map[string]string{site.KeySiteName: renamed}); err != nil {
			t.Fatal(err)
		}
		// Unannounced and within the time to live: the cached chrome.
		if _, body := get(t, c.h, referenceURL); strings.Contains(body, renamed) {
			t.Fatal("the chrome was read again within its time to live: nothing is cached")
		}
		c.changes.Changed(ctx)
		if _, body := get(t, c.h, referenceURL); !strings.Contains(body, renamed) {
			t.Error("an announced change did not reach the next page")
		}
		const again = "Cổng thông tin sau một giây"
		if err := site.Save(ctx, db, 1, map[string]string{site.KeySiteName: again}); err != nil {
			t.Fatal(err)
		}
		c.clock = c.clock.Add(time.Second)
		if _, body := get(t, c.h, "/"); !strings.Contains(body, again) {
			t.Error("the chrome outlived its time to live")
		}
	})
}

// TestChromeCacheVoterSeesOwnVote: the sidebar of a voter counts their
// vote at once, though the shared counts are a moment old.
func TestChromeCacheVoterSeesOwnVote(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := newChromeSite(t, db, time.Hour)
		voter := signedCookie("CCCCCCCCCCCCCCCCCCCCCC")
		total := func(body string) string {
			m := regexp.MustCompile(`<dd class="total">([0-9.]+)</dd>`).FindStringSubmatch(body)
			if m == nil {
				t.Fatal("no vote total on the page")
			}
			return m[1]
		}
		var marker []*http.Cookie // what the vote answer sets, sent back as a browser does
		req := func(method, target string, body string) *http.Response {
			r, _ := http.NewRequest(method, target, strings.NewReader(body))
			r.RemoteAddr = "192.0.2.7:1234"
			r.AddCookie(&http.Cookie{Name: visitorCookie, Value: voter})
			for _, ck := range marker {
				r.AddCookie(ck)
			}
			if method == http.MethodPost {
				r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			rec := httptest.NewRecorder()
			c.h.ServeHTTP(rec, r)
			return rec.Result()
		}
		_, page := get(t, c.h, "/")
		before := total(page)
		var optionID string
		db.QueryRowContext(t.Context(), `SELECT CAST(min(id) AS TEXT) FROM poll_options WHERE poll_id = 1`).
			Scan(&optionID)
		vote := req(http.MethodPost, "/binh-chon/1", url.Values{"option": {optionID}}.Encode())
		if vote.StatusCode != http.StatusSeeOther {
			t.Fatalf("vote: %d", vote.StatusCode)
		}
		marker = vote.Cookies()
		res := req(http.MethodGet, "/", "")
		b, _ := io.ReadAll(res.Body)
		body := string(b)
		if strings.Contains(body, `name="option"`) {
			t.Fatal("the voter was shown the form")
		}
		if total(body) == before {
			t.Errorf("the voter's sidebar shows %s votes, as before their vote", before)
		}
		if _, other := get(t, c.h, "/"); total(other) != before {
			t.Errorf("another visitor's sidebar: %s votes; the shared chrome is kept for an hour, want %s", total(other), before)
		}
	})
}

// TestLatestPerCategory: the home page's blocks hold each category's
// newest visible articles, as a list of that category alone would.
func TestLatestPerCategory(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		if err := demo.Load(ctx, db, 1); err != nil {
			t.Fatal(err)
		}
		if err := demo.Generate(ctx, db, demo.GenerateOptions{SiteID: 1, N: 300, Seed: 7}); err != nil {
			t.Fatal(err)
		}
		cs := content.NewStore(db)
		cats, err := cs.Categories(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		// Newer than everything but not for the public: a draft, a
		// scheduled article, an expired one and a members-only one.
		now := time.Now()
		later, earlier := now.Add(time.Hour), now.Add(-time.Minute)
		hidden := []*content.Article{
			{SiteID: 1, CategoryID: cats[0].ID, Title: "Bản nháp mới nhất", Status: content.StatusDraft, PublishAt: &earlier},
			{SiteID: 1, CategoryID: cats[0].ID, Title: "Tin hẹn giờ", Status: content.StatusPublished, PublishAt: &later},
			{SiteID: 1, CategoryID: cats[0].ID, Title: "Tin đã hết hạn", Status: content.StatusPublished, PublishAt: &earlier, UnpublishAt: &earlier},
			{SiteID: 1, CategoryID: cats[0].ID, Title: "Tin cho thành viên", Status: content.StatusPublished, PublishAt: &earlier, Access: content.AccessRegistered},
		}
		for _, a := range hidden {
			if err := cs.CreateArticle(ctx, db, a); err != nil {
				t.Fatal(err)
			}
		}
		got, err := cs.LatestPerCategory(ctx, 1, 5, now)
		if err != nil {
			t.Fatal(err)
		}
		for _, cat := range cats {
			want, err := cs.ListPublished(ctx, content.ListOptions{SiteID: 1, CategoryIDs: []int64{cat.ID}, Limit: 5}, now)
			if err != nil {
				t.Fatal(err)
			}
			if len(got[cat.ID]) != len(want) {
				t.Errorf("%s: %d articles, want %d", cat.Slug, len(got[cat.ID]), len(want))
				continue
			}
			for i := range want {
				if got[cat.ID][i].ID != want[i].ID || got[cat.ID][i].CategorySlug != cat.Slug {
					t.Errorf("%s #%d: article %d (%s), want %d", cat.Slug, i, got[cat.ID][i].ID, got[cat.ID][i].CategorySlug, want[i].ID)
				}
			}
		}
	})
}

// TestImagesAreLean: every image on the main pages says its size, so the
// page does not jump as it loads, and images below the fold (list
// thumbnails) load only when scrolled to. The lead image of the home page
// and of an article is the page's largest paint and loads at once.
func TestImagesAreLean(t *testing.T) {
	t.Parallel()
	h := newDemoServer(t, storetest.SQLite(t)).Handler()
	imgs := 0
	for _, p := range []string{"/", "/tin-tuc-su-kien/", "/to-chuc-dang/", referenceURL, "/tim-kiem?q=khoa+hoc"} {
		_, body := get(t, h, p)
		for _, tag := range regexp.MustCompile(`<img\b[^>]*>`).FindAllString(body, -1) {
			imgs++
			if !strings.Contains(tag, ` width="`) || !strings.Contains(tag, ` height="`) {
				t.Errorf("%s: image without its size: %s", p, tag)
			}
			if strings.Contains(tag, `class="emblem"`) || strings.Contains(tag, ` sizes="(max-width: 800px)`) {
				continue // the header's emblem and the lead image are at the top
			}
			if !strings.Contains(tag, ` loading="lazy"`) {
				t.Errorf("%s: image below the fold loads eagerly: %s", p, tag)
			}
		}
		for _, bad := range []string{`<script src="http`, `<link rel="stylesheet" href="http`, "fonts.googleapis"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: third-party resource %q", p, bad)
			}
		}
	}
	if imgs < 5 {
		t.Errorf("only %d images on the pages: the test sees nothing", imgs)
	}
}

// slowPage is a handler that counts the pages it makes and holds each
// until released.
type slowPage struct {
	made    atomic.Int32
	entered chan struct{}
	release chan struct{}
}

func (p *slowPage) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := p.made.Add(1)
	p.entered <- struct{}{}
	<-p.release
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, "<p>trang lần "+strconv.Itoa(int(n))+"</p>"+strings.Repeat("<p>nội dung</p>", 100))
}

func newSlowCache(ttl time.Duration) (*pageCache, http.Handler, *slowPage) {
	s := &Server{cfg: Config{BaseURL: "https://skhcn.example.vn"},
		cache: newPageCache(1<<20, ttl, func() uint64 { return 0 })}
	p := &slowPage{entered: make(chan struct{}, 100), release: make(chan struct{})}
	return s.cache, s.cachePages(p), p
}

func serveAsync(h http.Handler, target string) <-chan *httptest.ResponseRecorder {
	out := make(chan *httptest.ResponseRecorder, 1)
	go func() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		out <- rec
	}()
	return out
}

// TestCrowdMakesAPageOnce: requests for a page that is being made wait
// for it rather than each making it.
func TestCrowdMakesAPageOnce(t *testing.T) {
	_, h, page := newSlowCache(time.Minute)
	first := serveAsync(h, "/tin-tuc/")
	<-page.entered
	var rest []<-chan *httptest.ResponseRecorder
	for i := 0; i < 20; i++ {
		rest = append(rest, serveAsync(h, "/tin-tuc/"))
	}
	time.Sleep(50 * time.Millisecond) // let them arrive; any order passes
	close(page.release)
	want := (<-first).Body.String()
	for _, ch := range rest {
		if got := (<-ch).Body.String(); got != want {
			t.Fatalf("a waiting request got another page: %.40q", got)
		}
	}
	if n := page.made.Load(); n != 1 {
		t.Errorf("the page was made %d times for 21 requests", n)
	}
}

// TestStalePageWhileItIsMadeAgain: past its time to live, one request
// makes the page again and the others are given the old one meanwhile.
func TestStalePageWhileItIsMadeAgain(t *testing.T) {
	c, h, page := newSlowCache(time.Minute)
	go func() { <-page.entered; page.release <- struct{}{} }()
	old := (<-serveAsync(h, "/")).Body.String()
	e, _ := c.get("/?", time.Now())
	e.stored = e.stored.Add(-time.Hour) // past its time to live

	remaking := serveAsync(h, "/")
	<-page.entered
	stale := <-serveAsync(h, "/")
	if stale.Header().Get("X-Cache") != "STALE" || stale.Body.String() != old {
		t.Errorf("while the page is made again: X-Cache %q, old page %v", stale.Header().Get("X-Cache"), stale.Body.String() == old)
	}
	page.release <- struct{}{}
	if r := <-remaking; r.Header().Get("X-Cache") != "MISS" || r.Body.String() == old {
		t.Errorf("the request that made the page again: X-Cache %q", r.Header().Get("X-Cache"))
	}
	if r := <-serveAsync(h, "/"); r.Header().Get("X-Cache") != "HIT" || r.Body.String() == old {
		t.Errorf("after: X-Cache %q, new page %v", r.Header().Get("X-Cache"), r.Body.String() != old)
	}
}

// TestPagesKeptGzipped: a page is stored gzipped only; brotli is made the
// first time a browser asks for it and counted; a client without gzip
// gets the very page decompressed.
func TestPagesKeptGzipped(t *testing.T) {
	t.Parallel()
	c := newCachedSite(t, storetest.SQLite(t), time.Minute, 32<<20)
	first := c.do(t, "GET", referenceURL, nil, withHeader("Accept-Encoding", "gzip"))
	e, _ := c.s.cache.get(referenceURL+"?", time.Now())
	if e == nil || e.gz == nil || e.plain != nil || e.br.data != nil {
		t.Fatalf("after a gzip request: entry %v, gzip %v, plain kept %v, brotli made %v",
			e != nil, e != nil && e.gz != nil, e != nil && e.plain != nil, e != nil && e.br.data != nil)
	}
	if first.Header().Get("Content-Length") != strconv.Itoa(len(e.gz)) || !bytes.Equal(first.Body.Bytes(), e.gz) {
		t.Errorf("gzip answer: Content-Length %s for %d stored bytes", first.Header().Get("Content-Length"), len(e.gz))
	}
	_, used := c.s.cache.usage()
	if used != e.size() {
		t.Errorf("cache counts %d bytes, want %d", used, e.size())
	}
	br := c.do(t, "GET", referenceURL, nil, withHeader("Accept-Encoding", "gzip, deflate, br"))
	if br.Header().Get("Content-Encoding") != "br" || e.br.data == nil {
		t.Fatalf("browser answer: %q, brotli made %v", br.Header().Get("Content-Encoding"), e.br.data != nil)
	}
	if _, used = c.s.cache.usage(); used != e.size()+len(e.br.data) {
		t.Errorf("cache counts %d bytes after brotli was made, want %d", used, e.size()+len(e.br.data))
	}
	plain := c.do(t, "GET", referenceURL, nil)
	want, err := gunzipBytes(e.gz)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Header().Get("Content-Encoding") != "" || !bytes.Equal(plain.Body.Bytes(), want) ||
		plain.Header().Get("Content-Length") != strconv.Itoa(len(want)) {
		t.Errorf("answer without gzip: encoding %q, %d bytes, Content-Length %s",
			plain.Header().Get("Content-Encoding"), plain.Body.Len(), plain.Header().Get("Content-Length"))
	}
}
