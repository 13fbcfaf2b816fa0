package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/admin"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/metrics"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/web"
)

// App is a running congtin: its database and its HTTP handler.
type App struct {
	Config  Config
	DB      *store.DB
	Handler http.Handler
	Log     *slog.Logger
	// Stats counts visits in memory; Serve flushes it to the database
	// while running and once more after the last request.
	Stats *stats.Recorder
	// Changes carries "content changed" between the newsroom and the page
	// caches of every node.
	Changes *store.Changes
	// Site is the site served, resolved once at start and passed to every
	// service and handler.
	Site site.Site
	// Metrics is what the metrics listener serves (--metrics-addr).
	Metrics *metrics.Registry
	// Backups takes the scheduled backups and knows the last good one.
	Backups *Backups
}

// NewLogger makes the structured logger the config asks for.
func NewLogger(format string, w io.Writer) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}

// New opens (creating and migrating) the database and builds the handler.
func New(ctx context.Context, cfg Config, log *slog.Logger) (*App, error) {
	db, served, err := OpenSiteWith(ctx, cfg.DSN(), store.Options{ReadOnly: cfg.ReadOnly})
	if err != nil {
		return nil, refuseDamaged(cfg, err)
	}
	if err := checkDatabase(ctx, db, cfg, log); err != nil {
		db.Close()
		return nil, err
	}

	if db.ReadOnly() {
		log.Warn("the database is read-only: the public site serves, votes and newsroom writes are refused")
	}
	a := &App{Config: cfg, DB: db, Log: log, Changes: store.NewChanges(db, log), Site: served,
		Backups: NewBackups(cfg)}
	if db.Dialect == store.Postgres {
		a.Backups.ShareThrough(db, served.ID)
	}
	siteID := served.ID

	a.Stats, err = stats.NewRecorder(db, stats.RecorderConfig{SiteID: siteID, Node: NodeName(),
		OnlineWindow: cfg.OnlineWindow, Logger: log,
		VisitorsPerAddress: cfg.VisitorsPerIP, ViewsPerAddress: cfg.ViewsPerIP})
	if err != nil {
		db.Close()
		return nil, err
	}
	cookieKey, err := stats.CookieKey(ctx, db)
	if err != nil {
		db.Close()
		return nil, err
	}

	if cfg.Demo && !db.ReadOnly() {
		switch err := demo.Load(ctx, db, siteID); {
		case errors.Is(err, demo.ErrNotEmpty):
			log.Info("demo content not loaded: the site already has content")
		case err != nil:
			db.Close()
			return nil, fmt.Errorf("load demo: %w", err)
		default:
			log.Info("demo content loaded")
			if err := db.Checkpoint(ctx); err != nil {
				log.Warn("checkpoint after the demo load", "err", err)
			}
		}
	}

	// The index follows every article write from here on (the content
	// store below has the indexer); this catches up with what was written
	// without one: the demo, or articles from before the search migration.
	// An operator upgrading a large site watches this: the rebuild runs
	// before the site serves (about 3 s per 10,000 articles on SQLite).
	if articles, indexed, err := search.IndexState(ctx, db, siteID); err != nil {
		db.Close()
		return nil, err
	} else if articles != indexed && !db.ReadOnly() {
		log.Info("rebuilding the search index before serving", "articles", articles, "indexed", indexed)
		start := time.Now()
		if _, err := search.Rebuild(ctx, db, siteID); err != nil {
			db.Close()
			return nil, err
		}

		log.Info("search index rebuilt", "articles", articles, "took", time.Since(start).Round(time.Millisecond))
	}

	contents := content.NewStore(db).WithIndexer(search.NewIndexer(db.Dialect))
	public, err := web.New(web.Config{BaseURL: cfg.BaseURL, SiteID: siteID, OnlineWindow: cfg.OnlineWindow,
		TrustedProxies: cfg.TrustedProxies, PageCacheBytes: cfg.PageCacheMB << 20, PageCacheTTL: cfg.PageCacheTTL,
		CSPScriptSrc: cfg.CSPScriptSrc,
		// A second of reuse for what every page shares: the counters on it
		// lag by a flush interval (5 s) anyway, and changes drop it at once.
		ChromeTTL: time.Second, VisitorCookieKey: cookieKey, StaleIfError: cfg.StaleIfError,
		DataDir: cfg.readyDataDir(), MinFreeBytes: uint64(cfg.ReadyMinFreeMB) << 20}, web.Deps{
		DB: db, Content: contents, Polls: poll.NewStore(db).WithVotesPerIP(cfg.PollVotesPerIP),
		Media: media.NewStore(db), Stats: a.Stats, Changes: a.Changes, Logger: log,
	})
	if err != nil {
		db.Close()
		return nil, err
	}

	newsroom, err := admin.New(admin.Config{SiteID: siteID, SecureCookies: strings.HasPrefix(cfg.BaseURL, "https://"),
		TrustedProxies: cfg.TrustedProxies, UploadMax: int64(cfg.UploadMaxMB) << 20,
		BackupInterval: cfg.BackupInterval}, admin.Deps{
		DB: db, Content: contents, Media: media.NewStore(db), Polls: poll.NewStore(db), Users: auth.NewStore(db),
		Logger: log, Changed: a.Changes.Changed, LastBackup: a.Backups.LastGood,
	})
	if err != nil {
		db.Close()
		return nil, err
	}

	sites := siteHandlers{only: mount(public.Handler(), newsroom.Handler()), hosts: servedHosts(cfg)}
	a.Metrics = newMetrics(a, public, newsroom)
	a.Handler = a.Metrics.Instrument(routeOf(sites, public), sites)
	logHosts(log, cfg)
	return a, nil
}

