package store

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// changesChannel is the PostgreSQL channel on which nodes announce changes.
const changesChannel = "congtin_changes"

// Changes tells every node of a site that content changed, so each drops
// what it cached. A generation number counts changes: caches remember the
// generation they were filled at and are stale once it moves. On SQLite
// there is one node and the count is local; on PostgreSQL every change is
// also sent with NOTIFY, and each node LISTENs and moves its own count.
type Changes struct {
	db   *DB
	gen  atomic.Uint64
	log  *slog.Logger
	mu   sync.Mutex
	subs []func()
}

// NewChanges returns the change counter for db.
func NewChanges(db *DB, log *slog.Logger) *Changes {
	if log == nil {
		log = slog.Default()
	}
	return &Changes{db: db, log: log}
}

// Generation is the number of changes seen so far by this node.
func (c *Changes) Generation() uint64 { return c.gen.Load() }

// OnChange registers f to run after every change, local or remote.
func (c *Changes) OnChange(f func()) {
	c.mu.Lock()
	c.subs = append(c.subs, f)
	c.mu.Unlock()
}

func (c *Changes) bump() {
	c.gen.Add(1)
	c.mu.Lock()
	subs := c.subs
	c.mu.Unlock()
	for _, f := range subs {
		f()
	}
}

// Changed records a change made on this node and announces it to the
// others. It never fails the caller's action: a lost announcement costs
// other nodes only their cache's time to live.
func (c *Changes) Changed(ctx context.Context) {
	c.bump()
	if c.db.Dialect != Postgres {
		return
	}
	if _, err := c.db.ExecContext(ctx, `SELECT pg_notify($1, '')`, changesChannel); err != nil {
		c.log.Warn("announce change", "err", err)
	}
}

// Listen receives other nodes' announcements until ctx ends, reconnecting
// after a dropped connection. After each reconnect it counts one change,
// since announcements sent while it was away are lost. On SQLite it
// returns at once.
func (c *Changes) Listen(ctx context.Context) {
	if c.db.Dialect != Postgres {
		return
	}

	backoff := 100 * time.Millisecond
	first := true
	for ctx.Err() == nil {
		err := c.listenOnce(ctx, !first)
		first = false
		if ctx.Err() != nil {
			return
		}

		c.log.Warn("change listener disconnected; reconnecting", "err", err, "after", backoff)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}

		backoff = min(backoff*2, 5*time.Second)
	}
}

func (c *Changes) listenOnce(ctx context.Context, reconnected bool) error {
	conn, err := pgx.Connect(ctx, c.db.url)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+changesChannel); err != nil {
		return err
	}
	if reconnected {
		c.bump()
	}

	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return err
		}
		// Our own NOTIFY comes back too; counting it again is harmless.
		c.bump()
	}
}
