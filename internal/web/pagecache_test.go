package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// cachedSite is the demo site with a page cache, a change counter and a
// visit recorder, as internal/app wires them.
type cachedSite struct {
	s       *Server
	h       http.Handler
	changes *store.Changes
	rec     *stats.Recorder
}

func newCachedSite(t testing.TB, db *store.DB, ttl time.Duration, maxBytes int) *cachedSite {
	t.Helper()
	s := newDemoServer(t, db)
	c := &cachedSite{s: s, changes: store.NewChanges(db, nil)}
	c.rec = newRecorder(t, db, stats.RecorderConfig{SiteID: 1, Node: "test", Now: s.now})
	s.stats = c.rec
	s.cache = newPageCache(maxBytes, ttl, c.changes.Generation)
	c.h = s.Handler()
	return c
}

type reqOpt func(*http.Request)

func withCookie(name, value string) reqOpt {
	return func(r *http.Request) { r.AddCookie(&http.Cookie{Name: name, Value: value}) }
}
func withHeader(k, v string) reqOpt { return func(r *http.Request) { r.Header.Set(k, v) } }

func (c *cachedSite) do(t testing.TB, method, target string, body io.Reader, opts ...reqOpt) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	req.Header.Set("User-Agent", "Mozilla/5.0 (Linux; Android 10) Chrome/120 Mobile")
	for _, o := range opts {
		o(req)
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	return rec
}

func TestCacheServesAndRevalidates(t *testing.T) {
	t.Parallel()
	c := newCachedSite(t, storetest.SQLite(t), time.Minute, 32<<20)
	first := c.do(t, "GET", referenceURL, nil)
	second := c.do(t, "GET", referenceURL, nil)
	if first.Header().Get("X-Cache") != "MISS" || second.Header().Get("X-Cache") != "HIT" {
		t.Fatalf("X-Cache: %q then %q", first.Header().Get("X-Cache"), second.Header().Get("X-Cache"))
	}
	if first.Body.String() != second.Body.String() {
		t.Error("cached page differs from the page made for it")
	}
	if v := second.Header().Get("Vary"); !strings.Contains(v, "Accept-Encoding") {
		t.Errorf("Vary %q", v)
	}
	if cc := second.Header().Get("Cache-Control"); !strings.Contains(cc, "public") || !strings.Contains(cc, "s-maxage=60") {
		t.Errorf("Cache-Control %q", cc)
	}
	etag := second.Header().Get("ETag")
	if etag == "" || second.Header().Get("Last-Modified") == "" {
		t.Fatal("no ETag or Last-Modified")
	}
	r304 := c.do(t, "GET", referenceURL, nil, withHeader("If-None-Match", etag))
	if r304.Code != http.StatusNotModified || r304.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d with %d bytes, want an empty 304", r304.Code, r304.Body.Len())
	}
	ims := c.do(t, "GET", referenceURL, nil, withHeader("If-Modified-Since", second.Header().Get("Last-Modified")))
	if ims.Code != http.StatusNotModified {
		t.Errorf("If-Modified-Since: %d", ims.Code)
	}
	other := c.do(t, "GET", referenceURL, nil, withHeader("If-None-Match", `W/"something-else"`))
	if other.Code != http.StatusOK {
		t.Errorf("stale ETag: %d", other.Code)
	}
}

