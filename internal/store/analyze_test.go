package store_test

import (
	"context"
	"testing"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestAnalyze(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		if err := db.Analyze(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
}
