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

// OpenAtMigration opens a new SQLite file migrated only up to version, as
// a site of an older congtin would be, for tests of what a newer one does
// with its data.
func OpenAtMigration(ctx context.Context, path string, version int) (*DB, error) {
	db, err := openSQLite(ctx, path)
	if err != nil {
		return nil, err
	}

	ms, err := migrationsUpTo(SQLite, version)
	if err == nil {
		err = migrate(ctx, db, ms)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
