package store_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"testing"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// walSize is the size of db's write-ahead log.
func walSize(t *testing.T, path string) int64 {
	t.Helper()
	st, err := os.Stat(path + "-wal")
	if err != nil {
		return 0
	}
	return st.Size()
}

// bulkWrite writes 12 MB in one transaction, as an import or a demo load
// does.
func bulkWrite(t *testing.T, db *store.DB, tag string) {
	t.Helper()
	ctx := context.Background()
	err := db.InTx(ctx, func(tx store.Tx) error {
		for i := range 12 {
			blob := make([]byte, 1<<20)
			rand.Read(blob)
			if _, err := tx.ExecContext(ctx, `INSERT INTO media_blobs (sha256, bytes) VALUES ($1, $2)`,
				fmt.Sprintf("%s%062d", tag, i), blob); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestTheWriteAheadLogIsSmallAgainAfterABulkWrite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		after func(t *testing.T, db *store.DB)
	}{
		{"after the checkpoint that follows a bulk write", func(t *testing.T, db *store.DB) {
			if err := db.Checkpoint(ctx); err != nil {
				t.Fatal(err)
			}
		}},
		{"when the log starts over after an automatic checkpoint", func(t *testing.T, db *store.DB) {
			if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO counters (site_id, name, value) VALUES (1, 'after', 1)`); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			path := store.SQLitePath(t.TempDir())
			db, err := store.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var limit int64
			if err := db.QueryRowContext(ctx, `PRAGMA journal_size_limit`).Scan(&limit); err != nil || limit != store.WALSizeLimit {
				t.Fatalf("journal_size_limit = %d, %v; want %d", limit, err, store.WALSizeLimit)
			}
			bulkWrite(t, db, "aa")
			if n := walSize(t, path); n < 10<<20 {
				t.Fatalf("the bulk write left a log of %d bytes; the test needs a big one", n)
			}
			c.after(t, db)
			if n := walSize(t, path); n > store.WALSizeLimit {
				t.Errorf("the log is %d bytes after the bulk write, over the %d limit", n, store.WALSizeLimit)
			}
		})
	}
	t.Run("postgres has nothing to checkpoint", func(t *testing.T) {
		t.Parallel()
		if err := storetest.Postgres(t).Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
	})
}
