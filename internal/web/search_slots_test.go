package web

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestSearchSlots(t *testing.T) {
	slots := make(searchSlots, 2)
	ctx := context.Background()
	r1, err1 := slots.acquire(ctx)
	r2, err2 := slots.acquire(ctx)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	// A third waits for a slot, and gives up with its visitor.
	gone, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := slots.acquire(gone); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("third search while two run: %v, want to wait and give up", err)
	}
	got := make(chan error, 1)
	go func() {
		release, err := slots.acquire(ctx)
		if err == nil {
			release()
		}
		got <- err
	}()
	r1()
	select {
	case err := <-got:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a freed slot was not taken")
	}
	r2()
	if len(slots) != 0 {
		t.Errorf("%d slots still held", len(slots))
	}
}
