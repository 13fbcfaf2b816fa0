package web

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store/storetest"
)

// outageSite is the page cache in front of a page that can be made to
// fail as it does when the database is down.
type outageSite struct {
	s    *Server
	h    http.Handler
	down atomic.Bool
	gen  atomic.Uint64
}

func newOutageSite(t *testing.T, ttl, staleIfError time.Duration) *outageSite {
	t.Helper()
	o := &outageSite{s: newServer(t, storetest.SQLite(t))}
	o.s.cache = newPageCache(1<<20, ttl, o.gen.Load)
	o.s.cache.staleIfError = staleIfError
	page := o.s.handle(func(w http.ResponseWriter, r *http.Request) error {
		if o.down.Load() {
			return errors.Join(errors.New("list articles"), &net503{})
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, err := w.Write([]byte("<p>trang " + r.URL.Path + "</p>"))
		return err
	})
	o.h = o.s.cachePages(page)
	return o
}

// net503 is a dropped database connection as the driver reports it.
type net503 struct{}

func (*net503) Error() string   { return "read tcp 127.0.0.1:5432: connection reset by peer" }
func (*net503) Timeout() bool   { return false }
func (*net503) Temporary() bool { return true }

func (o *outageSite) get(path string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	o.h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	return rec
}

func TestStaleIfError(t *testing.T) {
	t.Run("a page past its time to live is served stale when it cannot be made again", func(t *testing.T) {
		o := newOutageSite(t, time.Nanosecond, 24*time.Hour)
		o.get("/a")
		o.down.Store(true)

		res := o.get("/a")
		stale := res.Header().Get("X-Cache") == "STALE-ERROR"
		if res.Code != 200 || !stale || !strings.Contains(res.Body.String(), "trang /a") {
			t.Errorf("%d %q %q", res.Code, res.Header().Get("X-Cache"), res.Body.String())
		}
		if cc := res.Header().Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control %q: a shared proxy would keep the outage's copy", cc)
		}
		if o.s.StaleServed() != 1 {
			t.Errorf("stale answers counted: %d, want 1", o.s.StaleServed())
		}
	})

	t.Run("a page from before a content change is served stale when it cannot be made again", func(t *testing.T) {
		o := newOutageSite(t, time.Hour, 24*time.Hour)
		o.get("/a")
		o.gen.Add(1)
		o.down.Store(true)

		if res := o.get("/a"); res.Code != 200 || res.Header().Get("X-Cache") != "STALE-ERROR" {
			t.Errorf("%d %q", res.Code, res.Header().Get("X-Cache"))
		}
	})

	t.Run("after a content change the new page is made, not the old one served", func(t *testing.T) {
		o := newOutageSite(t, time.Hour, 24*time.Hour)
		o.get("/a")
		o.gen.Add(1)

		if res := o.get("/a"); res.Header().Get("X-Cache") != "MISS" {
			t.Errorf("X-Cache %q, want MISS", res.Header().Get("X-Cache"))
		}
	})

	t.Run("a page never cached gets a 503 with Retry-After", func(t *testing.T) {
		o := newOutageSite(t, time.Nanosecond, 24*time.Hour)
		o.down.Store(true)

		res := o.get("/b")
		vietnamese := strings.Contains(res.Body.String(), "Hệ thống tạm thời gián đoạn")
		if res.Code != 503 || res.Header().Get("Retry-After") == "" || !vietnamese {
			t.Errorf("%d Retry-After %q body %.200q", res.Code, res.Header().Get("Retry-After"), res.Body.String())
		}
	})

	t.Run("a copy older than stale-if-error is not served", func(t *testing.T) {
		o := newOutageSite(t, time.Nanosecond, time.Nanosecond)
		o.get("/a")
		o.down.Store(true)

		if res := o.get("/a"); res.Code != 503 {
			t.Errorf("%d %q", res.Code, res.Header().Get("X-Cache"))
		}
	})

	t.Run("without stale-if-error the failure is answered", func(t *testing.T) {
		o := newOutageSite(t, time.Hour, 0)
		o.get("/a")
		o.gen.Add(1)
		o.down.Store(true)

		if res := o.get("/a"); res.Code != 503 {
			t.Errorf("%d %q", res.Code, res.Header().Get("X-Cache"))
		}
	})
}

func TestHealthAndReadiness(t *testing.T) {
	t.Run("/healthz answers while the database is closed", func(t *testing.T) {
		db := storetest.SQLite(t)
		s := newServer(t, db)
		db.Close()
		if res, body := get(t, s.Handler(), "/healthz"); res.StatusCode != 200 || body != "ok\n" {
			t.Errorf("%d %q", res.StatusCode, body)
		}
	})

	t.Run("/readyz is ready with a database and a data folder with room", func(t *testing.T) {
		s := newServer(t, storetest.SQLite(t))
		s.cfg.DataDir = t.TempDir()
		if res, body := get(t, s.Handler(), "/readyz"); res.StatusCode != 200 || !strings.Contains(body, `"ready":true`) {
			t.Errorf("%d %s", res.StatusCode, body)
		}
	})

	t.Run("/readyz names the database when it cannot be read", func(t *testing.T) {
		db := storetest.SQLite(t)
		s := newServer(t, db)
		db.Close()
		res, body := get(t, s.Handler(), "/readyz")
		if res.StatusCode != 503 || !strings.Contains(body, `"database":"unreachable"`) || !strings.Contains(body, `"disk"`) {
			t.Errorf("%d %s", res.StatusCode, body)
		}
		if strings.Contains(body, "sql") || strings.Contains(body, "closed") {
			t.Errorf("the public body shows the database's error: %s", body)
		}
	})

	t.Run("/readyz names the disk when the data folder has too little room", func(t *testing.T) {
		s := newServer(t, storetest.SQLite(t))
		s.cfg.DataDir = t.TempDir()
		s.cfg.MinFreeBytes = 1 << 62
		res, body := get(t, s.Handler(), "/readyz")
		if res.StatusCode != 503 || !strings.Contains(body, `"database":"ok"`) || !strings.Contains(body, `"disk":"low space"`) {
			t.Errorf("%d %s", res.StatusCode, body)
		}
		if strings.Contains(body, s.cfg.DataDir) {
			t.Errorf("the public body shows the data folder: %s", body)
		}
	})
}
