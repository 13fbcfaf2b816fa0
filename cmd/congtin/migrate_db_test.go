package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// TestMigrateDBRoundTrip moves the demo site with 10,000 generated
// articles from SQLite into PostgreSQL with the command an operator runs,
// twice, and checks the destination serves the same site: the same
// articles, the reference article whole, its images, and search.
func TestMigrateDBRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 10,000 articles")
	}
	ctx := context.Background()
	dir := t.TempDir()
	src, err := store.Open(ctx, store.SQLitePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, src, 1); err != nil {
		t.Fatal(err)
	}
	if err := demo.Generate(ctx, src, demo.GenerateOptions{SiteID: 1, N: 10000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	var want int
	src.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&want)
	src.Close()

	dsn := storetest.NewPostgresDatabase(t)
	for run := 1; run <= 2; run++ {
		var out strings.Builder
		start := time.Now()
		if err := migrateDB([]string{"--from", store.SQLitePath(dir), "--to", dsn}, &out); err != nil {
			t.Fatalf("run %d: %v\n%s", run, err, out.String())
		}
		t.Logf("run %d took %v", run, time.Since(start).Round(time.Millisecond))
		if !strings.Contains(out.String(), "verified") {
			t.Errorf("run %d: no verification in the report:\n%s", run, out.String())
		}
		if run == 2 && strings.Contains(out.String(), " 10051 ") && !strings.Contains(out.String(), "present") {
			t.Errorf("second run copied again:\n%s", out.String())
		}
	}
	dst := openDB(t, dsn)
	var got int
	dst.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&got)
	if got != want || want < 10000 {
		t.Fatalf("destination has %d articles, source %d", got, want)
	}
	var body string
	dst.QueryRowContext(ctx, `SELECT body_html FROM articles WHERE id = 1`).Scan(&body)
	if !strings.Contains(body, demo.Reference.Body[len(demo.Reference.Body)-1]) {
		t.Error("the reference article's last paragraph did not survive")
	}
	res, err := search.New(dst).Search(ctx, search.Parse("dang bo"), search.Options{SiteID: 1, Now: time.Now()})
	if err != nil || res.Total == 0 {
		t.Fatalf("search on the destination: %v, %+v", err, res)
	}
}
