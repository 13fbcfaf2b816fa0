package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Options change how Open treats the database.
type Options struct {
	// ReadOnly opens the database for reading only, as Open does by itself
	// when the SQLite file or its folder cannot be written: the public
	// site serves, and every write is refused (IsReadOnly).
	ReadOnly bool
}

// ReadOnly reports whether the database was opened for reading only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// sqliteReadOnly decides whether the SQLite database at path is to be
// opened read-only: when asked, or when the file or the folder it lives in
// cannot be written (a read-only mount, a file or folder without write
// permission). A WAL database needs its folder writable for the -wal and
// -shm files, so a read-only folder is read-only for the database too.
//
// It returns the DSN parameters that open the file read-only, "" to open
// it for writing.
func sqliteReadOnly(path string, asked bool) (string, error) {
	_, statErr := os.Stat(path)
	exists := statErr == nil
	fileReadOnly := false
	if exists {
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err == nil {
			f.Close()
		}
		fileReadOnly = deniedWrite(err)
	}
	probe, err := os.CreateTemp(filepath.Dir(path), ".congtin-write-probe-*")
	if err == nil {
		probe.Close()
		os.Remove(probe.Name())
	}
	folderReadOnly := deniedWrite(err)

	switch {
	case !asked && !fileReadOnly && !folderReadOnly:
		return "", nil
	case !exists:
		return "", fmt.Errorf("the data folder %s is read-only and holds no database: start once with a "+
			"writable folder to create it", filepath.Dir(path))
	}
	return readOnlyDSN(path, folderReadOnly), nil
}

// deniedWrite reports whether err refuses a write for want of permission
// or because the file system is mounted read-only.
func deniedWrite(err error) bool {
	return err != nil && (errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS))
}

// readOnlyDSN is what the DSN adds to open path read-only. In a folder
// that can be written, SQLite makes the -shm file it needs and still sees
// what another process writes. In a read-only folder a database with
// nothing in its -wal file is opened immutable, which needs no -shm file;
// one with writes still in its -wal (the last run stopped without a
// checkpoint) must read them through the -shm file left beside it.
func readOnlyDSN(path string, folderReadOnly bool) string {
	if !folderReadOnly {
		return "&mode=ro"
	}
	if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 0 {
		return "&mode=ro"
	}
	return "&mode=ro&immutable=1"
}

// checkMigrated refuses a read-only database that this binary would have
// to migrate: the schema cannot be changed, and serving from an older
// schema would fail on the first query that needs the new one.
func checkMigrated(ctx context.Context, db *DB) error {
	ms, err := Migrations(db.Dialect)
	if err != nil {
		return err
	}

	applied := map[int]string{}
	rows, err := db.QueryContext(ctx, `SELECT version, checksum FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("the database is read-only and has never been migrated (%w): start once with a "+
			"writable data folder", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		var sum string
		if err := rows.Scan(&v, &sum); err != nil {
			return err
		}
		applied[v] = sum
	}
	if err := rows.Err(); err != nil {
		return err
	}

	var pending []string
	for _, m := range ms {
		sum, ok := applied[m.Version]
		switch {
		case !ok:
			pending = append(pending, fmt.Sprintf("%04d_%s", m.Version, m.Name))
		case sum != m.Checksum():
			return fmt.Errorf("migration %04d_%s has changed since it was applied (checksum mismatch); "+
				"refusing to start", m.Version, m.Name)
		}
	}
	if len(applied) > len(ms) {
		return errors.New("database has migrations that this binary does not know; it was written by a newer congtin")
	}
	if len(pending) > 0 {
		return fmt.Errorf("the database is read-only and needs migrations %s: start once with a writable "+
			"data folder (or database) to migrate it, then read-only again", strings.Join(pending, ", "))
	}
	return nil
}

// readOnlyPostgres is what a PostgreSQL URL adds so that every
// transaction is read-only on the server: writes fail as on a standby.
func readOnlyPostgres(url string) string {
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "default_transaction_read_only=on"
}
