package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// TestCopySQLiteToPostgres moves the demo site, media included, and
// checks every table; a second run changes nothing; a destination holding
// another site is refused.
func TestCopySQLiteToPostgres(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src := storetest.SQLite(t)
	if err := demo.Load(ctx, src, 1); err != nil {
		t.Fatal(err)
	}
	// A category whose parent has a larger id, as years of re-parenting
	// leave behind.
	var late int64
	if err := src.QueryRowContext(ctx, `INSERT INTO categories (site_id, slug, name, created_at, updated_at)
		VALUES (1, 'cha-sau', 'Cha sau', 1, 1) RETURNING id`).Scan(&late); err != nil {
		t.Fatal(err)
	}
	if _, err := src.ExecContext(ctx, `UPDATE categories SET parent_id = $1 WHERE slug = 'to-chuc-dang'`, late); err != nil {
		t.Fatal(err)
	}
	dst := storetest.Postgres(t)
	reports, err := store.CopyDatabase(ctx, src, dst, nil)
	if err != nil {
		t.Fatalf("copy: %v", err)
	}

	t.Run("every table is copied whole, media included", func(t *testing.T) {
		copied := map[string]store.CopyReport{}
		for _, r := range reports {
			copied[r.Table] = r
		}
		for _, table := range []string{"articles", "categories", "media_blobs", "media", "media_variants", "poll_votes",
			"settings", "pages"} {
			if copied[table].Rows == 0 || copied[table].Copied != copied[table].Rows {
				t.Errorf("%s: %+v", table, copied[table])
			}
		}
	})

	t.Run("booleans survive the copy", func(t *testing.T) {
		var n int
		dst.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE featured = TRUE`).Scan(&n)
		if n == 0 {
			t.Error("booleans did not survive the copy")
		}
	})

	t.Run("new rows on the destination get ids after the copied ones", func(t *testing.T) {
		var id int64
		if err := dst.QueryRowContext(ctx, `INSERT INTO categories (site_id, slug, name, created_at, updated_at)
			VALUES (1, 'moi', 'Mới', 1, 1) RETURNING id`).Scan(&id); err != nil {
			t.Fatalf("insert after copy: %v", err)
		}
		if id <= late {
			t.Errorf("new id %d collides with copied ids (max %d)", id, late)
		}
		dst.ExecContext(ctx, `DELETE FROM categories WHERE id = $1`, id)
	})

	t.Run("a second copy writes nothing again", func(t *testing.T) {
		again, err := store.CopyDatabase(ctx, src, dst, nil)
		if err != nil {
			t.Fatalf("second copy: %v", err)
		}
		for _, r := range again {
			if !r.Skipped && r.Table != "sites" {
				t.Errorf("second copy wrote %s again", r.Table)
			}
		}
	})

	t.Run("a destination holding another site is refused", func(t *testing.T) {
		other := storetest.Postgres(t)
		other.ExecContext(ctx, `INSERT INTO settings (site_id, key, value) VALUES (1, 'agency', 'Khác')`)
		if _, err := store.CopyDatabase(ctx, src, other, nil); !errors.Is(err, store.ErrDestinationDiffers) {
			t.Fatalf("copy onto another site = %v, want ErrDestinationDiffers", err)
		}
	})
}
