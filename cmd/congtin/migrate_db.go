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

	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// migrateDB moves a whole site from its SQLite file into PostgreSQL, for
// the day one machine is not enough: congtin migrate-db --from FILE --to URL.
func migrateDB(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("migrate-db", flag.ContinueOnError)
	from := fs.String("from", "", "SQLite database file to copy from (e.g. ./data/congtin.db)")
	to := fs.String("to", "", "PostgreSQL URL to copy into (postgres://user@host/db); the database must exist")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		return fmt.Errorf("usage: congtin migrate-db --from ./data/congtin.db --to postgres://user@host/db")
	}
	if !strings.HasPrefix(*to, "postgres://") && !strings.HasPrefix(*to, "postgresql://") {
		return fmt.Errorf("--to must be a postgres:// URL")
	}
	if _, err := os.Stat(*from); err != nil {
		return fmt.Errorf("--from: %w", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	src, err := store.Open(ctx, *from)
	if err != nil {
		return fmt.Errorf("open %s: %w", *from, err)
	}
	defer src.Close()
	dst, err := store.Open(ctx, *to)
	if err != nil {
		return fmt.Errorf("open destination: %w", err)
	}
	defer dst.Close()
	fmt.Fprintf(out, "%-22s %10s %10s  %s\n", "table", "rows", "copied", "checksum")
	copied := false
	_, err = store.CopyDatabase(ctx, src, dst, func(r store.CopyReport) {
		state := fmt.Sprint(r.Copied)
		if r.Skipped {
			state = "present"
		}

		copied = copied || r.Copied > 0
		fmt.Fprintf(out, "%-22s %10d %10s  %s\n", r.Table, r.Rows, state, r.Checksum[:16])
	})
	if err != nil {
		return err
	}

	// The index is made from the articles, not copied. A run that copied
	// nothing finds it in order unless an earlier run stopped before
	// building it. The site is the one copied across.
	served, err := site.Only(ctx, dst)
	if err != nil {
		return err
	}

	if copied {
		n, err := search.Rebuild(ctx, dst, served.ID)
		if err != nil {
			return fmt.Errorf("rebuild search index: %w", err)
		}

		fmt.Fprintf(out, "search index rebuilt: %d articles\n", n)
	} else if rebuilt, err := search.EnsureIndex(ctx, dst, served.ID); err != nil {
		return fmt.Errorf("check search index: %w", err)
	} else if rebuilt {
		fmt.Fprintln(out, "search index rebuilt")
	}

	if err := dst.Analyze(ctx); err != nil {
		return err
	}

	fmt.Fprintln(out, "verified: every table has the same rows and checksum on both sides")
	return nil
}
