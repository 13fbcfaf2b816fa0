package web

import "sync/atomic"

// counts are what the public site counts for the operator's metrics; the
// metrics package reads them through Counts and PageCache.
type counts struct {
	views atomic.Uint64 // page views handed to the recorder, bots left out
	bots  atomic.Uint64 // requests counted as a machine's
	votes atomic.Uint64 // votes stored
	// votesRefused are votes answered with a reason (already voted, closed,
	// too many from the address) and nothing stored.
	votesRefused atomic.Uint64
}

// Counts are the public site's counters since start.
type Counts struct {
	Views, Bots, Votes, VotesRefused uint64
}

// Counts reads the counters.
func (s *Server) Counts() Counts {
	return Counts{Views: s.counts.views.Load(), Bots: s.counts.bots.Load(), Votes: s.counts.votes.Load(),
		VotesRefused: s.counts.votesRefused.Load()}
}

// PageCacheStats are the page cache's counters since start and what it
// holds now.
type PageCacheStats struct {
	Hits, Misses, Bypass, Evictions uint64
	Entries, Bytes                  int
}

// PageCache reads the page cache's counters; ok is false when the site
// runs without a cache.
func (s *Server) PageCache() (st PageCacheStats, ok bool) {
	c := s.cache
	if c == nil {
		return PageCacheStats{}, false
	}
	st = PageCacheStats{Hits: c.hits.Load(), Misses: c.misses.Load(), Bypass: c.bypass.Load(),
		Evictions: c.evicted.Load()}
	st.Entries, st.Bytes = c.usage()
	return st, true
}
