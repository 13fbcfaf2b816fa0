package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/go-sql-driver/mysql"

	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/joomla"
	"github.com/congtin/congtin/internal/search"
)

const importUsage = `Usage: congtin import joomla --dsn 'user:pass@tcp(host:3306)/db' [flags]

Copies a Joomla 1.5-5 site (categories, articles and their files, users with
their passwords, 1.5 polls, old addresses) into congtin. Running it again
updates what changed on the old site; --dry-run writes nothing.
`

// roleFlags collects repeated --role "Group title=role" values.
type roleFlags map[string]string

func (r roleFlags) String() string { return fmt.Sprint(map[string]string(r)) }

func (r roleFlags) Set(v string) error {
	group, role, ok := strings.Cut(v, "=")
	switch role = strings.TrimSpace(role); {
	case !ok || strings.TrimSpace(group) == "":
		return fmt.Errorf("--role wants \"Group title=role\", got %q", v)
	case role != "admin" && role != "editor_in_chief" && role != "editor" && role != "writer" && role != "":
		return fmt.Errorf("--role %q: the role must be admin, editor_in_chief, editor, writer "+
			"or empty (not imported)", v)
	}

	r[strings.ToLower(strings.TrimSpace(group))] = role
	return nil
}

func importCommand(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "joomla" {
		return fmt.Errorf("%s", importUsage)
	}

	fs := flag.NewFlagSet("import joomla", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, importUsage); fs.PrintDefaults() }
	dsn := fs.String("dsn", "", "MySQL/MariaDB address of the Joomla database: user:pass@tcp(host:3306)/db")
	prefix := fs.String("prefix", "", "table prefix (jos_); empty: detected")
	images := fs.String("images", "", "the old site's root folder, holding images/; empty: files are not copied")
	baseURL := fs.String("base-url", "", "the old site's address (https://old.site), to recognise its absolute links")
	visits := fs.Int64("visits-offset", -1, "visit count of the old site, added to congtin's counter; "+
		"-1: read from the old site's counter module when found (best effort)")
	dry := fs.Bool("dry-run", false, "report what would be imported and write nothing")
	cpuProfile := fs.String("cpuprofile", "",
		"write a CPU profile of the import to `FILE` (for developers; see bench/import)")
	roles := roleFlags{}
	for k, v := range joomla.DefaultRoles {
		roles[k] = v
	}

	fs.Var(roles, "role", `map a Joomla group to a role, repeatable: --role "Ban biên tập=editor" `+
		`(default: Super Users=admin, Publisher=editor_in_chief, Editor=editor, Author=writer)`)
	dbConfig := app.DatabaseFlags(fs, os.Getenv)
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *dsn == "" {
		return fmt.Errorf("--dsn is required\n\n%s", importUsage)
	}

	cfg, err := dbConfig()
	if err != nil {
		return err
	}

	mc, err := mysql.ParseDSN(*dsn)
	if err != nil {
		return fmt.Errorf("--dsn: %w", err)
	}

	// Dates are read as text: 1.5-3.x store "0000-00-00 00:00:00".
	mc.ParseTime = false
	if mc.Params == nil {
		mc.Params = map[string]string{}
	}

	mc.Params["charset"] = "utf8mb4"
	src, err := sql.Open("mysql", mc.FormatDSN())
	if err != nil {
		return err
	}
	defer src.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := src.PingContext(ctx); err != nil {
		return fmt.Errorf("connect to the Joomla database: %w", err)
	}

	dst, served, err := app.OpenSite(ctx, cfg.DSN())
	if err != nil {
		return err
	}
	defer dst.Close()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}

	rep, err := joomla.Import(ctx, src, dst, joomla.Options{SiteID: served.ID, Prefix: *prefix, ImagesRoot: *images,
		BaseURL: *baseURL, VisitsOffset: *visits, DryRun: *dry, Roles: roles, Indexer: search.NewIndexer(dst.Dialect),
		Progress: stderr})
	if rep != nil {
		rep.WriteText(stdout)
	}
	if err == nil && !*dry {
		err = dst.Analyze(ctx)
	}

	if err == nil && !*dry {
		// A server running on the same file would otherwise keep the
		// import's whole write-ahead log on disk.
		err = dst.Checkpoint(ctx)
	}
	return err
}
