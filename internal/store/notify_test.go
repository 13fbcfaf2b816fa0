package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// TestChangesReachOtherNodes: two handles on one PostgreSQL database stand
// for two nodes; a change on one is seen by the other within a second,
// also after the listener's connection is killed.
func TestChangesReachOtherNodes(t *testing.T) {
	url := storetest.NewPostgresDatabase(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ca, cb := store.NewChanges(a, nil), store.NewChanges(b, nil)
	go cb.Listen(ctx)
	waitFor := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("%s: not seen in time", what)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	// Wait until b listens: announce until it hears one.
	waitFor("listener ready", func() bool { ca.Changed(ctx); return cb.Generation() > 0 })

	before := cb.Generation()
	start := time.Now()
	ca.Changed(ctx)
	waitFor("change", func() bool { return cb.Generation() > before })
	if d := time.Since(start); d > time.Second {
		t.Errorf("change took %v to arrive", d)
	}

	// Kill the listener's connection; it reconnects and counts a change.
	before = cb.Generation()
	if _, err := a.ExecContext(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
		WHERE datname = current_database() AND query LIKE 'LISTEN%'`); err != nil {
		t.Fatal(err)
	}
	waitFor("reconnect", func() bool { return cb.Generation() > before })
	before = cb.Generation()
	waitFor("change after reconnect", func() bool { ca.Changed(ctx); return cb.Generation() > before+1 })
}

func TestChangesOnSQLite(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	c := store.NewChanges(db, nil)
	called := 0
	c.OnChange(func() { called++ })
	c.Listen(context.Background()) // returns at once
	c.Changed(context.Background())
	if c.Generation() != 1 || called != 1 {
		t.Errorf("generation %d, subscribers called %d", c.Generation(), called)
	}
}