// TestCompressedBodiesAreTheSamePage: gzip and brotli bodies decode to
// the identity body byte for byte.
func TestCompressedBodiesAreTheSamePage(t *testing.T) {
	t.Parallel()
	c := newCachedSite(t, storetest.SQLite(t), time.Minute, 32<<20)
	plain := c.do(t, "GET", "/", nil).Body.Bytes()
	gz := c.do(t, "GET", "/", nil, withHeader("Accept-Encoding", "gzip"))
	br := c.do(t, "GET", "/", nil, withHeader("Accept-Encoding", "gzip, deflate, br"))
	if gz.Header().Get("Content-Encoding") != "gzip" || br.Header().Get("Content-Encoding") != "br" {
		t.Fatalf("encodings %q and %q", gz.Header().Get("Content-Encoding"), br.Header().Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	unz, _ := io.ReadAll(zr)
	unbr, _ := io.ReadAll(brotli.NewReader(br.Body))
	if !bytes.Equal(unz, plain) || !bytes.Equal(unbr, plain) {
		t.Errorf("decoded bodies differ: plain %d, gzip %d, brotli %d bytes", len(plain), len(unz), len(unbr))
	}
	if gz.Body.Len() >= len(plain)/2 {
		t.Errorf("gzip body %d bytes of %d: not compressed", gz.Body.Len(), len(plain))
	}
}

// TestPublishedChangeIsVisibleAtOnce: a change announced by the newsroom
// reaches the next request, whatever the time to live.
func TestPublishedChangeIsVisibleAtOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := newCachedSite(t, db, time.Hour, 32<<20)
		c.do(t, "GET", "/", nil)
		if c.do(t, "GET", "/", nil).Header().Get("X-Cache") != "HIT" {
			t.Fatal("home page not cached")
		}
		ctx := context.Background()
		cs := content.NewStore(db)
		cat, _ := cs.CategoryBySlug(ctx, 1, "tin-tuc-su-kien")
		now := demo.Now.Add(-time.Minute)
		a := &content.Article{SiteID: 1, CategoryID: cat.ID, Title: "Tin mới vừa đăng về chuyển đổi số", Status: content.StatusPublished, PublishAt: &now}
		if err := cs.CreateArticle(ctx, db, a); err != nil {
			t.Fatal(err)
		}
		c.changes.Changed(ctx)
		res := c.do(t, "GET", "/", nil)
		if res.Header().Get("X-Cache") != "MISS" || !strings.Contains(res.Body.String(), a.Title) {
			t.Errorf("after a change: X-Cache %q, shows the new article: %v", res.Header().Get("X-Cache"), strings.Contains(res.Body.String(), a.Title))
		}
	})
}

func TestCacheTimeToLive(t *testing.T) {
	c := newCachedSite(t, storetest.SQLite(t), time.Second, 32<<20)
	c.do(t, "GET", "/", nil)
	if c.do(t, "GET", "/", nil).Header().Get("X-Cache") != "HIT" {
		t.Fatal("not cached")
	}
	time.Sleep(1100 * time.Millisecond)
	if got := c.do(t, "GET", "/", nil).Header().Get("X-Cache"); got != "MISS" {
		t.Errorf("after the time to live: %q", got)
	}
}

func TestSignedInUsersGetNoCachedPage(t *testing.T) {
	t.Parallel()
	c := newCachedSite(t, storetest.SQLite(t), time.Minute, 32<<20)
	c.do(t, "GET", "/", nil)
	signed := c.do(t, "GET", "/", nil, withCookie(sessionCookie, "phien-dang-nhap"))
	if signed.Header().Get("X-Cache") != "" {
		t.Errorf("signed-in request went through the cache: %q", signed.Header().Get("X-Cache"))
	}
	// What a signed-in user is shown is not stored for others either.
	c2 := newCachedSite(t, storetest.SQLite(t), time.Minute, 32<<20)
	c2.do(t, "GET", "/trang/lien-he", nil, withCookie(sessionCookie, "x"))
	if got := c2.do(t, "GET", "/trang/lien-he", nil).Header().Get("X-Cache"); got != "MISS" {
		t.Errorf("anonymous request after a signed-in one: %q, want MISS", got)
	}
}

