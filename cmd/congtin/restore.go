package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// restore puts a site back from an archive of `congtin backup`, into an
// empty data folder or database of either kind:
// congtin restore /backup/congtin-20261201-020000.tar --data /var/lib/congtin
func restore(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	config := app.DatabaseFlags(fs, os.Getenv)
	force := fs.Bool("force", false, "replace a site that already has content")
	// The archive may come before the flags or after them.
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
	}
	if file == "" {
		return fmt.Errorf("usage: congtin restore FILE [--data DIR | --database URL] [--force]")
	}
	cfg, err := config()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	a, err := store.OpenArchive(file)
	if err != nil {
		return err
	}
	m := a.Manifest
	fmt.Fprintf(out, "archive checked: %s, taken %s from %s at migration %d: %d tables, %d rows, %d files\n",
		file, m.CreatedAt.Format("2006-01-02 15:04:05 UTC"), m.Source, m.Migration, len(m.Tables), m.RowCount(),
		len(m.Blobs))

	r, err := store.Restore(ctx, a, cfg.DSN(), store.RestoreOptions{Force: *force, Prepare: rebuildIndex(out)})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%-22s %10s  %s\n", "table", "rows", "checksum")
	for _, t := range r.Tables {
		fmt.Fprintf(out, "%-22s %10d  %s\n", t.Name, t.Rows, t.RowsSHA256[:16])
	}
	where := cfg.DSN()
	if cfg.Database != "" {
		where = "PostgreSQL"
	}
	fmt.Fprintf(out, "restored into %s: %d tables, %d rows, %d files; every checksum matched\n",
		where, len(r.Tables), r.Rows, r.Blobs)
	if r.Replaced {
		fmt.Fprintln(out, "the site that was there has been replaced")
	}
	return nil
}

// rebuildIndex makes the search index from the restored articles: it is
// derived, so archives leave it out.
func rebuildIndex(out io.Writer) func(context.Context, *store.DB) error {
	return func(ctx context.Context, db *store.DB) error {
		served, err := site.Only(ctx, db)
		if err != nil {
			return err
		}
		n, err := search.Rebuild(ctx, db, served.ID)
		if err != nil {
			return fmt.Errorf("rebuild search index: %w", err)
		}
		fmt.Fprintf(out, "search index rebuilt: %d articles\n", n)
		return nil
	}
}
