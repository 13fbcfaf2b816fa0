package app

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/admin"
	"github.com/congtin/congtin/internal/metrics"
	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/web"
)

// newMetrics makes the registry and hands it what the site counts: the
// page cache, page views and votes, the stored visit counter, and the
// database pool. More are added with GaugeFunc and CounterFunc.
func newMetrics(a *App, public *web.Server, newsroom *admin.Server) *metrics.Registry {
	m := metrics.New()
	m.DB(a.DB.Stats)

	if _, ok := public.PageCache(); ok {
		cache := func(v func(web.PageCacheStats) float64) func() float64 {
			return func() float64 {
				st, _ := public.PageCache()
				return v(st)
			}
		}
		m.CounterFunc("page_cache_hits_total", "Pages served from the cache.",
			cache(func(s web.PageCacheStats) float64 { return float64(s.Hits) }))
		m.CounterFunc("page_cache_misses_total", "Cacheable pages that had to be made.",
			cache(func(s web.PageCacheStats) float64 { return float64(s.Misses) }))
		m.CounterFunc("page_cache_bypass_total", "Requests the cache does not serve (signed in, files, votes).",
			cache(func(s web.PageCacheStats) float64 { return float64(s.Bypass) }))
		m.CounterFunc("page_cache_evictions_total", "Pages dropped to stay within the memory budget.",
			cache(func(s web.PageCacheStats) float64 { return float64(s.Evictions) }))
		m.GaugeFunc("page_cache_entries", "Pages held.",
			cache(func(s web.PageCacheStats) float64 { return float64(s.Entries) }))
		m.GaugeFunc("page_cache_bytes", "Memory held by cached pages.",
			cache(func(s web.PageCacheStats) float64 { return float64(s.Bytes) }))
		m.CounterFunc("page_cache_stale_on_error_total", "Cached pages served stale because they could not be made.",
			func() float64 { return float64(public.StaleServed()) })
	}

	count := func(v func(web.Counts) uint64) func() float64 {
		return func() float64 { return float64(v(public.Counts())) }
	}
	m.CounterFunc("page_views_total", "Page views counted by this process, machines left out.",
		count(func(c web.Counts) uint64 { return c.Views }))
	m.CounterFunc("bot_requests_total", "Page requests counted as a machine's.",
		count(func(c web.Counts) uint64 { return c.Bots }))
	m.CounterFunc("poll_votes_total", "Votes stored by this process.",
		count(func(c web.Counts) uint64 { return c.Votes }))
	m.CounterFunc("poll_votes_refused_total", "Votes refused with a reason (already voted, closed, too many).",
		count(func(c web.Counts) uint64 { return c.VotesRefused }))

	m.GaugeFunc("visits_stored", "Visits in the database's counter, without the imported offset.",
		func() float64 { return float64(a.storedTotals().Visits) })
	m.GaugeFunc("visitors_online", "Visitors seen within the online window, on every node.",
		func() float64 { return float64(a.storedTotals().Online) })

	m.CounterFunc("logins_refused_total", "Newsroom sign-ins refused: a wrong password or code, "+
		"a blocked account, a throttled check.", func() float64 { return float64(newsroom.LoginsRefused()) })

	// -1 when there is no backup yet, so an alert on the age fires on a
	// site that never had one too.
	m.GaugeFunc("backup_age_seconds", "Seconds since the last good scheduled backup; -1: none yet.",
		func() float64 {
			if age, ok := a.Backups.Age(time.Now()); ok {
				return age.Seconds()
			}
			return -1
		})
	return m
}

// storedTotals reads the counter block's figures for a scrape; a failed
// read gives zeros rather than a failed scrape.
func (a *App) storedTotals() stats.Totals {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	t, err := stats.ReadTotals(ctx, a.DB, a.Site.ID, time.Now(), a.Config.OnlineWindow)
	if err != nil {
		a.Log.Warn("metrics: read counters", "err", err)
	}
	return t
}

// routeOf labels a request for the metrics: the public route pattern,
// one label for the whole newsroom, and one for refused hosts; never the
// path itself, which a visitor chooses.
func routeOf(sites siteHandlers, public *web.Server) func(*http.Request) string {
	return func(r *http.Request) string {
		switch {
		case sites.forHost(r.Host) == nil:
			return "misdirected"
		case strings.HasPrefix(r.URL.Path, admin.Prefix), r.URL.Path+"/" == admin.Prefix:
			return "newsroom"
		}
		return public.Route(r)
	}
}

// serveMetrics serves the registry at /metrics on addr until ctx ends. It
// has its own listener and mux: metrics never share the public address,
// where a proxy on the same machine would make every visitor local. An
// address already taken (a second process on the machine) leaves the site
// serving without metrics, said in the log.
func (a *App) serveMetrics(ctx context.Context, addr string) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		a.Log.Warn("metrics not served: the address is not free; set --metrics-addr", "addr", addr, "err", err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", a.Metrics.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.Log.Error("metrics", "err", err)
		}
	}()
	a.Log.Info("metrics", "addr", "http://"+ln.Addr().String()+"/metrics")
}
