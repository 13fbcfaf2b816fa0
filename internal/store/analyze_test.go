package store_test

import (
	"context"
	"testing"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestAnalyze(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if err := db.Analyze(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
}
