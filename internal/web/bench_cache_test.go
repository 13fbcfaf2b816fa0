package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// These benchmarks time the reference article through the whole public
// handler (counting, cache, page) as bench/run loads it: a returning
// visitor's browser asking for gzip. bench/README.md shows how to run
// them and read a profile.
//
//	go test ./internal/web -run '^$' -bench 'Article' -benchmem

// benchSite is the demo site wired as internal/app wires it: a visit
// recorder, a change counter, a page cache (when cacheBytes > 0) and the
// chrome cache (when chromeTTL > 0), on the real clock.
func benchSite(b *testing.B, db *store.DB, cacheBytes int, chromeTTL time.Duration) http.Handler {
	b.Helper()
	s := newDemoServer(b, db)
	s.now = time.Now
	s.stats = newRecorder(b, db, stats.RecorderConfig{SiteID: 1, Node: "bench",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	changes := store.NewChanges(db, nil)
	if cacheBytes > 0 {
		s.cache = newPageCache(cacheBytes, time.Minute, changes.Generation)
	}
	if chromeTTL > 0 {
		s.shared = newChromeCache(chromeTTL, changes.Generation)
	}
	b.Cleanup(func() { s.stats.Flush(context.Background()) })
	return s.Handler()
}

// benchRequest is a browser's GET of the reference article.
func benchRequest() *http.Request {
	r := httptest.NewRequest(http.MethodGet, referenceURL, nil)
	r.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
	r.Header.Set("Accept-Encoding", "gzip")
	r.AddCookie(&http.Cookie{Name: visitorCookie, Value: signedCookie("QmVuY2htYXJrVmlzaXRvcg")})
	return r
}

// benchWriter is a ResponseWriter that keeps nothing but the status and
// the byte count, with a header map reused between requests as net/http
// reuses little else.
type benchWriter struct {
	h      http.Header
	status int
	n      int
}

func (w *benchWriter) Header() http.Header { return w.h }
func (w *benchWriter) WriteHeader(s int) {
	if w.status == 0 {
		w.status = s
	}
}
func (w *benchWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.n += len(p)
	return len(p), nil
}
func (w *benchWriter) reset() {
	clear(w.h)
	w.status, w.n = 0, 0
}

func runArticle(b *testing.B, h http.Handler) {
	b.Helper()
	w := &benchWriter{h: http.Header{}}
	r := benchRequest()
	h.ServeHTTP(w, r) // fills the caches
	if w.status != http.StatusOK {
		b.Fatalf("status %d", w.status)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		w.reset()
		h.ServeHTTP(w, r)
	}
	b.StopTimer()
	if w.status != http.StatusOK || w.n == 0 {
		b.Fatalf("status %d, %d bytes", w.status, w.n)
	}
	b.ReportMetric(float64(w.n), "bytes/resp")
}

// BenchmarkArticleCacheHit is the page cache's hit path: counting, the
// lookup, and the stored gzip body.
func BenchmarkArticleCacheHit(b *testing.B) {
	runArticle(b, benchSite(b, storetest.SQLite(b), 32<<20, time.Second))
}

// BenchmarkArticleRender is a page the cache does not serve: the article
// read, its related list, the chrome (shared part from the chrome cache,
// the visitor's vote from the database) and the template.
func BenchmarkArticleRender(b *testing.B) {
	runArticle(b, benchSite(b, storetest.SQLite(b), 0, time.Second))
}

// BenchmarkArticleRenderNoChromeCache reads the whole chrome for every
// page, as the server did before the chrome cache.
func BenchmarkArticleRenderNoChromeCache(b *testing.B) {
	runArticle(b, benchSite(b, storetest.SQLite(b), 0, 0))
}
