package store

import "database/sql"

// Stats are the connection pool's figures (open, in use, idle, waits),
// for the metrics.
func (db *DB) Stats() sql.DBStats { return db.pool.Stats() }
