package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// BackupReport describes a finished backup.
type BackupReport struct {
	Path     string
	Bytes    int64
	Articles int
	Media    int
}

// Backup writes a consistent copy of an SQLite database to path while the
// site keeps running (VACUUM INTO reads one snapshot), then opens the
// copy and checks it: SQLite's integrity check must pass and the copy must
// be at the same migration as the source. An existing file is never
// overwritten. PostgreSQL sites are backed up with the database's own
// tools (pg_dump), which the operator already runs.
func Backup(ctx context.Context, db *DB, path string) (BackupReport, error) {
	r := BackupReport{Path: path}
	if db.Dialect != SQLite {
		return r, errors.New("backup copies the SQLite file; back up PostgreSQL with pg_dump")
	}
	if _, err := os.Stat(path); err == nil {
		return r, fmt.Errorf("%s exists; choose a new file name", path)
	}
	if _, err := db.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		return r, fmt.Errorf("write backup: %w", err)
	}

	cp, err := openSQLite(ctx, path)
	if err != nil {
		return r, fmt.Errorf("open backup: %w", err)
	}
	defer cp.Close()
	var check string
	if err := cp.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		return r, fmt.Errorf("backup failed its integrity check: %s %v", check, err)
	}

	var want, got int
	db.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0) FROM schema_migrations`).Scan(&want)
	cp.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0) FROM schema_migrations`).Scan(&got)
	if want != got {
		return r, fmt.Errorf("backup is at migration %d, the site at %d", got, want)
	}

	cp.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&r.Articles)
	cp.QueryRowContext(ctx, `SELECT count(*) FROM media`).Scan(&r.Media)
	if st, err := os.Stat(path); err == nil {
		r.Bytes = st.Size()
	}

	return r, nil
}
