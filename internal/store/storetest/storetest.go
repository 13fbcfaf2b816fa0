// Package storetest gives tests a freshly migrated database of their own:
// an SQLite file in a temporary folder always, and a PostgreSQL database
// when CONGTIN_TEST_POSTGRES names a server. Under CI=true a missing
// server fails the test instead of skipping it, so a broken CI machine
// cannot pass silently.
package storetest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
)

// EnvPostgres names the variable holding the PostgreSQL test server URL.
const EnvPostgres = "CONGTIN_TEST_POSTGRES"

// Each runs fn as a subtest on every database available: "sqlite" always,
// "postgres" when configured.
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) {
		fn(t, SQLite(t))
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, Postgres(t))
	})
}

// SQLite opens a migrated SQLite database in a new temporary folder.
func SQLite(t testing.TB) *store.DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "congtin.db")
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// PostgresURL returns the server URL for tests, skipping the test (or
// failing it under CI=true) when none is configured.
func PostgresURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvPostgres)
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set; CI must provide a PostgreSQL server", EnvPostgres)
		}
		t.Skipf("%s not set; skipping PostgreSQL", EnvPostgres)
	}

	return u
}

// Postgres creates a new database on the test server as a copy of a
// migrated template, and drops it when the test ends. Copying the
// template is much faster than migrating each time, and each test owning
// its database lets tests run in parallel.
func Postgres(t testing.TB) *store.DB {
	t.Helper()
	base := PostgresURL(t)
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	if err := admin.PingContext(ctx); err != nil {
		t.Fatalf("postgres server at %s: %v", base, err)
	}

	tmpl, err := ensureTemplate(ctx, admin, base)
	if err != nil {
		t.Fatalf("postgres template: %v", err)
	}

	name := "congtin_t_" + randomHex(6)
	if err := createFromTemplate(ctx, admin, name, tmpl); err != nil {
		t.Fatalf("create test database: %v", err)
	}

	db, err := store.Open(ctx, withDatabase(base, name))
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}

	t.Cleanup(func() {
		db.Close()
		a, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer a.Close()
		a.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	})

	return db
}

// NewPostgresDatabase creates an empty, migrated database and returns its
// URL, for tests that start whole processes against PostgreSQL.
func NewPostgresDatabase(t testing.TB) string {
	t.Helper()
	db := Postgres(t)
	var name string
	if err := db.QueryRowContext(context.Background(), `SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	db.Close()
	return withDatabase(PostgresURL(t), name)
}

func ensureTemplate(ctx context.Context, admin *sql.DB, base string) (string, error) {
	ms, err := store.Migrations(store.Postgres)
	if err != nil {
		return "", err
	}

	h := sha256.New()
	for _, m := range ms {
		h.Write([]byte(m.Checksum()))
	}

	name := "congtin_tmpl_" + hex.EncodeToString(h.Sum(nil))[:12]

	conn, err := admin.Conn(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	// Test packages run in parallel processes: one builds the template
	// while the others wait on the lock.
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(726354)`); err != nil {
		return "", err
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(726354)`)
	var exists bool
	if err := conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`,
		name).Scan(&exists); err != nil {
		return "", err
	}

	if exists {
		return name, nil
	}

	build := name + "_build"
	conn.ExecContext(ctx, `DROP DATABASE IF EXISTS `+build+` WITH (FORCE)`)
	if _, err := conn.ExecContext(ctx, `CREATE DATABASE `+build); err != nil {
		return "", err
	}

	db, err := store.Open(ctx, withDatabase(base, build))
	if err != nil {
		return "", err
	}

	db.Close()
	if _, err := conn.ExecContext(ctx, `ALTER DATABASE `+build+` RENAME TO `+name); err != nil {
		return "", err
	}

	return name, nil
}

func createFromTemplate(ctx context.Context, admin *sql.DB, name, tmpl string) error {
	var err error
	// CREATE DATABASE ... TEMPLATE fails while another session is briefly
	// connected to the template; retry for a little while.
	for i := 0; i < 50; i++ {
		_, err = admin.ExecContext(ctx, `CREATE DATABASE `+name+` TEMPLATE `+tmpl)
		if err == nil || !strings.Contains(err.Error(), "being accessed by other users") {
			return err
		}

		time.Sleep(100 * time.Millisecond)
	}

	return err
}

func withDatabase(base, name string) string {
	u, err := url.Parse(base)
	if err != nil {
		panic(fmt.Sprintf("bad %s: %v", EnvPostgres, err))
	}
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// EmptyPostgresDatabase creates a database with no tables at all, as an
// operator's createdb leaves it, and returns its URL; it is dropped when
// the test ends.
func EmptyPostgresDatabase(t testing.TB) string {
	t.Helper()
	base := PostgresURL(t)
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer admin.Close()
	name := "congtin_e_" + randomHex(6)
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("create empty database: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer a.Close()
		a.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	})
	return withDatabase(base, name)
}
