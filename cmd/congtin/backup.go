package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/store"
)

// backup writes one checked archive of the whole site, from SQLite or
// PostgreSQL, while the site serves:
// congtin backup --data /var/lib/congtin --out /backup/congtin.tar
func backup(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	config := app.DatabaseFlags(fs, os.Getenv)
	dest := fs.String("out", "", "archive to write; default: backups/congtin-YYYYMMDD-HHMMSS.tar in the data folder")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := config()
	if err != nil {
		return err
	}
	if cfg.Database == "" {
		// A backup never creates the site it was meant to copy.
		if _, err := os.Stat(cfg.DSN()); err != nil {
			return fmt.Errorf("no database at %s: %w", cfg.DSN(), err)
		}
	}
	if *dest == "" {
		*dest = filepath.Join(cfg.BackupFolder(), store.BackupName(time.Now()))
	}

	ctx := context.Background()
	db, err := store.Open(ctx, cfg.DSN())
	if err != nil {
		return err
	}
	defer db.Close()
	m, err := store.BackupFile(ctx, db, *dest)
	if err != nil {
		return err
	}
	if _, err := store.OpenArchive(*dest); err != nil {
		return fmt.Errorf("the archive written does not read back: %w", err)
	}

	var size int64
	if st, err := os.Stat(*dest); err == nil {
		size = st.Size()
	}
	fmt.Fprintf(out, "backup written and checked: %s (%d bytes)\n", *dest, size)
	fmt.Fprintf(out, "%d tables, %d rows, %d files; from %s at migration %d\n",
		len(m.Tables), m.RowCount(), len(m.Blobs), m.Source, m.Migration)
	return nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
