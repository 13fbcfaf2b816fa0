package stats

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// VisitIdle is how long a visitor may stay away before their next request
// starts a new visit.
const VisitIdle = 30 * time.Minute

// DefaultFlushEvery is how often counts reach the database. The figures on
// the pages lag by up to this much, and a crash (SIGKILL, power cut of the
// process) loses at most the counts of this last interval; a graceful stop
// loses nothing.
const DefaultFlushEvery = 5 * time.Second

// flushLockKey names the PostgreSQL advisory lock that makes the flushes of
// several nodes take turns, so two nodes cannot both decide that the same
// visitor started a visit.
const flushLockKey = 0x636f756e74 // "count"

// Recorder counts page views, visits, article views and bot requests in
// memory and adds them to the database in one transaction per flush, so a
// request never waits for a write. Several processes may share a database:
// every write is an addition, and whether a visitor is new is decided
// against the shared last-seen table at flush time.
type Recorder struct {
	db     *store.DB
	siteID int64
	node   string
	window time.Duration
	log    *slog.Logger
	now    func() time.Time

	flushMu sync.Mutex // one flush at a time
	// readOnlyWarned: the warning that a read-only database keeps the
	// counts in memory is logged once, not at every flush.
	readOnlyWarned sync.Once

	mu      sync.Mutex
	mem     map[string]int64 // visitor key -> last request (unix seconds), kept VisitIdle
	aliases map[string]alias // cookieless fallback key -> key its requests count under
	// viewed holds when a visitor's view of an article last counted, so
	// that reloading an article within a visit counts once.
	viewed map[articleView]int64
	limits *addressLimits // nil: no per-address caps
	b      *batch
	// maxRemembered bounds mem, aliases, viewed and the address table (see
	// RecorderConfig).
	maxRemembered int
}

type articleView struct {
	key     string
	article int64
}

// DefaultMaxRemembered is how many visitors a recorder keeps in memory
// between flushes, about 10 MB: far more than a provincial portal has
// active in half an hour, and a bound when a flood of made-up visitors
// (a new User-Agent on every request) would otherwise grow the maps
// without end.
const DefaultMaxRemembered = 100_000

type alias struct {
	key  string
	last int64
}

// Hour holds the counts of one clock hour.
type Hour struct{ Visits, Views, Bots int64 }

// batch is what has been counted since the last successful flush.
type batch struct {
	// tentative holds the first request of visitors this node does not
	// know as active: it starts a visit unless the database has seen the
	// visitor within VisitIdle (another node, or before a restart).
	tentative map[string]int64
	seen      map[string]int64 // visitor key -> latest request, for online_visitors
	hours     map[int64]*Hour  // hour start (unix seconds) -> counts
	hits      map[int64]int64  // article id -> views
	visits    int64            // visits already certain, also in hours
}

func newBatch() *batch {
	return &batch{tentative: map[string]int64{}, seen: map[string]int64{},
		hours: map[int64]*Hour{}, hits: map[int64]int64{}}
}

func (b *batch) hour(sec int64) *Hour {
	h := sec - sec%3600
	c := b.hours[h]
	if c == nil {
		c = &Hour{}
		b.hours[h] = c
	}
	return c
}

func (b *batch) empty() bool {
	return len(b.tentative) == 0 && len(b.seen) == 0 && len(b.hours) == 0 && len(b.hits) == 0
}

// RecorderConfig sets up a Recorder.
type RecorderConfig struct {
	SiteID int64
	// Node names this process in online_visitors, e.g. host:pid.
	Node string
	// OnlineWindow is how long a visitor counts as online.
	OnlineWindow time.Duration
	Logger       *slog.Logger
	// Now is the clock that ages online rows out; time.Now when nil. It
	// should be the clock the callers of Hit use.
	Now func() time.Time
	// MaxRemembered bounds the visitors kept in memory across flushes;
	// DefaultMaxRemembered when 0. Past it, a visitor's first request in
	// each flush interval is checked against the database's last-seen
	// table, as after a restart: counts stay exact, at the cost of work.
	MaxRemembered int
	// VisitorsPerAddress caps the new visitors (and so the online
	// entries) counted from one address in each AddressWindow, and
	// ViewsPerAddress its page views; 0 turns a cap off. Past a cap the
	// page is served as ever, only not counted.
	VisitorsPerAddress, ViewsPerAddress int
	// AddressWindow is the window of the caps; DefaultAddressWindow when 0.
	AddressWindow time.Duration
}

