package store

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Migration files live in migrations/ as NNNN_name.sql (one text for both
// databases) or as a pair NNNN_name.sqlite.sql + NNNN_name.postgres.sql
// where the DDL differs. They are applied in order, each in its own
// transaction, and recorded with a checksum of the text that ran.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migration is one step of the schema.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Checksum identifies the text of a migration, so an edited migration that
// has already run is detected at start instead of silently diverging.
func (m Migration) Checksum() string {
	sum := sha256.Sum256([]byte(m.SQL))
	return hex.EncodeToString(sum[:])
}

// Migrations returns the steps for a dialect, in order.
func Migrations(d Dialect) ([]Migration, error) {
	return migrationsFrom(migrationFiles, "migrations", d)
}

func migrationsFrom(fsys fs.FS, dir string, d Dialect) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}

	byVersion := map[int]Migration{}
	for _, e := range entries {
		name := strings.TrimSuffix(e.Name(), ".sql")
		switch {
		case strings.HasSuffix(name, ".sqlite"):
			if d != SQLite {
				continue
			}
			name = strings.TrimSuffix(name, ".sqlite")
		case strings.HasSuffix(name, ".postgres"):
			if d != Postgres {
				continue
			}
			name = strings.TrimSuffix(name, ".postgres")
		}

		num, label, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name[.dialect].sql", e.Name())
		}
		if _, dup := byVersion[v]; dup {
			return nil, fmt.Errorf("migration %d defined twice for %s", v, d)
		}

		text, err := fs.ReadFile(fsys, dir+"/"+e.Name())
		if err != nil {
			return nil, err
		}

		byVersion[v] = Migration{Version: v, Name: label, SQL: string(text)}
	}

	out := make([]Migration, 0, len(byVersion))
	for _, m := range byVersion {
		out = append(out, m)
	}

	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("migration %d missing for %s", i+1, d)
		}
	}

	return out, nil
}

// Migrate applies every migration the database has not run yet. It refuses
// to go on when a migration that already ran has changed, or when the
// database is newer than this binary.
func Migrate(ctx context.Context, db *DB) error {
	ms, err := Migrations(db.Dialect)
	if err != nil {
		return err
	}
	return migrate(ctx, db, ms)
}

func migrate(ctx context.Context, db *DB, ms []Migration) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		checksum TEXT NOT NULL,
		applied_at BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}

	applied := map[int]string{}
	rows, err := db.QueryContext(ctx, `SELECT version, checksum FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("read schema_migrations: %w", err)
	}

	for rows.Next() {
		var v int
		var sum string
		if err := rows.Scan(&v, &sum); err != nil {
			rows.Close()
			return err
		}

		applied[v] = sum
	}

	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}

	known := map[int]bool{}
	for _, m := range ms {
		known[m.Version] = true
		if sum, ok := applied[m.Version]; ok {
			if sum != m.Checksum() {
				return fmt.Errorf("migration %04d_%s has changed since it was applied (checksum mismatch); "+
					"refusing to start", m.Version, m.Name)
			}
			continue
		}

		err := db.InTx(ctx, func(tx Tx) error {
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return err
			}

			_, err := tx.ExecContext(ctx,
				`INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)`,
				m.Version, m.Name, m.Checksum(), time.Now().Unix())

			return err
		})
		if err != nil {
			return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
		}
	}

	for v := range applied {
		if !known[v] {
			return fmt.Errorf("database has migration %d that this binary does not know; "+
				"it was written by a newer congtin", v)
		}
	}

	return nil
}
