package stats

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store/storetest"
)

// view is one page view in a scenario: n views by n different visitors
// (or by one, when same), from one address, at a time after t0.
type view struct {
	n      int
	prefix string // visitor keys are prefix + a number
	same   bool   // all n views by the visitor prefix + "0"
	addr   string
	after  time.Duration
	flush  bool // flush after these views
}

// What one address can add to the counters is capped per window; a real
// office under the cap counts in full, and the page is served either way.
func TestPerAddressCaps(t *testing.T) {
	t.Parallel()
	const office = "203.0.113.9"
	cases := []struct {
		name                  string
		visitorsCap, viewsCap int
		maxRemembered         int
		views                 []view
		want                  figures
	}{
		{"1,500 invented visitors from one address count as the cap", 300, 0, 0,
			[]view{{n: 1500, prefix: "forged", addr: office}},
			figures{Visits: 300, Views: 300, Online: 300}},
		{"an office of 200 under the cap all count", 300, 0, 0,
			[]view{{n: 200, prefix: "staff", addr: office}, {n: 200, prefix: "staff", addr: office, after: time.Minute}},
			figures{Visits: 200, Views: 400, Online: 200}},
		{"visitors counted before the cap keep counting past it", 2, 0, 0,
			[]view{{n: 2, prefix: "in", addr: office}, {n: 5, prefix: "out", addr: office}, {n: 2, prefix: "in", addr: office}},
			figures{Visits: 2, Views: 4, Online: 2}},
		{"another address has a cap of its own", 10, 0, 0,
			[]view{{n: 50, prefix: "a", addr: office}, {n: 50, prefix: "b", addr: "198.51.100.4"}},
			figures{Visits: 20, Views: 20, Online: 20}},
		{"the cap opens again in the next window", 10, 0, 0,
			[]view{{n: 50, prefix: "a", addr: office, flush: true}, {n: 50, prefix: "b", addr: office, after: 11 * time.Minute}},
			figures{Visits: 20, Views: 20, Online: 20}},
		{"addresses of one IPv6 /64 share a cap", 10, 0, 0,
			[]view{{n: 30, prefix: "a", addr: "2001:db8:1:2::1"}, {n: 30, prefix: "b", addr: "2001:db8:1:2:ffff::9"},
				{n: 30, prefix: "c", addr: "2001:db8:1:3::1"}},
			figures{Visits: 20, Views: 20, Online: 20}},
		{"one visitor's views stop at the view cap", 0, 100, 0,
			[]view{{n: 1000, prefix: "reload", same: true, addr: office}},
			figures{Visits: 1, Views: 100, Online: 1}},
		{"addresses past the table's bound share one cap", 5, 0, 10,
			[]view{{n: 1, prefix: "first", addr: office}, {n: 60, prefix: "spread"}},
			figures{Visits: 15, Views: 15, Online: 15}},
		{"no cap when turned off", 0, 0, 0,
			[]view{{n: 1500, prefix: "forged", addr: office}},
			figures{Visits: 1500, Views: 1500, Online: 1500}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			db := storetest.SQLite(t)
			ctx := context.Background()
			now := t0
			r, err := NewRecorder(db, RecorderConfig{SiteID: 1, Node: "n", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
				Now: func() time.Time { return now }, VisitorsPerAddress: c.visitorsCap, ViewsPerAddress: c.viewsCap,
				MaxRemembered: c.maxRemembered})
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range c.views {
				now = t0.Add(v.after)
				for i := range v.n {
					key := fmt.Sprintf("%s%d", v.prefix, i)
					if v.same {
						key = v.prefix + "0"
					}
					addr := v.addr
					if addr == "" {
						addr = fmt.Sprintf("192.0.2.%d", i)
					}
					r.Count(View{Key: key, Addr: addr}, now)
				}
				if v.flush {
					if err := r.Flush(ctx); err != nil {
						t.Fatal(err)
					}
				}
			}
			if err := r.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if got := read(t, db, now, 0); got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

// Reloading an article within a visit adds one view of it; after a visit's
// span without one, the next view counts again.
func TestRepeatArticleViewsCountOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := storetest.SQLite(t)
	if err := demo.Load(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	var hits0 int64
	db.QueryRowContext(ctx, `SELECT hits FROM articles WHERE id = 1`).Scan(&hits0)
	now := t0
	r := newRecorder(t, db, "n", &now)
	steps := []struct {
		name     string
		key      string
		after    time.Duration
		times    int
		wantHits int64 // since the start
	}{
		{"ten views in the window count once", "reader", 0, 10, 1},
		{"more within the window, after a flush, do not count", "reader", 29 * time.Minute, 3, 1},
		{"another visitor's view counts", "colleague", 29 * time.Minute, 2, 2},
		{"after the window one more counts", "reader", 31 * time.Minute, 4, 3},
	}
	// The steps run in order on one recorder: each starts where the last
	// left off.
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			now = t0.Add(s.after)
			for range s.times {
				r.Hit(s.key, now, 1, false)
			}
			if err := r.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if got := read(t, db, now, 1).Hits - hits0; got != s.wantHits {
				t.Errorf("article views %d, want %d", got, s.wantHits)
			}
		})
	}
}
