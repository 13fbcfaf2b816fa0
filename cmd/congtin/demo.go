package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/store"
)

// demoCommand loads the demo site into an empty database if needed and
// adds generated articles, indexed as they are written:
// congtin demo --articles 10000 [--data DIR | --database URL] [--seed N]
func demoCommand(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	n := fs.Int("articles", 0, "generated articles to add (dates 2010-2021, all demo categories)")
	data := fs.String("data", envOr("CONGTIN_DATA", "./data"), "data folder of the SQLite database (CONGTIN_DATA)")
	dsn := fs.String("database", envOr("CONGTIN_DATABASE", ""), "PostgreSQL URL instead of SQLite (CONGTIN_DATABASE)")
	seed := fs.Uint64("seed", uint64(time.Now().UnixNano()), "random seed; the same seed gives the same articles")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 0 || fs.NArg() > 0 {
		return fmt.Errorf("usage: congtin demo --articles N [--data DIR | --database URL] [--seed N]")
	}

	target := *dsn
	if target == "" {
		target = store.SQLitePath(*data)
	}

	ctx := context.Background()
	db, served, err := app.OpenSite(ctx, target)
	if err != nil {
		return err
	}
	defer db.Close()
	switch err := demo.Load(ctx, db, served.ID); {
	case errors.Is(err, demo.ErrNotEmpty):
		fmt.Fprintln(out, "the site has content already: adding generated articles only")
	case err != nil:
		return err
	default:
		fmt.Fprintln(out, "demo site loaded")
	}

	// The demo loader writes without an indexer; catch up before adding.
	if _, err := search.EnsureIndex(ctx, db, served.ID); err != nil {
		return err
	}

	start := time.Now()
	err = demo.Generate(ctx, db, demo.GenerateOptions{SiteID: served.ID, N: *n, Seed: *seed,
		Indexer: search.NewIndexer(db.Dialect), Progress: func(done int) {
			if done%5000 == 0 || done == *n {
				fmt.Fprintf(out, "%d/%d articles\n", done, *n)
			}
		}})
	if err != nil {
		return err
	}
	if err := db.Analyze(ctx); err != nil {
		return err
	}

	if err := db.Checkpoint(ctx); err != nil {
		return err
	}
	fmt.Fprintf(out, "added %d articles in %s\n", *n, time.Since(start).Round(time.Millisecond))
	return nil
}
