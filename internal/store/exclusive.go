package store

import (
	"context"
	"hash/fnv"
)

// Exclusive runs fn on one node only when several share a PostgreSQL
// database: the node that takes the named advisory lock runs it, the
// others skip this round (ran = false). Periodic jobs (purging expired
// sessions, old online rows) use it so twenty nodes do not do the same
// work twenty times. The lock is held for fn's transaction. On SQLite
// there is one node and fn always runs.
func (db *DB) Exclusive(ctx context.Context, name string, fn func(tx Tx) error) (ran bool, err error) {
	err = db.InTx(ctx, func(tx Tx) error {
		if db.Dialect == Postgres {
			h := fnv.New64a()
			h.Write([]byte(name))
			if err := tx.QueryRowContext(ctx, `SELECT pg_try_advisory_xact_lock($1)`,
				int64(h.Sum64())).Scan(&ran); err != nil {
				return err
			}

			if !ran {
				return nil
			}
		}

		ran = true
		return fn(tx)
	})
	return ran, err
}
