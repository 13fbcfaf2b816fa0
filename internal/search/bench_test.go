package search_test

import (
	"context"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// benchArticles is how many generated articles the benchmarks search;
// CONGTIN_BENCH_ARTICLES overrides it (bench/search runs 100,000).
func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("CONGTIN_BENCH_ARTICLES")); err == nil && n > 0 {
		return n
	}
	return 5000
}

func benchDB(b *testing.B) *store.DB { return benchDBOn(b, storetest.SQLite) }

func benchDBOn(b *testing.B, open func(testing.TB) *store.DB) *store.DB {
	b.Helper()
	db := open(b)
	ctx := context.Background()
	if err := demo.Load(ctx, db, 1); err != nil {
		b.Fatal(err)
	}
	if err := demo.Generate(ctx, db, demo.GenerateOptions{SiteID: 1, N: benchArticles(), Seed: 42}); err != nil {
		b.Fatal(err)
	}
	return db
}

func BenchmarkRebuild(b *testing.B) {
	db := benchDB(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := search.Rebuild(context.Background(), db, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch runs the same queries on SQLite and, when configured,
// PostgreSQL, for a side-by-side figure.
func BenchmarkSearch(b *testing.B) {
	for _, d := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(d.name, func(b *testing.B) { benchmarkSearch(b, benchDBOn(b, d.open)) })
	}
}

func benchmarkSearch(b *testing.B, db *store.DB) {
	if _, err := search.Rebuild(context.Background(), db, 1); err != nil {
		b.Fatal(err)
	}
	s := search.New(db)
	now := time.Now()
	for _, c := range []struct{ name, q string }{
		{"one-word", "dang"},
		{"one-word-marked", "đảng"},
		{"three-words", "khoa hoc cong"},
		{"three-words-marked", "khoa học công"},
		{"phrase", `"tam guong dao duc"`},
		{"phrase-marked", `"tấm gương đạo đức"`},
		{"rare", "x-quang"},
		{"newest", "nong nghiep"},
	} {
		b.Run(c.name, func(b *testing.B) {
			q := search.Parse(c.q)
			o := search.Options{SiteID: 1, Now: now, Newest: c.name == "newest"}
			for b.Loop() {
				if _, err := s.Search(context.Background(), q, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
