package stats

import (
	"bytes"
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
)

func TestReadOnlyDatabaseKeepsCountsInMemory(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "congtin.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.OpenWith(ctx, path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()

	var logs bytes.Buffer
	r, err := NewRecorder(ro, RecorderConfig{SiteID: 1, Node: "ro", OnlineWindow: 15 * time.Minute,
		Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	now := t0
	r.now = func() time.Time { return now }

	for i := range 3 {
		r.Hit("visitor", now.Add(time.Duration(i)*time.Second), 0, false)
		if err := r.Flush(ctx); err != nil {
			t.Fatalf("flush %d: %v", i+1, err)
		}
	}

	t.Run("the counts wait in memory", func(t *testing.T) {
		if views, _ := r.Pending(); views != 3 {
			t.Errorf("pending views %d, want 3", views)
		}
	})
	t.Run("one warning, no error per flush", func(t *testing.T) {
		if n := strings.Count(logs.String(), "level=WARN"); n != 1 {
			t.Errorf("%d warnings, want 1:\n%s", n, logs.String())
		}
		if strings.Contains(logs.String(), "level=ERROR") {
			t.Errorf("logged an error:\n%s", logs.String())
		}
	})
}
