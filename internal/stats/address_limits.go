package stats

import (
	"net/netip"
	"time"
)

// DefaultAddressWindow is the window the per-address caps count in.
const DefaultAddressWindow = 10 * time.Minute

// addressLimits caps what one address may add to the counters in each
// window: new visitors (which are also what joins the online set) and page
// views. Without it anyone could buy visits by inventing visitors, each
// request with a new User-Agent or a fresh cookie. The caps are per node
// and in memory, like the rest of the recorder's state.
type addressLimits struct {
	visitors, views int   // per address per window; 0: no cap
	window          int64 // seconds
	maxAddresses    int   // addresses remembered
	counts          map[string]*addressCount
	// overflow is shared by every address that finds the table full, so
	// a flood from more addresses than the table holds is capped as one.
	overflow addressCount
}

type addressCount struct {
	start           int64 // unix seconds the address's window began
	visitors, views int
}

func newAddressLimits(visitors, views int, window time.Duration, maxAddresses int) *addressLimits {
	if visitors <= 0 && views <= 0 {
		return nil
	}
	if window <= 0 {
		window = DefaultAddressWindow
	}
	return &addressLimits{visitors: visitors, views: views, window: int64(window / time.Second),
		maxAddresses: maxAddresses, counts: map[string]*addressCount{}}
}

// admit reports whether a page view from addr counts, and charges it to
// the address when it does. newVisitor says the view is by a visitor this
// node does not know.
func (l *addressLimits) admit(addr string, newVisitor bool, sec int64) bool {
	c := l.count(addressBucket(addr), sec)
	if sec-c.start >= l.window {
		*c = addressCount{start: sec}
	}

	if newVisitor && l.visitors > 0 && c.visitors >= l.visitors {
		return false
	}
	if l.views > 0 && c.views >= l.views {
		return false
	}

	if newVisitor {
		c.visitors++
	}
	c.views++
	return true
}

func (l *addressLimits) count(bucket string, sec int64) *addressCount {
	if c, ok := l.counts[bucket]; ok {
		return c
	}
	if len(l.counts) >= l.maxAddresses {
		return &l.overflow
	}
	c := &addressCount{start: sec}
	l.counts[bucket] = c
	return c
}

// prune forgets addresses whose window has ended.
func (l *addressLimits) prune(sec int64) {
	for a, c := range l.counts {
		if sec-c.start >= l.window {
			delete(l.counts, a)
		}
	}
}

// addressBucket is what a cap is counted under: the address itself, or for
// IPv6 its /64, since one subscriber is given a whole /64 and could
// otherwise use a new address for every request.
func addressBucket(addr string) string {
	a, err := netip.ParseAddr(addr)
	if err != nil || !a.Is6() || a.Is4In6() {
		return addr
	}
	p, err := a.Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}
