package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/congtin/congtin/internal/problem"
	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// The ways the database can be out of reach for a while, each a problem
// of kind Unavailable (a 503 with Retry-After), so a visitor is told to
// come back rather than shown a fault of ours. Classify turns a driver's
// error into one of them; errors.Is finds the driver's error beneath.
var (
	// ErrUnavailable: the server cannot be reached, the connection
	// dropped, the pool's wait ran out, or the file cannot be opened or
	// read.
	ErrUnavailable = problem.New(problem.Unavailable, "store.unavailable")
	// ErrReadOnly: the database or its folder is read-only, so writes
	// are refused while reads go on.
	ErrReadOnly = problem.New(problem.Unavailable, "store.read_only")
	// ErrDiskFull: the disk under the database has no room left.
	ErrDiskFull = problem.New(problem.Unavailable, "store.disk_full")
)

// Classify returns err as one of the problems above when it says the
// database is unavailable, read-only or out of space, and err itself
// otherwise (nil stays nil). Handlers' adapter calls it once for every
// failed request, so no store function needs to.
func Classify(err error) error {
	if err == nil || problem.KindOf(err) != problem.Internal {
		return err
	}
	switch {
	case IsReadOnly(err):
		return ErrReadOnly.Because(err)
	case IsDiskFull(err):
		return ErrDiskFull.Because(err)
	case IsUnavailable(err):
		return ErrUnavailable.Because(err)
	}
	return err
}

// IsUnavailable reports whether err means the database cannot be used
// for now, through no fault of the query: a refused or dropped
// connection, a wait for a pooled connection that ran out, a PostgreSQL
// server shutting down or full of connections, an SQLite file that
// cannot be opened or read, a lock still held after busy_timeout, a
// read-only database or a full disk. A constraint, a syntax error or a
// corrupt file is not: those are faults to fix, not to wait out.
func IsUnavailable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	if IsReadOnly(err) || IsDiskFull(err) {
		return true
	}
	if code, ok := sqliteCode(err); ok {
		switch code & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR:
			return true
		}
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// Class 08 is the connection's; 57P01-57P03 the server stopping or
		// starting; 53300 no connection slot left.
		return strings.HasPrefix(pe.Code, "08") || pe.Code == "57P01" || pe.Code == "57P02" ||
			pe.Code == "57P03" || pe.Code == "53300"
	}
	var connect *pgconn.ConnectError
	var netErr net.Error
	switch {
	case errors.As(err, &connect), errors.As(err, &netErr):
		return true
	case errors.Is(err, driver.ErrBadConn), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return true
	case errors.Is(err, context.DeadlineExceeded), pgconn.Timeout(err):
		// A bounded wait for the database (a pooled connection, a ping)
		// that ran out.
		return true
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true
	}
	return false
}

// IsReadOnly reports whether err is a write refused because the database,
// its folder or its file system is read-only.
func IsReadOnly(err error) bool {
	if code, ok := sqliteCode(err); ok && code&0xff == sqlite3.SQLITE_READONLY {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "25006" { // read_only_sql_transaction: a standby
		return true
	}
	return errors.Is(err, syscall.EROFS)
}

// IsDiskFull reports whether err is a write refused for want of space.
func IsDiskFull(err error) bool {
	if code, ok := sqliteCode(err); ok && code&0xff == sqlite3.SQLITE_FULL {
		return true
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "53100" { // disk_full
		return true
	}
	return errors.Is(err, syscall.ENOSPC)
}

func sqliteCode(err error) (int, bool) {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code(), true
	}
	return 0, false
}
