package stats

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

var t0 = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC) // a Monday, 16:00 in Hà Nội

func newRecorder(t testing.TB, db *store.DB, node string, now *time.Time) *Recorder {
	t.Helper()
	r, err := NewRecorder(db, RecorderConfig{SiteID: 1, Node: node, OnlineWindow: 15 * time.Minute,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	r.now = func() time.Time { return *now }
	return r
}

// figures are what the database holds after flushes.
type figures struct {
	Visits, Views, Bots, Hits, Online int64
}

func read(t *testing.T, db *store.DB, now time.Time, articleID int64) figures {
	t.Helper()
	ctx := context.Background()
	tot, err := ReadTotals(ctx, db, 1, now, 15*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	f := figures{Visits: tot.Visits, Online: tot.Online}
	var hv int64
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(SUM(visits), 0), COALESCE(SUM(views), 0), COALESCE(SUM(bots), 0) FROM stats_hourly`).Scan(&hv, &f.Views, &f.Bots); err != nil {
		t.Fatal(err)
	}
	if hv != f.Visits {
		t.Errorf("hourly visits %d differ from the visit counter %d", hv, f.Visits)
	}
	if articleID > 0 {
		err := db.QueryRowContext(ctx, `SELECT hits FROM articles WHERE id = $1`, articleID).Scan(&f.Hits)
		if err != nil {
			t.Fatal(err)
		}
	}
	return f
}

type hit struct {
	key     string
	after   time.Duration // since t0
	article bool
	bot     bool
	flush   bool // flush after this hit
}

func TestRecorderCounts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		if err := demo.Load(ctx, db, 1); err != nil {
			t.Fatal(err)
		}
		var hits0 int64
		db.QueryRowContext(ctx, `SELECT hits FROM articles WHERE id = 1`).Scan(&hits0)
		cases := []struct {
			name string
			hits []hit
			want figures // Hits relative to the start
		}{
			{"one visitor reading three pages is one visit", []hit{{key: "a"}, {key: "a", after: time.Minute, article: true}, {key: "a", after: 2 * time.Minute}},
				figures{Visits: 1, Views: 3, Hits: 1, Online: 1}},
			{"two visitors are two visits", []hit{{key: "a"}, {key: "b", article: true}, {key: "a", article: true}},
				figures{Visits: 2, Views: 3, Hits: 2, Online: 2}},
			{"31 idle minutes start a new visit", []hit{{key: "a"}, {key: "a", after: 31 * time.Minute}},
				figures{Visits: 2, Views: 2, Online: 1}},
			{"29 idle minutes do not", []hit{{key: "a"}, {key: "a", after: 29 * time.Minute}},
				figures{Visits: 1, Views: 2, Online: 1}},
			{"a new visit is counted across flushes", []hit{{key: "a", flush: true}, {key: "a", after: 10 * time.Minute, flush: true}, {key: "a", after: 45 * time.Minute}},
				figures{Visits: 2, Views: 3, Online: 1}},
			{"bots count only as bots", []hit{{key: "g", bot: true}, {key: "g", bot: true, article: true}, {key: "a"}},
				figures{Visits: 1, Views: 1, Bots: 2, Online: 1}},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				db.ExecContext(ctx, `DELETE FROM counters`)
				db.ExecContext(ctx, `DELETE FROM stats_hourly`)
				db.ExecContext(ctx, `DELETE FROM online_visitors`)
				db.ExecContext(ctx, `UPDATE articles SET hits = $1 WHERE id = 1`, hits0)
				now := t0
				r := newRecorder(t, db, "n1", &now)
				for _, h := range c.hits {
					now = t0.Add(h.after)
					var id int64
					if h.article {
						id = 1
					}
					r.Hit(h.key, now, id, h.bot)
					if h.flush {
						if err := r.Flush(ctx); err != nil {
							t.Fatal(err)
						}
					}
				}
				if err := r.Flush(ctx); err != nil {
					t.Fatal(err)
				}
				got := read(t, db, now, 1)
				got.Hits -= hits0
				if got != c.want {
					t.Errorf("got %+v, want %+v", got, c.want)
				}
			})
		}
	})
}

// A failed flush keeps its counts; the next one writes them once.
func TestFailedFlushKeepsCounts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		now := t0
		r := newRecorder(t, db, "n1", &now)
		r.Hit("a", now, 0, false)
		r.Hit("b", now, 0, false)
		r.Hit("a", now.Add(40*time.Minute), 0, false) // a second visit of a
		cancelled, cancel := context.WithCancel(context.Background())
		cancel()
		if err := r.Flush(cancelled); err == nil {
			t.Fatal("flush with a cancelled context succeeded")
		}
		r.Hit("c", now, 0, false)
		r.Hit("a", now.Add(90*time.Minute), 0, false) // a third
		if err := r.Flush(cancelled); err == nil {
			t.Fatal("second failing flush succeeded")
		}
		now = now.Add(90 * time.Minute)
		if err := r.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		if err := r.Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		got := read(t, db, now, 0)
		if got.Visits != 5 || got.Views != 5 {
			t.Errorf("got %+v, want 5 visits and 5 views", got)
		}
	})
}

// Two processes sharing a database, and a process restarted, agree on
// who is in the middle of a visit.
func TestNodesAndRestartsShareVisits(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		now := t0
		a, b := newRecorder(t, db, "a", &now), newRecorder(t, db, "b", &now)
		a.Hit("v", now, 0, false)
		if err := a.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		now = now.Add(5 * time.Minute)
		b.Hit("v", now, 0, false) // the proxy sent v to the other node
		b.Hit("w", now, 0, false)
		a.Hit("w", now, 0, false) // both nodes saw w in the same interval
		if err := b.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if err := a.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		restarted := newRecorder(t, db, "a", &now)
		now = now.Add(20 * time.Minute)
		restarted.Hit("v", now, 0, false)
		if err := restarted.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		got := read(t, db, now, 0)
		if got.Visits != 2 || got.Views != 5 || got.Online != 1 {
			t.Errorf("got %+v, want 2 visits, 5 views, 1 online (w left 20 minutes ago)", got)
		}
		var node string
		db.QueryRowContext(ctx, `SELECT node FROM online_visitors WHERE visitor_key = 'v'`).Scan(&node)
		if node != "a" {
			t.Errorf("v last seen on node %q, want a", node)
		}
		// Rows older than a visit are cleared on the next flush.
		now = now.Add(time.Hour)
		restarted.Hit("z", now, 0, false)
		if err := restarted.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		var rows int
		db.QueryRowContext(ctx, `SELECT count(*) FROM online_visitors`).Scan(&rows)
		if rows != 1 {
			t.Errorf("%d online rows, want only z's", rows)
		}
	})
}

// A browser's first request has no cookie yet: it counts under the id it
// is given, and one that never keeps cookies counts once per visit.
func TestHitFirst(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	ctx := context.Background()
	now := t0
	r := newRecorder(t, db, "n", &now)
	// A browser: first request without a cookie, then with it.
	k := r.HitFirst("cookie1", "h:office", now, 0)
	r.Hit(k, now.Add(time.Second), 0, false)
	// A client refusing cookies, from another address.
	for i := range 5 {
		r.HitFirst(fmt.Sprintf("lost%d", i), "h:nocookies", now.Add(time.Duration(i)*time.Minute), 0)
	}
	// A colleague behind the same address with the same browser: their
	// first request joins the first browser's visit, but their cookie
	// starts their own.
	k2 := r.HitFirst("cookie2", "h:office", now.Add(2*time.Second), 0)
	if k2 != "cookie1" {
		t.Errorf("second cookieless request counted under %q", k2)
	}
	r.Hit("cookie2", now.Add(3*time.Second), 0, false)
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	got := read(t, db, now.Add(5*time.Minute), 0)
	if got.Visits != 3 || got.Views != 9 || got.Online != 3 {
		t.Errorf("got %+v, want 3 visits, 9 views, 3 online", got)
	}
}

func TestPeriods(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		// Sunday 16 March 2025, 23:30 in Hà Nội = 16:30 UTC.
		now := time.Date(2025, 3, 16, 16, 30, 0, 0, time.UTC)
		loc := time.FixedZone("ICT", 7*3600)
		at := func(d, h int) int64 { return time.Date(2025, 3, d, h, 0, 0, 0, loc).Unix() }
		rows := []struct {
			hour   int64
			visits int64
		}{
			{at(16, 0), 1},  // today, first hour
			{at(16, 23), 2}, // today, last hour
			{at(15, 23), 4}, // yesterday
			{at(10, 0), 8},  // Monday of this week
			{at(9, 23), 16}, // last week, this month
			{at(1, 0), 32},  // first of the month
			{at(28, 0) - 29*86400, 64},
		}
		for _, r := range rows {
			if _, err := db.ExecContext(ctx, `INSERT INTO stats_hourly (site_id, hour, visits) VALUES (1, $1, $2)`, r.hour, r.visits); err != nil {
				t.Fatal(err)
			}
		}
		t.Run("the periods add up the hours of today, yesterday, the week and the month", func(t *testing.T) {
			p, err := ReadPeriods(ctx, db, 1, now, loc)
			if err != nil {
				t.Fatal(err)
			}
			want := Periods{Today: 3, Yesterday: 4, Week: 15, Month: 63}
			if p != want {
				t.Errorf("got %+v, want %+v", p, want)
			}
		})

		t.Run("without a setting the counter shows four rows", func(t *testing.T) {
			names, err := CounterRows(ctx, db, 1)
			if err != nil || len(names) != 4 {
				t.Errorf("default rows %v, %v", names, err)
			}
		})

		t.Run("a setting's unknown row names are dropped", func(t *testing.T) {
			db.ExecContext(ctx,
				`INSERT INTO settings (site_id, key, value) VALUES (1, 'counter_rows', 'month, nonsense,today')`)
			names, _ := CounterRows(ctx, db, 1)
			if fmt.Sprint(names) != "[month today]" {
				t.Errorf("rows %v", names)
			}
		})
	})
}

// Hits and flushes from many goroutines add up exactly (run with -race).
func TestConcurrentHitsAndFlushes(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	ctx := context.Background()
	now := t0
	r := newRecorder(t, db, "n", &now)
	const workers, each = 16, 500
	var wg sync.WaitGroup
	stop := make(chan struct{})
	var flushes sync.WaitGroup
	flushes.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
				if err := r.Flush(ctx); err != nil {
					t.Error(err)
				}
			}
		}
	})
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				r.Hit(fmt.Sprintf("w%d", w), t0.Add(time.Duration(i)*time.Millisecond), 0, false)
			}
		})
	}
	wg.Wait()
	close(stop)
	flushes.Wait()
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	got := read(t, db, t0, 0)
	if got.Visits != workers || got.Views != workers*each {
		t.Errorf("got %+v, want %d visits and %d views", got, workers, workers*each)
	}
}

// Run flushes once more when stopped.
func TestRunFlushesOnStop(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	now := t0
	r := newRecorder(t, db, "n", &now)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Run(ctx, time.Hour) }()
	r.Hit("a", now, 0, false)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got := read(t, db, now, 0); got.Visits != 1 {
		t.Errorf("got %+v after stop", got)
	}
}

// TestRememberedVisitorsAreBounded: past its bound the recorder keeps no
// more visitors in memory, and the counts stay exact: within a flush
// interval the batch knows whom it has seen, and across flushes the
// database's last-seen table decides, as it does after a restart.
func TestRememberedVisitorsAreBounded(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		now := t0
		r, err := NewRecorder(db, RecorderConfig{SiteID: 1, Node: "n1", OnlineWindow: 15 * time.Minute,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), MaxRemembered: 10})
		if err != nil {
			t.Fatal(err)
		}
		r.now = func() time.Time { return now }
		const visitors = 50
		// Three rounds within one visit, each flushed; a fourth after
		// 40 minutes away starts a second visit for everyone.
		for _, after := range []time.Duration{0, time.Minute, 10 * time.Minute, 50 * time.Minute} {
			now = t0.Add(after)
			for v := 0; v < visitors; v++ {
				key := fmt.Sprintf("visitor%02d", v)
				r.Hit(key, now, 0, false)
				r.Hit(key, now.Add(time.Second), 0, false)
				r.Hit(key, now.Add(2*time.Second), 0, false)
			}
			if err := r.Flush(ctx); err != nil {
				t.Fatal(err)
			}
		}
		for v := 0; v < visitors; v++ {
			r.HitFirst(fmt.Sprintf("issued%02d", v), fmt.Sprintf("fallback%02d", v), now, 0)
		}
		r.mu.Lock()
		mem, aliases := len(r.mem), len(r.aliases)
		r.mu.Unlock()
		if mem > 10 || aliases > 10 {
			t.Errorf("remembered %d visitors and %d aliases, bound 10", mem, aliases)
		}
		if err := r.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		got := read(t, db, now, 0)
		if want := int64(4*3*visitors + visitors); got.Views != want {
			t.Errorf("views %d, want %d", got.Views, want)
		}
		if want := int64(2*visitors + visitors); got.Visits != want {
			t.Errorf("visits %d, want %d (two visits each, and one for each cookieless first request)", got.Visits, want)
		}
	})
}
