package web

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// chromeCache keeps the visitor-independent part of the chrome (settings,
// menus, static pages, the current poll with its counts, the visit
// counters) for a short time, so that a page the page cache cannot serve
// (a miss, a signed-in user, a voter's own page, a search) costs its own
// queries and not the eight or so every page shares. It is dropped when
// content changes (the same generation number the page cache follows) and
// after ttl. The figures it holds may be ttl older than the database: the
// counters lag by a flush interval anyway, and a voter's own sidebar is
// read afresh.
type chromeCache struct {
	ttl   time.Duration
	gen   func() uint64
	clock func() time.Time // wall time: tests fix the server's clock

	cur  atomic.Pointer[chromeEntry]
	fill sync.Mutex // one refresh at a time; the others wait for it
}

type chromeEntry struct {
	c    chrome
	gen  uint64
	made time.Time
}

func newChromeCache(ttl time.Duration, gen func() uint64) *chromeCache {
	return &chromeCache{ttl: ttl, gen: gen, clock: time.Now}
}

// fresh returns the cached chrome if it is still good.
func (cc *chromeCache) fresh() *chromeEntry {
	e := cc.cur.Load()
	if e == nil || e.gen != cc.gen() || cc.clock().Sub(e.made) >= cc.ttl {
		return nil
	}
	return e
}

// get returns the shared chrome, from the cache or from load. The caller
// must copy it before changing any field.
func (cc *chromeCache) get(ctx context.Context, load func(context.Context) (*chrome, error)) (*chrome, error) {
	if e := cc.fresh(); e != nil {
		return &e.c, nil
	}

	cc.fill.Lock()
	defer cc.fill.Unlock()
	if e := cc.fresh(); e != nil {
		return &e.c, nil // made while this request waited
	}

	// The generation is read before the load: a change during the load
	// leaves an entry that is already out of date, never one that hides
	// the change.
	gen, made := cc.gen(), cc.clock()
	c, err := load(ctx)
	if err != nil {
		return nil, err
	}

	e := &chromeEntry{c: *c, gen: gen, made: made}
	cc.cur.Store(e)
	return &e.c, nil
}
