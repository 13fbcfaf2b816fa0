package store

import (
	"context"
	"fmt"
)

// walSizeLimit is what SQLite truncates the write-ahead log to each time
// it starts the log over (journal_size_limit): without it the file keeps
// the size of the largest burst it ever held (70 MB beside a 2 MB
// database after a demo load).
const walSizeLimit = 4 << 20

// Checkpoint copies the write-ahead log into the database and empties it,
// after a bulk write (a demo load, an import, a restore) that grew it.
// A reader still inside an older snapshot keeps the pages it needs; the
// log is then emptied on a later checkpoint. Nothing to do on PostgreSQL.
func (db *DB) Checkpoint(ctx context.Context) error {
	if db.Dialect != SQLite {
		return nil
	}
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
