package web

import (
	"context"
	"runtime"
)

// searchSlots bounds the searches running at once to the processor cores.
// A search is all CPU and SQLite memory (an index walk over every article
// holding a common word): thirty at once on two cores finish no sooner
// than two at a time, but each holds its buffers meanwhile, which under a
// crowd of searches added 25 MB to the server's memory. The others wait
// their turn, or give up with their visitor.
type searchSlots chan struct{}

func newSearchSlots() searchSlots {
	return make(searchSlots, max(2, runtime.GOMAXPROCS(0)))
}

// acquire waits for a slot; the caller must call the release it returns.
func (s searchSlots) acquire(ctx context.Context) (release func(), err error) {
	select {
	case s <- struct{}{}:
		return func() { <-s }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
