package store

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStatements bounds the statements kept prepared. The queries of
// the site are a fixed set of texts (values always travel as parameters),
// a few hundred at most; a text seen after the cache is full simply runs
// unprepared, as every query did before.
const maxCachedStatements = 400

// stmtCache keeps one prepared statement per SQL text for the embedded
// database. SQLite compiles a statement's text into a program before it
// runs it, and for the short queries of a page that compilation costs more
// than running them (a third of an uncached article page's CPU). A
// prepared *sql.Stmt is compiled once on each connection and then only
// reset between uses. PostgreSQL needs none of this: pgx keeps its own
// per-connection statement cache.
type stmtCache struct {
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
	full  bool
}

func (c *stmtCache) get(ctx context.Context, db *sql.DB, query string) *sql.Stmt {
	c.mu.RLock()
	st, ok := c.stmts[query]
	full := c.full
	c.mu.RUnlock()
	if ok || full {
		return st
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st
	}

	if len(c.stmts) >= maxCachedStatements {
		c.full = true
		return nil
	}

	// A text that does not prepare (a syntax error, a table a later
	// migration adds) runs unprepared, so its error is reported where the
	// query runs, as before.
	st, err := db.PrepareContext(context.WithoutCancel(ctx), query)
	if err != nil {
		return nil
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}

	c.stmts[query] = st
	return st
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
	c.full = false
}

// prepared returns the cached statement for query, or nil when the
// query should run unprepared. Only reads go through the cache: they are
// what every page asks for, while writes mostly run in transactions and
// include one-off statements (pragmas, VACUUM INTO a new file) that have
// no business staying prepared.
func (db *DB) prepared(ctx context.Context, query string) *sql.Stmt {
	if db.stmts == nil {
		return nil
	}
	return db.stmts.get(ctx, db.pool, query)
}

// QueryContext runs a query through its prepared statement when the
// database keeps them.
func (db *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := db.prepared(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return db.pool.QueryContext(ctx, query, args...)
}

// QueryRowContext is QueryContext for one row.
func (db *DB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := db.prepared(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return db.pool.QueryRowContext(ctx, query, args...)
}

// Close closes the prepared statements, then the database.
func (db *DB) Close() error {
	if db.stmts != nil {
		db.stmts.close()
	}
	return db.pool.Close()
}
