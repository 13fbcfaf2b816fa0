package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// refusedPort is an address nothing listens on: a listener opened and
// closed again.
func refusedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// pgUnreachable is the error pgx gives when the server cannot be reached.
func pgUnreachable(t *testing.T) error {
	t.Helper()
	db, err := sql.Open("pgx", "postgres://postgres@"+refusedPort(t)+"/x?sslmode=disable&connect_timeout=2")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return db.PingContext(context.Background())
}

// sqliteCannotOpen is the error of an SQLite file that cannot be opened.
func sqliteCannotOpen(t *testing.T) error {
	t.Helper()
	path := filepath.Join(t.TempDir(), "missing", "folder", "congtin.db")
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return db.PingContext(context.Background())
}

// sqliteReadOnlyWrite is the error of a write to a database opened
// read-only.
func sqliteReadOnlyWrite(t *testing.T) error {
	t.Helper()
	path := filepath.Join(t.TempDir(), "congtin.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.OpenWith(context.Background(), path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, err = ro.ExecContext(context.Background(), `DELETE FROM sessions`)
	return err
}

func TestDatabaseUnavailabilityIsToldApart(t *testing.T) {
	deadline, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-deadline.Done()

	cases := []struct {
		name string
		err  error
		// want is the problem Classify makes of err; nil: err stays as it is.
		want *problem.Error
	}{
		{"a PostgreSQL server that refuses connections is unavailable", pgUnreachable(t), store.ErrUnavailable},
		{"a connection dropped mid-query is unavailable",
			fmt.Errorf("read articles: %w", &net.OpError{Op: "read", Net: "tcp", Err: errors.New("reset")}),
			store.ErrUnavailable},
		{"a server shutting down is unavailable", &pgconn.PgError{Code: "57P01"}, store.ErrUnavailable},
		{"a server out of connection slots is unavailable", &pgconn.PgError{Code: "53300"}, store.ErrUnavailable},
		{"a wait for a pooled connection that runs out is unavailable",
			fmt.Errorf("begin: %w", deadline.Err()), store.ErrUnavailable},
		{"an SQLite file that cannot be opened is unavailable", sqliteCannotOpen(t), store.ErrUnavailable},
		{"a write to a read-only database is read-only", sqliteReadOnlyWrite(t), store.ErrReadOnly},
		{"a PostgreSQL disk full is disk full", &pgconn.PgError{Code: "53100"}, store.ErrDiskFull},
		{"a visitor who went away is not unavailable", fmt.Errorf("q: %w", context.Canceled), nil},
		{"a unique violation is not unavailable", &pgconn.PgError{Code: "23505"}, nil},
		{"a plain error is not unavailable", errors.New("template: no such page"), nil},
		{"a problem keeps its own kind", store.ErrNotFound, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.err == nil {
				t.Fatal("the case made no error")
			}
			got := store.Classify(c.err)
			if c.want == nil {
				if got != c.err {
					t.Errorf("Classify(%v) = %v, want it unchanged", c.err, got)
				}
				return
			}
			p, ok := problem.As(got)
			if !ok || p.Kind != problem.Unavailable || p.Key != c.want.Key {
				t.Fatalf("Classify(%v) = %v, want %v", c.err, got, c.want)
			}
			if !errors.Is(got, c.err) {
				t.Errorf("Classify(%v) lost the cause", c.err)
			}
			if !store.IsUnavailable(c.err) {
				t.Errorf("IsUnavailable(%v) = false", c.err)
			}
		})
	}
}

func TestReadOnlyOpen(t *testing.T) {
	t.Run("a database opened read-only reads and refuses writes", func(t *testing.T) {
		path := store.SQLitePath(t.TempDir())
		db, err := store.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()

		ro, err := store.OpenWith(context.Background(), path, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		var n int
		err = ro.QueryRowContext(context.Background(), `SELECT count(*) FROM schema_migrations`).Scan(&n)
		if err != nil || n == 0 {
			t.Errorf("read: %d migrations, %v", n, err)
		}
		err = ro.InTx(context.Background(), func(tx store.Tx) error {
			_, err := tx.ExecContext(context.Background(), `DELETE FROM sessions`)
			return err
		})
		if !store.IsReadOnly(err) {
			t.Errorf("write: %v, want a read-only refusal", err)
		}
	})

	t.Run("a read-only folder without a database is refused with what to do", func(t *testing.T) {
		_, err := store.OpenWith(context.Background(), store.SQLitePath(t.TempDir()), store.Options{ReadOnly: true})
		if err == nil {
			t.Fatal("opened a database that does not exist")
		}
	})

	t.Run("a read-only PostgreSQL database refuses writes", func(t *testing.T) {
		url := storetest.NewPostgresDatabase(t)
		ro, err := store.OpenWith(context.Background(), url, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		_, err = ro.ExecContext(context.Background(), `DELETE FROM sessions`)
		if !store.IsReadOnly(err) {
			t.Errorf("write: %v, want a read-only refusal", err)
		}
	})
}
