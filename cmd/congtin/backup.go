package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/congtin/congtin/internal/store"
)

// backup writes a checked copy of the site's SQLite database:
// congtin backup --data ./data --out /backup/congtin-2026-11-29.db
func backup(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	data := fs.String("data", envOr("CONGTIN_DATA", "./data"), "data folder of the site (CONGTIN_DATA)")
	dest := fs.String("out", "", "file to write; default: congtin-YYYYMMDD-HHMMSS.db in the data folder")
	if err := fs.Parse(args); err != nil {
		return err
	}

	src := store.SQLitePath(*data)
	if _, err := os.Stat(src); err != nil {
		return fmt.Errorf("no database at %s: %w", src, err)
	}
	if *dest == "" {
		*dest = filepath.Join(*data, "congtin-"+time.Now().Format("20060102-150405")+".db")
	}

	ctx := context.Background()
	db, err := store.Open(ctx, src)
	if err != nil {
		return err
	}
	defer db.Close()
	r, err := store.Backup(ctx, db, *dest)
	if err != nil {
		return err
	}

	fmt.Fprintf(out, "backup written and checked: %s (%d bytes, %d articles, %d files)\n",
		r.Path, r.Bytes, r.Articles, r.Media)

	return nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
