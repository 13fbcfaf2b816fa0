package app

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store/storetest"
)

// TestDatabaseCutOffUnderLoad puts a TCP proxy between the server and
// PostgreSQL and cuts it while visitors keep coming: the pages cached
// before are served stale, pages never made get a 503 with Retry-After,
// never a 500; /healthz stays up and /readyz goes down; and when the
// proxy is back, everything recovers without a restart.
func TestDatabaseCutOffUnderLoad(t *testing.T) {
	dbURL := storetest.NewPostgresDatabase(t)
	proxy := newDBProxy(t, hostOf(t, dbURL))
	_, srv := startSite(t, "--demo", "--database", proxy.through(t, dbURL), "--page-cache-ttl", "1s")
	cached := srv.URL + referencePath
	uncached := srv.URL + "/tim-kiem?q=chi+thi"

	t.Run("before the cut the site serves and is ready", func(t *testing.T) {
		if got := fetch(t, "GET", cached, ""); got.status != 200 {
			t.Fatalf("article: %d", got.status)
		}
		if got := fetch(t, "GET", srv.URL+"/readyz", ""); got.status != 200 {
			t.Fatalf("/readyz: %d %s", got.status, got.body)
		}
	})

	proxy.cut()
	time.Sleep(1100 * time.Millisecond) // past the page's time to live: it must be made again, and cannot

	t.Run("under load a cached page is served stale and an uncached one gets 503, never 500", func(t *testing.T) {
		const visitors, each = 8, 10
		var mu sync.Mutex
		seen := map[string]int{}
		staleError := 0
		var wg sync.WaitGroup
		for range visitors {
			wg.Go(func() {
				for i := range each {
					target := cached
					if i%2 == 1 {
						target = uncached
					}
					got := fetch(t, "GET", target, "")
					// STALE: served while another request tried to make the
					// page; STALE-ERROR: served because making it failed.
					key := strings.TrimPrefix(target, srv.URL) + " " + http.StatusText(got.status)
					if strings.HasPrefix(got.xCache, "STALE") {
						key += " stale"
					}
					if got.status == http.StatusServiceUnavailable && got.retryAfter == "" {
						key += " without Retry-After"
					}
					mu.Lock()
					seen[key]++
					if got.xCache == "STALE-ERROR" {
						staleError++
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()

		want := map[string]int{
			referencePath + " OK stale":               visitors * each / 2,
			"/tim-kiem?q=chi+thi Service Unavailable": visitors * each / 2,
		}
		if len(seen) != len(want) {
			t.Fatalf("answers during the outage: %v, want %v", seen, want)
		}
		for k, n := range want {
			if seen[k] != n {
				t.Errorf("answers during the outage: %v, want %v", seen, want)
			}
		}
		if staleError == 0 {
			t.Error("no answer marked X-Cache: STALE-ERROR")
		}
	})

	t.Run("the 503 page is in Vietnamese", func(t *testing.T) {
		got := fetch(t, "GET", srv.URL+"/trang/gioi-thieu", "")
		if got.status != 503 || !strings.Contains(got.body, "Hệ thống tạm thời gián đoạn") {
			t.Errorf("uncached page: %d, body %.300q", got.status, got.body)
		}
	})

	t.Run("the process is alive but not ready", func(t *testing.T) {
		if got := fetch(t, "GET", srv.URL+"/healthz", ""); got.status != 200 {
			t.Errorf("/healthz: %d", got.status)
		}
		got := fetch(t, "GET", srv.URL+"/readyz", "")
		if got.status != 503 || !strings.Contains(got.body, `"database":"unreachable"`) {
			t.Errorf("/readyz: %d %s", got.status, got.body)
		}
	})

	proxy.restore()

	t.Run("after the database is back everything recovers without a restart", func(t *testing.T) {
		// Connections the pool held when the proxy cut them fail once each
		// (answered 503 or stale, never 500); fresh ones then serve.
		for _, target := range []string{uncached, cached, srv.URL + "/readyz"} {
			var got answer
			for range 25 {
				got = fetch(t, "GET", target, "")
				if got.status >= 500 && got.status != 503 {
					t.Fatalf("%s after recovery: %d", target, got.status)
				}
				if got.status == 200 && got.xCache != "STALE-ERROR" {
					break
				}
			}
			if got.status != 200 || got.xCache == "STALE-ERROR" {
				t.Errorf("%s after recovery: %d %q", target, got.status, got.xCache)
			}
		}
	})
}
