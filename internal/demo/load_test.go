package demo

import (
	"context"
	"errors"
	"testing"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestLoadOnlyIntoEmptySite(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		if err := Load(ctx, db, 1); err != nil {
			t.Fatalf("first load: %v", err)
		}
		var n int
		db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n)
		if n != len(Articles()) {
			t.Errorf("%d articles loaded, want %d", n, len(Articles()))
		}
		if err := Load(ctx, db, 1); !errors.Is(err, ErrNotEmpty) {
			t.Fatalf("second load = %v, want ErrNotEmpty", err)
		}
		var m int
		db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&m)
		if m != n {
			t.Errorf("second load changed the article count from %d to %d", n, m)
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		db := storetest.SQLite(b)
		if err := Load(context.Background(), db, 1); err != nil {
			b.Fatal(err)
		}
	}
}