// TestVoterSeesOwnResultsOthersTheForm: the page with a voter's results
// is theirs; the cache never gives it to another visitor, nor the form
// to the voter.
func TestVoterSeesOwnResultsOthersTheForm(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		c := newCachedSite(t, db, time.Minute, 32<<20)
		voter := signedCookie("AAAAAAAAAAAAAAAAAAAAAA")
		other := signedCookie("BBBBBBBBBBBBBBBBBBBBBB")
		var optionID string
		var marker *http.Cookie
		voteAs := func(t *testing.T) *httptest.ResponseRecorder {
			return c.do(t, "POST", "/binh-chon/1", strings.NewReader(url.Values{"option": {optionID}}.Encode()),
				withCookie(visitorCookie, voter), withHeader("Content-Type", "application/x-www-form-urlencoded"))
		}

		if !t.Run("both visitors fill the cache with the form first", func(t *testing.T) {
			c.do(t, "GET", "/", nil, withCookie(visitorCookie, other))
			if !strings.Contains(c.do(t, "GET", "/", nil, withCookie(visitorCookie, voter)).Body.String(), `name="option"`) {
				t.Fatal("no voting form on the home page")
			}
		}) {
			return
		}

		if !t.Run("a vote is remembered in an HttpOnly cookie", func(t *testing.T) {
			db.QueryRowContext(t.Context(), `SELECT CAST(min(id) AS TEXT) FROM poll_options`).Scan(&optionID)
			vote := voteAs(t)
			if vote.Code != http.StatusSeeOther {
				t.Fatalf("vote: %d %s", vote.Code, vote.Body.String())
			}
			for _, ck := range vote.Result().Cookies() {
				if ck.Name == votedPollsCookie {
					marker = ck
				}
			}
			if marker == nil || marker.Value != "1" || !marker.HttpOnly {
				t.Fatalf("vote did not remember the poll in a cookie: %+v", marker)
			}
		}) {
			return
		}

		t.Run("the voter is shown the results on a private page, not from the cache", func(t *testing.T) {
			mine := c.do(t, "GET", "/", nil, withCookie(visitorCookie, voter), withCookie(votedPollsCookie, marker.Value))
			if strings.Contains(mine.Body.String(), `name="option"`) || mine.Header().Get("X-Cache") == "HIT" {
				t.Errorf("voter got the form (or a cached page: %q)", mine.Header().Get("X-Cache"))
			}
			if cc := mine.Header().Get("Cache-Control"); !strings.Contains(cc, "private") {
				t.Errorf("voter's page Cache-Control %q, want private", cc)
			}
		})

		t.Run("another visitor is still given the form", func(t *testing.T) {
			theirs := c.do(t, "GET", "/", nil, withCookie(visitorCookie, other))
			if !strings.Contains(theirs.Body.String(), `name="option"`) {
				t.Error("another visitor was given the voter's page")
			}
		})

		t.Run("a voter who lost the marker cookie gets the page everyone gets", func(t *testing.T) {
			for _, path := range []string{"/", "/to-chuc-dang/"} {
				lost := c.do(t, "GET", path, nil, withCookie(visitorCookie, voter))
				if !strings.Contains(lost.Body.String(), `name="option"`) {
					t.Errorf("%s: voter without the marker cookie got a page of their own", path)
				}
			}
		})

		t.Run("without the marker cookie a second vote is refused by the database", func(t *testing.T) {
			if again := voteAs(t); again.Code != http.StatusConflict {
				t.Errorf("second vote without the marker cookie: %d, want 409", again.Code)
			}
		})
	})
}

// TestCachedPagesAreCounted: views served from the cache still count (by
// five visitors, as one visitor's repeated views of an article count once).
func TestCachedPagesAreCounted(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	c := newCachedSite(t, db, time.Minute, 32<<20)
	var before int64
	db.QueryRowContext(t.Context(), `SELECT hits FROM articles WHERE id = 1`).Scan(&before)
	for i := 0; i < 5; i++ {
		if r := c.do(t, "GET", referenceURL, nil, withCookie(visitorCookie, cookieN(i))); r.Code != 200 {
			t.Fatal(r.Code)
		}
	}
	if err := c.rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	var after int64
	db.QueryRowContext(t.Context(), `SELECT hits FROM articles WHERE id = 1`).Scan(&after)
	if after-before != 5 {
		t.Errorf("5 views (4 from the cache) counted as %d", after-before)
	}
	if c.s.cache.hits.Load() < 4 {
		t.Errorf("cache hits %d, want 4", c.s.cache.hits.Load())
	}
}

func TestCacheMemoryBound(t *testing.T) {
	t.Parallel()
	c := newCachedSite(t, storetest.SQLite(t), time.Minute, 60<<10)
	for _, p := range []string{"/", "/to-chuc-dang/", "/tin-tuc-su-kien/", "/khoa-hoc-cong-nghe/", "/thong-bao/",
		"/van-ban-chinh-sach/", "/trang/lien-he", "/trang/gioi-thieu", referenceURL, "/so-huu-tri-tue/"} {
		// Each encoding is made when first asked for and counted then.
		c.do(t, "GET", p, nil, withHeader("Accept-Encoding", "gzip, deflate, br"))
		c.do(t, "GET", p, nil, withHeader("Accept-Encoding", "gzip"))
	}
	_, used := c.s.cache.usage()
	if used > 60<<10 {
		t.Errorf("cache holds %d bytes, over its 60 KiB budget", used)
	}
	if c.s.cache.evicted.Load() == 0 {
		t.Error("nothing evicted: the test did not fill the cache")
	}
}

func TestUncachedAnswers(t *testing.T) {
	t.Parallel()
	c := newCachedSite(t, storetest.SQLite(t), time.Minute, 32<<20)
	for _, target := range []string{"/khong-co/", "/binh-chon/1", "/healthz"} {
		c.do(t, "GET", target, nil)
		if got := c.do(t, "GET", target, nil).Header().Get("X-Cache"); got == "HIT" {
			t.Errorf("%s was served from the cache", target)
		}
	}
}
