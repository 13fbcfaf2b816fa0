package search_test

import (
	"context"
	"testing"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/store"
)

// loadDemo fills db with the demo site and indexes it.
func loadDemo(t testing.TB, db *store.DB) *search.Searcher {
	t.Helper()
	ctx := context.Background()
	if err := demo.Load(ctx, db, 1); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	if _, err := search.EnsureIndex(ctx, db, 1); err != nil {
		t.Fatalf("index demo: %v", err)
	}
	return search.New(db)
}
