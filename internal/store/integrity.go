package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrMalformed is in the chain of every error saying the SQLite file is
// damaged: the check at start refuses to serve such a file.
var ErrMalformed = errors.New("database file is malformed")

// QuickCheck runs SQLite's quick_check, which reads every page of the
// file, until ctx ends: a big file can take minutes, and a start that
// waits for it would keep the site down longer than a damaged page would.
// complete is false when ctx ended first; the file was not found damaged
// as far as the check got. A damaged file gives an error holding
// ErrMalformed. PostgreSQL checks its own pages; there it returns at once.
func QuickCheck(ctx context.Context, db *DB) (complete bool, err error) {
	if db.Dialect != SQLite {
		return true, nil
	}
	rows, err := db.QueryUncached(ctx, `PRAGMA quick_check`)
	if err != nil {
		return checkFailure(ctx, err)
	}
	defer rows.Close()

	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return checkFailure(ctx, err)
		}
		if line != "ok" && len(problems) < 5 {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return checkFailure(ctx, err)
	}
	if len(problems) > 0 {
		return true, fmt.Errorf("%w: %s", ErrMalformed, strings.Join(problems, "; "))
	}
	return true, nil
}

// checkFailure tells a check cut short from a damaged file.
func checkFailure(ctx context.Context, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, nil
	}
	if IsCorrupt(err) {
		return true, fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return true, fmt.Errorf("quick check: %w", err)
}

// IsCorrupt reports whether err is SQLite saying the file is damaged or
// is not a database at all.
func IsCorrupt(err error) bool {
	if errors.Is(err, ErrMalformed) {
		return true
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	c := se.Code() & 0xff
	return c == sqlite3.SQLITE_CORRUPT || c == sqlite3.SQLITE_NOTADB
}
