package stats

import (
	"bytes"
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// The visitor cookie key is made once, by whichever node starts first,
// and every later start, on any node, reads that same key.
func TestCookieKeyIsMadeOnceAndKept(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		dsn  func(t testing.TB) string
	}{
		{"sqlite", func(t testing.TB) string { return filepath.Join(t.TempDir(), "congtin.db") }},
		{"postgres", storetest.NewPostgresDatabase},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dsn := c.dsn(t)
			open := func() *store.DB {
				db, err := store.Open(ctx, dsn)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				return db
			}
			open() // migrated once, as the first start does before serving

			const nodes = 8
			keys := make([][]byte, nodes)
			errs := make([]error, nodes)
			var wg sync.WaitGroup
			for i := range nodes {
				db := open()
				wg.Go(func() { keys[i], errs[i] = CookieKey(ctx, db) })
			}
			wg.Wait()

			for i := range nodes {
				if errs[i] != nil {
					t.Fatalf("node %d: %v", i, errs[i])
				}
				if len(keys[i]) != CookieKeySize || !bytes.Equal(keys[i], keys[0]) {
					t.Fatalf("node %d has key %x, node 0 %x: want one key of %d bytes", i, keys[i], keys[0], CookieKeySize)
				}
			}
			restarted, err := CookieKey(ctx, open())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(restarted, keys[0]) {
				t.Error("a restart made a new key: every visitor would count again")
			}
			var rows int
			open().QueryRowContext(ctx, `SELECT count(*) FROM secrets`).Scan(&rows)
			if rows != 1 {
				t.Errorf("%d secrets rows, want 1", rows)
			}
		})
	}
}

// A key that is not 32 bytes of hex is refused, not used: a short key
// would make cookies easy to forge.
func TestDamagedCookieKeyIsRefused(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.ExecContext(ctx, `INSERT INTO secrets (name, value) VALUES ($1, 'abcd')`, secretCookieKey); err != nil {
			t.Fatal(err)
		}
		if _, err := CookieKey(ctx, db); err == nil {
			t.Error("a two-byte key was accepted")
		}
	})
}
