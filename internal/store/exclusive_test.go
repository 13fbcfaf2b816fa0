package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// TestExclusive: of several nodes trying the same job at once, one runs it.
func TestExclusive(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if db.Dialect == store.SQLite {
			ran, err := db.Exclusive(context.Background(), "job", func(store.Tx) error { return nil })
			if !ran || err != nil {
				t.Fatalf("sqlite: ran=%v err=%v", ran, err)
			}
			return
		}
		var runs atomic.Int32
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := 0; i < 5; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				db.Exclusive(context.Background(), "purge", func(store.Tx) error {
					runs.Add(1)
					time.Sleep(300 * time.Millisecond)
					return nil
				})
			}()
		}
		close(start)
		wg.Wait()
		if runs.Load() != 1 {
			t.Errorf("job ran %d times, want once", runs.Load())
		}
	})
}