// NewRecorder returns a recorder writing to db for the site cfg names; a
// config without a site is refused.
func NewRecorder(db *store.DB, cfg RecorderConfig) (*Recorder, error) {
	if err := site.Check(cfg.SiteID, "visit recorder"); err != nil {
		return nil, err
	}
	if cfg.OnlineWindow <= 0 {
		cfg.OnlineWindow = DefaultOnlineWindow
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxRemembered <= 0 {
		cfg.MaxRemembered = DefaultMaxRemembered
	}
	limits := newAddressLimits(cfg.VisitorsPerAddress, cfg.ViewsPerAddress, cfg.AddressWindow, cfg.MaxRemembered)
	return &Recorder{db: db, siteID: cfg.SiteID, node: cfg.Node, window: cfg.OnlineWindow, log: cfg.Logger,
		now: cfg.Now, mem: map[string]int64{}, aliases: map[string]alias{}, viewed: map[articleView]int64{},
		limits: limits, b: newBatch(), maxRemembered: cfg.MaxRemembered}, nil
}

// View is one page view to count.
type View struct {
	// Key identifies the visitor: their cookie id, or for a client that
	// sent no valid cookie the hash of its address and User-Agent.
	Key string
	// Issued is the id just given in a cookie to a client that sent no
	// valid one; empty when the request carried one.
	Issued string
	// Addr is the client's address, which the per-address caps count
	// under; empty is not capped.
	Addr string
	// Article is the id of the article viewed, or 0.
	Article int64
	// Bot marks a crawler's or script's request: counted only as a bot
	// request, never a visit, a view or online.
	Bot bool
}

// Count counts one page view at time now. It returns the key the view was
// counted under, and false when a per-address cap left it uncounted.
//
// A browser returns its cookie on its next request, so the first request
// of a client without one counts under the issued id, or every new visitor
// would count twice; a client that never keeps cookies comes back under
// the same fallback key, which then leads to the id it was first counted
// under, so it counts once per visit too.
func (r *Recorder) Count(v View, now time.Time) (string, bool) {
	sec := now.Unix()
	r.mu.Lock()
	defer r.mu.Unlock()

	if v.Bot {
		r.b.hour(sec).Bots++
		return v.Key, true
	}

	key := v.Key
	if v.Issued != "" {
		key = v.Issued
		if a, ok := r.aliases[v.Key]; ok && sec-a.last <= int64(VisitIdle/time.Second) {
			key = a.key
		}
	}
	if r.limits != nil && v.Addr != "" && !r.limits.admit(v.Addr, !r.knownLocked(key), sec) {
		return key, false
	}

	if _, ok := r.aliases[v.Key]; v.Issued != "" && (ok || len(r.aliases) < r.maxRemembered) {
		r.aliases[v.Key] = alias{key: key, last: sec}
	}
	r.hitLocked(key, sec, v.Article)
	return key, true
}

// Hit counts one page view by the visitor known by visitorKey (their
// cookie id) at time now, without per-address caps; articleID > 0 also
// counts a view of that article.
func (r *Recorder) Hit(visitorKey string, now time.Time, articleID int64, bot bool) {
	r.Count(View{Key: visitorKey, Article: articleID, Bot: bot}, now)
}

// HitFirst counts a page view by a client that sent no cookie, without
// per-address caps: issued is the id just given to it in a cookie and
// fallback identifies it without one (see Count). Returns the key the
// request was counted under.
func (r *Recorder) HitFirst(issued, fallback string, now time.Time, articleID int64) string {
	key, _ := r.Count(View{Key: fallback, Issued: issued, Article: articleID}, now)
	return key
}

// knownLocked reports whether this node has seen the visitor lately.
func (r *Recorder) knownLocked(key string) bool {
	if _, ok := r.mem[key]; ok {
		return true
	}
	_, ok := r.b.seen[key]
	return ok
}

// firstViewLocked reports whether a view of an article is the visitor's
// first in a visit's span, and remembers it when it is.
func (r *Recorder) firstViewLocked(key string, articleID, sec int64) bool {
	k := articleView{key: key, article: articleID}
	last, ok := r.viewed[k]
	if ok && sec-last <= int64(VisitIdle/time.Second) {
		return false
	}
	if ok || len(r.viewed) < r.maxRemembered {
		r.viewed[k] = sec
	}
	return true
}

func (r *Recorder) hitLocked(key string, sec, articleID int64) {
	b := r.b
	b.hour(sec).Views++
	if articleID > 0 && r.firstViewLocked(key, articleID, sec) {
		b.hits[articleID]++
	}

	last, remembered := r.mem[key]
	known := remembered
	if !known {
		// Not remembered (new, or no room): this batch may still have
		// seen them.
		last, known = b.seen[key]
	}

	if !known || sec-last > int64(VisitIdle/time.Second) {
		if _, pending := b.tentative[key]; pending {
			// This node saw the visitor earlier in the batch and they have
			// been away since: a new visit, whatever the database says.
			b.hour(sec).Visits++
			b.visits++
		} else {
			b.tentative[key] = sec
		}
	}

	if sec > last && (remembered || len(r.mem) < r.maxRemembered) {
		r.mem[key] = sec
	}
	if sec > b.seen[key] {
		b.seen[key] = sec
	}
}

// Pending returns the counts not yet flushed, for tests and /metrics.
func (r *Recorder) Pending() (views, tentativeVisits int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, h := range r.b.hours {
		views += h.Views
	}
	return views, int64(len(r.b.tentative))
}

// Flush adds everything counted since the last flush to the database in
// one transaction. When it fails the counts are kept for the next flush,
// so none is lost and none is added twice.
func (r *Recorder) Flush(ctx context.Context) error {
	r.flushMu.Lock()
	defer r.flushMu.Unlock()
	r.mu.Lock()
	b := r.b
	r.b = newBatch()
	r.mu.Unlock()
	if b.empty() {
		return nil
	}

	now := r.now()
	if r.db.ReadOnly() {
		r.keepInMemory(b)
		return nil
	}
	if err := r.write(ctx, b, now.Unix()); err != nil {
		r.mu.Lock()
		r.b.merge(b)
		r.mu.Unlock()
		return err
	}

	r.prune(now.Unix())
	return nil
}

// keepInMemory puts batch b back unwritten: the database is read-only, so
// the counts wait in memory (the site's counters show what the database
// had) until a restart with a writable database; a restart before then
// loses them, which the warning says.
func (r *Recorder) keepInMemory(b *batch) {
	r.readOnlyWarned.Do(func() {
		r.log.Warn("the database is read-only: visit counts are kept in memory only and lost at exit")
	})
	r.mu.Lock()
	r.b.merge(b)
	r.mu.Unlock()
}

// merge adds an older, unflushed batch o into b.
func (b *batch) merge(o *batch) {
	for k, t := range o.tentative {
		cur, ok := b.tentative[k]
		if !ok {
			b.tentative[k] = t
			continue
		}

		// The visitor started a tentative visit in each batch; the later
		// one came after an idle gap this node saw, so it is certain.
		first, later := min(t, cur), max(t, cur)
		b.tentative[k] = first
		b.hour(later).Visits++
		b.visits++
	}

	for k, t := range o.seen {
		b.seen[k] = max(b.seen[k], t)
	}

	for h, c := range o.hours {
		d := b.hour(h)
		d.Visits += c.Visits
		d.Views += c.Views
		d.Bots += c.Bots
	}

	for id, n := range o.hits {
		b.hits[id] += n
	}

	b.visits += o.visits
}

// prune forgets visitors idle longer than a visit lasts: their next
// request is decided against the database anyway.
func (r *Recorder) prune(now int64) {
	limit := now - int64(VisitIdle/time.Second)
	r.mu.Lock()
	defer r.mu.Unlock()
	for k, t := range r.mem {
		if t < limit {
			delete(r.mem, k)
		}
	}

	for k, a := range r.aliases {
		if a.last < limit {
			delete(r.aliases, k)
		}
	}
	for k, t := range r.viewed {
		if t < limit {
			delete(r.viewed, k)
		}
	}
	if r.limits != nil {
		r.limits.prune(now)
	}
}

func (r *Recorder) write(ctx context.Context, b *batch, now int64) error {
	idle := int64(VisitIdle / time.Second)
	return r.db.InTx(ctx, func(tx store.Tx) error {
		if r.db.Dialect == store.Postgres {
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(flushLockKey)); err != nil {
				return fmt.Errorf("flush: lock: %w", err)
			}
		}

		// Decide the tentative visits into copies, so that a failed
		// transaction leaves the batch exactly as it was.
		hours := make(map[int64]Hour, len(b.hours)+1)
		for h, c := range b.hours {
			hours[h] = *c
		}

		visits := b.visits
		for _, k := range sortedKeys(b.tentative) {
			t := b.tentative[k]
			var last int64
			err := tx.QueryRowContext(ctx, `SELECT last_seen FROM online_visitors
				WHERE site_id = $1 AND visitor_key = $2`,
				r.siteID, k).Scan(&last)
			switch {
			case err == nil && t-last <= idle:
				continue // still in a visit counted before: by another node, or before a restart
			case err != nil && !isNoRows(err):
				return fmt.Errorf("flush: read last seen: %w", err)
			}

			h := t - t%3600
			c := hours[h]
			c.Visits++
			hours[h] = c
			visits++
		}

		if visits > 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO counters (site_id, name, value) VALUES ($1, $2, $3)
				ON CONFLICT (site_id, name) DO UPDATE SET value = counters.value + excluded.value`,
				r.siteID, CounterVisits, visits); err != nil {
				return fmt.Errorf("flush: visits: %w", err)
			}
		}

		for _, h := range sortedKeys(hours) {
			c := hours[h]
			if _, err := tx.ExecContext(ctx, `INSERT INTO stats_hourly (site_id, hour, visits, views, bots)
				VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (site_id, hour) DO UPDATE SET visits = stats_hourly.visits + excluded.visits,
				views = stats_hourly.views + excluded.views, bots = stats_hourly.bots + excluded.bots`,
				r.siteID, h, c.Visits, c.Views, c.Bots); err != nil {
				return fmt.Errorf("flush: hourly: %w", err)
			}
		}

		for _, id := range sortedKeys(b.hits) {
			// An article deleted meanwhile matches no row; its views go
			// with it.
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET hits = hits + $1 WHERE id = $2 AND site_id = $3`,
				b.hits[id], id, r.siteID); err != nil {
				return fmt.Errorf("flush: article hits: %w", err)
			}
		}

		for _, k := range sortedKeys(b.seen) {
			// Another node may have written a later time already: keep it.
			if _, err := tx.ExecContext(ctx, `INSERT INTO online_visitors (site_id, visitor_key, node, last_seen)
				VALUES ($1, $2, $3, $4)
				ON CONFLICT (site_id, visitor_key) DO UPDATE SET
				node = CASE WHEN excluded.last_seen >= online_visitors.last_seen
					THEN excluded.node ELSE online_visitors.node END,
				last_seen = CASE WHEN excluded.last_seen > online_visitors.last_seen
					THEN excluded.last_seen ELSE online_visitors.last_seen END`,
				r.siteID, k, r.node, b.seen[k]); err != nil {
				return fmt.Errorf("flush: online: %w", err)
			}
		}

		// Rows live as long as a visit can last (longer than the online
		// window), since they are also what tells a returning visitor's
		// visit from a new one.
		keep := max(idle, int64(r.window/time.Second))
		if _, err := tx.ExecContext(ctx, `DELETE FROM online_visitors WHERE site_id = $1 AND last_seen < $2`,
			r.siteID, now-keep); err != nil {
			return fmt.Errorf("flush: expire online: %w", err)
		}

		return nil
	})
}

// Run flushes every interval until ctx ends, then flushes once more with a
// fresh context, so a graceful stop loses nothing. Call it after the HTTP
// server has stopped taking requests, or cancel ctx then, and wait for Run
// to return before closing the database.
func (r *Recorder) Run(ctx context.Context, every time.Duration) error {
	if every <= 0 {
		every = DefaultFlushEvery
	}

	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			if err := r.Flush(ctx); err != nil && ctx.Err() == nil {
				r.log.Error("flush counters; kept for the next try", "err", err)
			}
		case <-ctx.Done():
			return r.finalFlush()
		}
	}
}

func (r *Recorder) finalFlush() error {
	var err error
	for try := 0; try < 5; try++ {
		fctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = r.Flush(fctx)
		cancel()
		if err == nil {
			return nil
		}

		r.log.Error("final flush of counters", "try", try+1, "err", err)
		time.Sleep(time.Second)
	}

	return fmt.Errorf("final flush of counters: %w", err)
}

func sortedKeys[K string | int64, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
