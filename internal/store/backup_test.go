package store_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// demoSite is a database of the given kind holding the demo site.
func demoSite(t *testing.T, kind string) *store.DB {
	t.Helper()
	db := storetest.SQLite(t)
	if kind == "postgres" {
		db = storetest.Postgres(t)
	}
	if err := demo.Load(context.Background(), db, 1); err != nil {
		t.Fatal(err)
	}
	return db
}

// destination is where a restore of the given kind goes: a new data
// folder's file, or a database with no tables.
func destination(t *testing.T, kind string) string {
	t.Helper()
	if kind == "postgres" {
		return storetest.EmptyPostgresDatabase(t)
	}
	return store.SQLitePath(t.TempDir())
}

// writeWhile votes, counts views and stores new files on db until stop
// is closed, and says how many votes it cast.
func writeWhile(t *testing.T, db *store.DB, stop <-chan struct{}) func() int {
	t.Helper()
	ctx := context.Background()
	var poll, option int64
	if err := db.QueryRowContext(ctx, `SELECT poll_id, id FROM poll_options ORDER BY id LIMIT 1`).
		Scan(&poll, &option); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	votes := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			err := db.InTx(ctx, func(tx store.Tx) error {
				if _, err := tx.ExecContext(ctx, `INSERT INTO poll_votes (poll_id, option_id, voter_key, ip, created_at)
					VALUES ($1, $2, $3, '10.0.0.1', 1)`, poll, option, fmt.Sprintf("load-%d", i)); err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `UPDATE articles SET hits = hits + 1 WHERE id = 1`); err != nil {
					return err
				}
				if i%10 != 0 {
					return nil
				}
				blob := make([]byte, 64<<10)
				rand.Read(blob)
				sum := sha256.Sum256(blob)
				_, err := tx.ExecContext(ctx, `INSERT INTO media_blobs (sha256, bytes) VALUES ($1, $2)`,
					hex.EncodeToString(sum[:]), blob)
				return err
			})
			if err != nil {
				t.Errorf("write during backup: %v", err)
				return
			}
			votes++
		}
	}()
	return func() int { wg.Wait(); return votes }
}

// sameAsArchive compares every table of db with the archive's rows, and
// every stored file with its name.
func sameAsArchive(t *testing.T, dsn string, m store.Manifest) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, at := range m.Tables {
		sum, n, err := store.ChecksumTable(ctx, db, at.Name, at.Columns)
		if err != nil {
			t.Fatalf("%s: %v", at.Name, err)
		}
		if n != at.Rows || sum != at.RowsSHA256 {
			t.Errorf("%s: %d rows (%.12s) restored, %d (%.12s) archived", at.Name, n, sum, at.Rows, at.RowsSHA256)
		}
	}
	rows, err := db.QueryUncached(ctx, `SELECT sha256, bytes FROM media_blobs`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	archived := map[string]bool{}
	for _, b := range m.Blobs {
		archived[b.SHA256] = true
	}
	files := 0
	for rows.Next() {
		var name string
		var b []byte
		if err := rows.Scan(&name, &b); err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != name || !archived[name] {
			t.Errorf("file %s restored with other bytes, or not from the archive", name)
		}
		files++
	}
	if files == 0 {
		t.Error("no files restored")
	}
}

func TestABackupTakenUnderWritesRestoresOnEitherDatabase(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ from, to string }{
		{"sqlite", "sqlite"}, {"sqlite", "postgres"}, {"postgres", "sqlite"}, {"postgres", "postgres"},
	} {
		t.Run(c.from+" to "+c.to, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			src := demoSite(t, c.from)
			stop := make(chan struct{})
			wait := writeWhile(t, src, stop)

			path := filepath.Join(t.TempDir(), store.BackupName(time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)))
			m, err := store.BackupFile(ctx, src, path)
			close(stop)
			cast := wait()
			if err != nil {
				t.Fatalf("backup: %v", err)
			}
			var votes int64
			src.QueryRowContext(ctx, `SELECT count(*) FROM poll_votes`).Scan(&votes)
			t.Logf("%d votes cast during the backup; %d in the source after it", cast, votes)

			a, err := store.OpenArchive(path)
			if err != nil {
				t.Fatalf("open archive: %v", err)
			}
			dst := destination(t, c.to)
			r, err := store.Restore(ctx, a, dst, store.RestoreOptions{})
			if err != nil {
				t.Fatalf("restore: %v", err)
			}
			if len(r.Tables) != len(m.Tables) || r.Rows != m.RowCount() || r.Blobs != len(m.Blobs) {
				t.Errorf("restored %d tables, %d rows, %d files; archived %d, %d, %d",
					len(r.Tables), r.Rows, r.Blobs, len(m.Tables), m.RowCount(), len(m.Blobs))
			}
			sameAsArchive(t, dst, m)
		})
	}
}

