package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestMigrationsAreOrderedForEachDialect(t *testing.T) {
	for _, d := range []store.Dialect{store.SQLite, store.Postgres} {
		ms, err := store.Migrations(d)
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		if len(ms) == 0 {
			t.Fatalf("%s: no migrations", d)
		}
		for i, m := range ms {
			if m.Version != i+1 {
				t.Errorf("%s: migration %d has version %d", d, i, m.Version)
			}
		}
	}
	sq, _ := store.Migrations(store.SQLite)
	pg, _ := store.Migrations(store.Postgres)
	if len(sq) != len(pg) {
		t.Errorf("sqlite has %d migrations, postgres %d: every step needs both", len(sq), len(pg))
	}
}

func TestMigrateFreshThenExisting(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "congtin.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO settings (site_id, key, value) VALUES (1, 'agency', 'Sở')`); err != nil {
		t.Fatal(err)
	}
	var n int
	db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n)
	db.Close()

	// A second start migrates nothing and keeps the data.
	db, err = store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	var m int
	db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&m)
	if m != n || n == 0 {
		t.Errorf("migrations recorded: first %d, after reopen %d", n, m)
	}
	var v string
	err = db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'agency'`).Scan(&v)
	if err != nil || v != "Sở" {
		t.Errorf("setting after reopen = %q, %v", v, err)
	}
}

func TestMigrateRefusesChangedMigration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "congtin.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1`); err != nil {
		t.Fatal(err)
	}
	err = store.Migrate(ctx, db)
	if err == nil || !strings.Contains(err.Error(), "checksum") {
		t.Fatalf("Migrate with edited checksum = %v, want a checksum error", err)
	}
}

func TestMigrateRefusesNewerDatabase(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := storetest.SQLite(t)
	if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, 'future', 'x', 0)`); err != nil {
		t.Fatal(err)
	}
	if err := store.Migrate(ctx, db); err == nil {
		t.Fatal("Migrate accepted a database with an unknown newer migration")
	}
}

func TestSchemaOnEachDatabase(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		var id int64
		err := db.QueryRowContext(ctx, `INSERT INTO categories (site_id, slug, name, created_at, updated_at)
			VALUES (1, 'to-chuc-dang', 'Tổ chức Đảng', 1, 1) RETURNING id`).Scan(&id)
		if err != nil {
			t.Fatalf("insert category: %v", err)
		}
		_, err = db.ExecContext(ctx, `INSERT INTO categories (site_id, slug, name, created_at, updated_at)
			VALUES (1, 'to-chuc-dang', 'again', 1, 1)`)
		if !store.IsUniqueViolation(err) {
			t.Fatalf("duplicate slug: err = %v, want a unique violation", err)
		}
		// Additive upsert, the form every counter flush uses.
		for i := 0; i < 2; i++ {
			_, err = db.ExecContext(ctx, `INSERT INTO counters (site_id, name, value) VALUES (1, 'visits', $1)
				ON CONFLICT (site_id, name) DO UPDATE SET value = counters.value + excluded.value`, 5)
			if err != nil {
				t.Fatal(err)
			}
		}
		var v int64
		db.QueryRowContext(ctx, `SELECT value FROM counters WHERE name = 'visits'`).Scan(&v)
		if v != 10 {
			t.Errorf("counter = %d, want 10", v)
		}
	})
}
