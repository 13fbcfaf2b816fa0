package store

import "context"

// ChecksumTable is the checksum a restore compares, of table's rows with
// the columns in the given order, for tests comparing two databases.
func ChecksumTable(ctx context.Context, db *DB, table string, columns []string) (string, int64, error) {
	t, _, err := describe(ctx, db, db.Dialect, table)
	if err != nil {
		return "", 0, err
	}
	t.columns = columns
	return tableChecksum(ctx, db, db.Dialect, t)
}

// WALSizeLimit is the journal_size_limit of SQLite connections.
const WALSizeLimit = walSizeLimit
