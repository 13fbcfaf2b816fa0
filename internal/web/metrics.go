package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"runtime"
	"strings"
)

// metrics answers /metrics in the Prometheus text format: the page cache's
// hits and misses and the process's memory, for the operator's monitoring.
// Only the machine itself (or a trusted proxy's network) may read it.
func (s *Server) metrics(w http.ResponseWriter, r *http.Request) error {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil || !isLocalOrTrusted(host, s) {
		return errNotFound
	}

	var b strings.Builder
	metric := func(name, help, kind string, v any) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n%s %v\n", name, help, name, kind, name, v)
	}
	if c := s.cache; c != nil {
		entries, bytes := c.usage()
		metric("congtin_page_cache_hits_total", "Pages served from the cache.", "counter", c.hits.Load())
		metric("congtin_page_cache_misses_total", "Cacheable pages that had to be made.", "counter", c.misses.Load())
		metric("congtin_page_cache_bypass_total", "Requests the cache does not serve (signed in, files, votes).",
			"counter", c.bypass.Load())
		metric("congtin_page_cache_evictions_total", "Pages dropped to stay within the memory budget.",
			"counter", c.evicted.Load())
		metric("congtin_page_cache_entries", "Pages held.", "gauge", entries)
		metric("congtin_page_cache_bytes", "Memory held by cached pages.", "gauge", bytes)
	}

	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	metric("congtin_heap_bytes", "Go heap in use.", "gauge", m.HeapInuse)
	metric("congtin_sys_bytes", "Memory obtained from the system.", "gauge", m.Sys)
	metric("congtin_goroutines", "Goroutines running.", "gauge", runtime.NumGoroutine())
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, err = w.Write([]byte(b.String()))
	return err
}

func isLocalOrTrusted(host string, s *Server) bool {
	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	a = a.Unmap()
	return a.IsLoopback() || isTrusted(a, s.cfg.TrustedProxies)
}