// mount sends the newsroom's prefix to its own handler and everything
// else to the public site. Two muxes, because the site's catch-all
// patterns (/{category}/{article}) and the newsroom's would conflict in
// one, and because visits to the newsroom must not be counted.
func mount(site, newsroom http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle(admin.Prefix, newsroom)
	mux.Handle("GET /quan-tri", http.RedirectHandler(admin.Prefix, http.StatusMovedPermanently))
	mux.Handle("/", site)
	return mux
}

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }

// Serve answers HTTP on ln until ctx is cancelled, then stops taking new
// connections, lets requests in flight finish (up to 15 s) and flushes the
// counters last, so a graceful stop loses no count.
func (a *App) Serve(ctx context.Context, ln net.Listener) error {
	listenCtx, stopListening := context.WithCancel(context.Background())
	defer stopListening()
	go a.Changes.Listen(listenCtx)
	if !a.DB.ReadOnly() { // each writes, and would fail at every round
		go a.maintainLoop(listenCtx)
		go a.scheduleLoop(listenCtx)
		go a.backupLoop(listenCtx)
	}
	if a.Config.PprofAddr != "" {
		go a.servePprof(listenCtx, a.Config.PprofAddr)
	}

	if a.Config.MetricsAddr != "" {
		a.serveMetrics(listenCtx, a.Config.MetricsAddr)
	}
	flushCtx, stopFlushing := context.WithCancel(context.Background())
	flushed := make(chan error, 1)
	go func() { flushed <- a.Stats.Run(flushCtx, a.Config.StatsFlush) }()
	// finish ends the flush loop, which flushes once more, and waits for it.
	finish := func(err error) error {
		stopFlushing()
		if ferr := <-flushed; ferr != nil {
			a.Log.Error("counts lost", "err", ferr)
			err = errors.Join(err, ferr)
		}

		return err
	}

	// A request has 5 s for its headers and 30 s in all to arrive, ample
	// for a vote or a newsroom form over a slow line; a body that stops
	// arriving is answered 408 and its connection closed. The newsroom
	// gives uploads and articles longer itself (admin.readForm).
	srv := &http.Server{
		Handler:           a.Handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(a.Log.Handler(), slog.LevelWarn),
	}

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	a.Log.Info("serving", "addr", ln.Addr().String(), "database", a.DB.Dialect.String())
	select {
	case err := <-errc:
		return finish(err)
	case <-ctx.Done():
	}

	a.Log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		srv.Close()
		return finish(fmt.Errorf("shutdown: %w", err))
	}

	return finish(nil)
}

// NodeName names this process in online_visitors: host and process id.
func NodeName() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		h = "localhost"
	}
	return h + ":" + strconv.Itoa(os.Getpid())
}
