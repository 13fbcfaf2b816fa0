package store

import (
	"context"
	"database/sql"
)

// ExecContext runs a statement that returns no rows. Writes are not
// cached: most run inside transactions, and the rest (pragmas, VACUUM
// INTO a new file, NOTIFY) are one-off texts.
func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return db.pool.ExecContext(ctx, query, args...)
}

// QueryUncached runs a read without keeping its statement prepared, for a
// text that will not come again (one with values written into it, such
// as a search's list of ids): kept, it would only push out the texts that
// do. Driver options travel in args as usual (pgx.QueryExecModeExec sends
// the text as an unnamed statement, so pgx's own cache skips it too).
func (db *DB) QueryUncached(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.pool.QueryContext(ctx, query, args...)
}

// BeginTx starts a transaction the caller commits or rolls back itself.
// InTx is the usual way; BeginTx is for a transaction that outlives one
// function, such as an import that commits every few hundred items.
func (db *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (Tx, error) {
	return db.pool.BeginTx(ctx, opts)
}

// PingContext checks that the database answers, for the health check.
func (db *DB) PingContext(ctx context.Context) error {
	return db.pool.PingContext(ctx)
}
