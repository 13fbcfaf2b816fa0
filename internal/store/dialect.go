package store

import (
	"errors"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Dialect names the SQL dialect a DB speaks. Queries are shared; the few
// places that differ ask the dialect here rather than building SQL from
// string helpers scattered through the code.
type Dialect int

const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// IsUniqueViolation reports whether err is a unique-key violation, which
// each driver reports with its own error type.
func IsUniqueViolation(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code()
		return c == sqlite3.SQLITE_CONSTRAINT_UNIQUE || c == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}

	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}

	return false
}
