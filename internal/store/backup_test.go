package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestBackupIsAWorkingSite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := storetest.SQLite(t)
	if err := demo.Load(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.db")
	r, err := store.Backup(ctx, db, path)
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != len(demo.Articles()) || r.Media == 0 || r.Bytes == 0 {
		t.Errorf("report %+v", r)
	}
	// The copy opens as a site of its own, with the same articles.
	cp, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	var title string
	cp.QueryRowContext(ctx, `SELECT title FROM articles WHERE id = 1`).Scan(&title)
	if title != demo.Reference.Title {
		t.Errorf("reference article in backup: %q", title)
	}
	if _, err := store.Backup(ctx, db, path); err == nil {
		t.Error("backup overwrote an existing file")
	}
}