// corrupt changes the archive at path as a failing disk or a cut copy
// would.
type corrupt func(t *testing.T, path string)

// flipIn flips one byte inside the entry whose name starts with prefix.
func flipIn(prefix string) corrupt {
	return func(t *testing.T, path string) {
		off, size := entrySpan(t, path, prefix)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		b[off+size/2] ^= 0x20
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

func truncateHalf(t *testing.T, path string) {
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, st.Size()/2); err != nil {
		t.Fatal(err)
	}
}

func TestADamagedArchiveIsRefusedAndTheSiteKept(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src := demoSite(t, "sqlite")
	good := filepath.Join(t.TempDir(), "site.tar")
	if _, err := store.BackupFile(ctx, src, good); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		damage corrupt
	}{
		{"a byte flipped in a table's rows", flipIn("tables/articles")},
		{"a byte flipped in a stored file", flipIn("blobs/")},
		{"a byte flipped in the manifest", flipIn("manifest.json")},
		{"the archive cut in half", truncateHalf},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "site.tar")
			copyFile(t, good, path)
			c.damage(t, path)

			target := store.SQLitePath(t.TempDir())
			site, err := store.Open(ctx, target)
			if err != nil {
				t.Fatal(err)
			}
			site.ExecContext(ctx, `INSERT INTO categories (site_id, slug, name, created_at, updated_at)
				VALUES (1, 'con-lai', 'Còn lại', 1, 1)`)
			site.Close()
			before, _ := os.ReadFile(target)

			a, err := store.OpenArchive(path)
			if err == nil {
				_, err = store.Restore(ctx, a, target, store.RestoreOptions{Force: true})
			}
			if !errors.Is(err, store.ErrArchiveDamaged) {
				t.Fatalf("restore of a damaged archive = %v, want a refusal naming the damage", err)
			}
			after, _ := os.ReadFile(target)
			if string(before) != string(after) {
				t.Error("the site was changed by a refused restore")
			}
		})
	}
}

func TestARestoreOverContentNeedsForce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src := demoSite(t, "sqlite")
	path := filepath.Join(t.TempDir(), "site.tar")
	m, err := store.BackupFile(ctx, src, path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := store.OpenArchive(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			dst := destination(t, kind)
			other, err := store.Open(ctx, dst)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := other.ExecContext(ctx, `INSERT INTO categories (site_id, slug, name, created_at, updated_at)
				VALUES (1, 'trang-khac', 'Trang khác', 1, 1)`); err != nil {
				t.Fatal(err)
			}
			other.Close()

			if _, err := store.Restore(ctx, a, dst, store.RestoreOptions{}); !errors.Is(err, store.ErrNotEmpty) {
				t.Fatalf("restore over content without --force = %v, want a refusal", err)
			}
			if n := countWhere(t, dst, `slug = 'trang-khac'`); n != 1 {
				t.Fatalf("the refused restore changed the site: %d", n)
			}

			r, err := store.Restore(ctx, a, dst, store.RestoreOptions{Force: true})
			if err != nil {
				t.Fatalf("restore --force: %v", err)
			}
			if !r.Replaced {
				t.Error("the report does not say the site was replaced")
			}
			if n := countWhere(t, dst, `slug = 'trang-khac'`); n != 0 {
				t.Error("the replaced site's category is still there")
			}
			sameAsArchive(t, dst, m)
		})
	}
}

func countWhere(t *testing.T, dsn, where string) int {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT count(*) FROM categories WHERE `+where).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}
