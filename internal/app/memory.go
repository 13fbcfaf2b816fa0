package app

import (
	"os"
	"runtime/debug"
)

// workingSetMB is what the server needs besides the page cache: pages
// being made, the chrome and statement caches, connections' buffers. At
// 10,000 articles under load the live heap outside the page cache stays
// under 15 MB; the rest is room for the collector.
const workingSetMB = 32

// MemoryLimit returns the soft limit, in bytes, the serve command sets
// on the Go heap, or 0 for none. Go's collector lets the heap grow to
// twice what is live before it runs; a small server with a full page
// cache would then hold twice the cache. Near the limit the collector
// runs sooner instead. It is a soft limit: a heap that truly needs more
// gets it (the collector does not thrash; Go caps its own effort).
func MemoryLimit(cfg Config, getenv func(string) string) int64 {
	switch {
	case cfg.MemoryLimitMB > 0:
		return int64(cfg.MemoryLimitMB) << 20
	case cfg.MemoryLimitMB == 0 || getenv("GOMEMLIMIT") != "":
		return 0 // none asked for, or the operator set Go's own
	}
	return int64(cfg.PageCacheMB+workingSetMB) << 20
}

// gcPercentUnderLimit is the collector's pace while a memory limit holds
// the heap: it may grow to five times what is live before a collection,
// but never past the limit. With Go's default (twice what is live) a
// server with little live data collected every few hundred pages made
// (a tenth of its CPU); the limit, not the pace, is what bounds memory.
const gcPercentUnderLimit = 400

// ApplyMemoryLimit sets MemoryLimit's answer for this process and, when
// there is a limit and GOGC does not say otherwise, the collector's pace.
func ApplyMemoryLimit(cfg Config) int64 {
	limit := MemoryLimit(cfg, os.Getenv)
	if limit > 0 {
		debug.SetMemoryLimit(limit)
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(gcPercentUnderLimit)
		}
	}
	return limit
}
