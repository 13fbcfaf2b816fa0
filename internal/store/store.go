// Package store opens the database (embedded SQLite by default, PostgreSQL
// when a URL is given), applies the embedded migrations and offers the few
// helpers every domain package shares. SQL is written by hand with $N
// placeholders, which both drivers bind by number, so most queries serve
// both databases unchanged; what truly differs lives in dialect.go and in
// the per-dialect migration files.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/problem"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver
)

// ErrNotFound is returned by lookups that find no row. Domain packages wrap
// or return it; callers test it with errors.Is. It is a problem of kind
// NotFound, so a handler answers it with 404 without knowing the store.
var ErrNotFound = problem.New(problem.NotFound, "")

// DB is the shared database handle with the dialect it speaks. The
// *sql.DB stays inside: DB offers only methods that take a context, and
// its reads go through the statement cache (stmtcache.go), so no caller
// skips either by accident. QueryUncached is the one deliberate way past
// the cache.
type DB struct {
	pool    *sql.DB
	Dialect Dialect
	// url is the PostgreSQL URL, kept for the listening connection of the
	// change notifier.
	url string
	// stmts keeps the reads prepared on SQLite; nil on PostgreSQL.
	stmts *stmtCache
	// readOnly: opened for reading only (readonly.go).
	readOnly bool
}

// Querier is what both *sql.DB and *sql.Tx offer, so a repository function
// can run inside or outside a transaction.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Open connects to the database named by dsn and migrates it forward. An
// empty dsn or a plain file path means SQLite; a postgres:// or
// postgresql:// URL means PostgreSQL.
func Open(ctx context.Context, dsn string) (*DB, error) {
	return OpenWith(ctx, dsn, Options{})
}

// OpenWith is Open with options. A read-only database is not migrated:
// it is refused when it would need to be.
func OpenWith(ctx context.Context, dsn string, opt Options) (*DB, error) {
	var db *DB
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db, err = openPostgres(ctx, dsn, opt.ReadOnly)
	} else {
		db, err = openSQLiteFile(ctx, dsn, opt.ReadOnly)
	}

	if err != nil {
		return nil, err
	}

	if db.readOnly {
		if err := checkMigrated(ctx, db); err != nil {
			db.Close()
			return nil, err
		}
		return db, nil
	}
	if err := Migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}

	return db, nil
}

// SQLitePath is where the embedded database lives inside a data folder.
func SQLitePath(dataDir string) string { return filepath.Join(dataDir, "congtin.db") }

// openSQLite opens path for writing unless it cannot be written.
func openSQLite(ctx context.Context, path string) (*DB, error) {
	return openSQLiteFile(ctx, path, false)
}

// openSQLiteFile opens path, read-only when asked or when the file or its
// folder cannot be written.
func openSQLiteFile(ctx context.Context, path string, readOnly bool) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("create data folder: %w", err)
		}
	}

	readOnlyQuery, err := sqliteReadOnly(path, readOnly)
	if err != nil {
		return nil, err
	}
	// busy_timeout comes first so the other pragmas already wait for a lock.
	// Transactions take the write lock at BEGIN (_txlock=immediate): a
	// deferred transaction that upgrades later cannot be retried by
	// busy_timeout and would fail under concurrent writers. WAL with
	// synchronous=NORMAL survives a crash of the process (SIGKILL); only a
	// power cut can lose the last commits.
	q := "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-2000)&_txlock=immediate" +
		"&_pragma=journal_size_limit(" + strconv.Itoa(walSizeLimit) + ")"

	q += readOnlyQuery
	sqldb, err := sql.Open("sqlite", "file:"+path+q)
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}

	// Each connection keeps its own page cache (2 MB above) and, once it
	// has run searches, several more megabytes of full-text index state:
	// 6 connections under a crowd of searches held 40 MB more than at
	// start, 3 held 20. Readers in WAL mode never wait for each other, so
	// a connection per core and two to spare (a write, a slow search)
	// keep the cores busy without paying for idle ones.
	conns := max(4, runtime.GOMAXPROCS(0)+2)
	sqldb.SetMaxOpenConns(conns)
	sqldb.SetMaxIdleConns(conns)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}

	return &DB{pool: sqldb, Dialect: SQLite, stmts: &stmtCache{}, readOnly: readOnlyQuery != ""}, nil
}

func openPostgres(ctx context.Context, url string, readOnly bool) (*DB, error) {
	if readOnly {
		url = readOnlyPostgres(url)
	}
	sqldb, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}

	sqldb.SetMaxOpenConns(20)
	sqldb.SetMaxIdleConns(10)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("open postgres: %w", err)
	}

	return &DB{pool: sqldb, Dialect: Postgres, url: url, readOnly: readOnly}, nil
}

// InTx runs fn in a transaction, committing when it returns nil and rolling
// back otherwise.
func (db *DB) InTx(ctx context.Context, fn func(tx Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}

	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}

	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}

	return nil
}

// Unix turns a time into the stored form: whole seconds since 1970 UTC.
// Storing integers keeps comparisons, ordering and min/max identical on
// both databases.
func Unix(t time.Time) int64 { return t.Unix() }

// Time turns a stored value back into a time.
func Time(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

// NullTime turns a nullable stored value into a time pointer.
func NullTime(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := Time(v.Int64)
	return &t
}

// NullUnix turns an optional time into a nullable stored value.
func NullUnix(t *time.Time) sql.NullInt64 {
	if t == nil {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.Unix(), Valid: true}
}

// Tx is the transaction handle passed to InTx callbacks.
type Tx = *sql.Tx
