package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/congtin/congtin/internal/app"
)

const usage = `congtin: cổng thông tin điện tử, an e-portal and news CMS in one binary.

Usage:
  congtin serve [flags]   serve the site (see congtin serve --help)
  congtin user add|passwd|list   manage newsroom accounts (congtin user for help)
  congtin poll add|open|close|list   manage polls (see congtin poll)
  congtin backup [--data DIR|--database URL] [--out FILE]  write a checked archive of the whole site
  congtin restore FILE [--data DIR|--database URL] [--force]  put a site back from an archive
  congtin migrate-db --from FILE --to URL   copy a site from SQLite into PostgreSQL
  congtin import joomla --dsn DSN [flags]   import a Joomla 1.5-5 site (congtin import joomla --help)
  congtin demo --articles N [--data DIR|--database URL]   load the demo site and add N generated articles
  congtin help            show this text
`

func run(args []string) error {
	if len(args) == 0 {
		fmt.Print(usage)
		return nil
	}

	switch args[0] {
	case "serve":
		return serve(args[1:])
	case "user":
		return user(args[1:])
	case "poll":
		return pollCommand(args[1:], os.Stdout)
	case "migrate-db":
		return migrateDB(args[1:], os.Stdout)
	case "backup":
		return backup(args[1:], os.Stdout)
	case "restore":
		return restore(args[1:], os.Stdout)
	case "import":
		return importCommand(args[1:], os.Stdout, os.Stderr)
	case "demo":
		return demoCommand(args[1:], os.Stdout)
	case "help", "-h", "--help":
		fmt.Print(usage)
		return nil
	}

	return fmt.Errorf("unknown command %q\n\n%s", args[0], usage)
}

func serve(args []string) error {
	cfg, err := app.ParseServeConfig(args, os.Getenv)
	if err != nil {
		return err
	}

	log := app.NewLogger(cfg.LogFormat, os.Stderr)
	if limit := app.ApplyMemoryLimit(cfg); limit > 0 {
		log.Info("memory limit set", "mb", limit>>20)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	a, err := app.New(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer a.Close()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}

	return a.Serve(ctx, ln)
}
