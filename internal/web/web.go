// Package web serves the public site: home, categories, articles, static
// pages, feeds and files. Handlers read through the domain packages and
// render html/template pages parsed once at start.
package web

import (
	"log/slog"
	"net/http"
	"net/netip"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
)

// Config is what the public site needs to know about its deployment.
type Config struct {
	// BaseURL is the public address, e.g. https://skhcn.haiduong.gov.vn,
	// used for canonical links, feeds and the sitemap. Empty: derived from
	// each request's Host, which the caller must have checked against the
	// hosts it serves; the page cache then keeps each host's pages apart.
	BaseURL string
	// CSPScriptSrc is one more origin the pages may load scripts from,
	// e.g. the national monitoring script's; empty: the site's own only.
	CSPScriptSrc string
	// SiteID is the site served; required: a server without one is refused.
	SiteID int64
	// OnlineWindow is how recently a visitor counts as online.
	OnlineWindow time.Duration
	// TrustedProxies are the reverse proxies whose X-Forwarded-For and
	// X-Forwarded-Proto are believed; none by default.
	TrustedProxies []netip.Prefix
	// PageCacheBytes bounds the page cache's memory; 0 turns it off.
	PageCacheBytes int
	// PageCacheTTL is how long a cached page is served before it is made
	// again, which is also how stale the counters on it may be.
	PageCacheTTL time.Duration
	// StaleIfError is how long a cached page may still be served, marked
	// X-Cache: STALE-ERROR, when it cannot be made again (the database is
	// down); 0 serves errors instead.
	StaleIfError time.Duration
	// DataDir is the data folder /readyz checks for free space and
	// writability; MinFreeBytes is the least free space that is ready.
	DataDir      string
	MinFreeBytes uint64
	// ChromeTTL is how long the part of the page every visitor shares
	// (settings, menus, poll counts, counters) is reused between renders;
	// a content change drops it sooner. 0 reads it for every page.
	ChromeTTL time.Duration
	// VisitorCookieKey signs visitor cookies (stats.CookieKey); every node
	// must have the same. Empty: a key for this process only, for tests.
	VisitorCookieKey []byte
}

// Server is the public site.
type Server struct {
	cfg     Config
	db      *store.DB
	content *content.Store
	polls   *poll.Store
	media   *media.Store
	stats   *stats.Recorder
	cookies visitorSigner
	cache   *pageCache   // nil: no page cache
	shared  *chromeCache // nil: the chrome is read for every page
	// searching bounds the searches running at once (search_slots.go).
	searching searchSlots
	pages     *templates
	assets    *assets
	text      i18n.Catalog
	errs      *handler.Adapter
	log       *slog.Logger
	now       func() time.Time

	// mux holds the routes; Route reads the pattern a request matches.
	mux    *http.ServeMux
	counts counts
}

// Deps are the services the public site reads from.
type Deps struct {
	DB      *store.DB
	Content *content.Store
	Polls   *poll.Store
	Media   *media.Store
	// Stats counts page views; nil counts nothing (tests of other pages).
	Stats *stats.Recorder
	// Changes tells the page cache when content changed, here or on
	// another node; nil with a cache means only the time to live expires
	// pages.
	Changes *store.Changes
	Logger  *slog.Logger
}

// New parses every template and prepares the static assets; a broken
// template stops the program here, at start, never on a visitor's request.
func New(cfg Config, d Deps) (*Server, error) {
	if err := site.Check(cfg.SiteID, "public site"); err != nil {
		return nil, err
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}

	s := &Server{cfg: cfg, db: d.DB, content: d.Content, polls: d.Polls, media: d.Media,
		stats: d.Stats, text: i18n.Default, log: d.Logger, now: time.Now, searching: newSearchSlots()}

	s.errs = s.newErrors()
	s.cookies = newVisitorSigner(cfg.VisitorCookieKey)
	if cfg.PageCacheBytes > 0 && cfg.PageCacheTTL > 0 {
		gen := func() uint64 { return 0 }
		if d.Changes != nil {
			gen = d.Changes.Generation
		}

		s.cache = newPageCache(cfg.PageCacheBytes, cfg.PageCacheTTL, gen)
		s.cache.staleIfError = cfg.StaleIfError
	}

	if cfg.ChromeTTL > 0 {
		gen := func() uint64 { return 0 }
		if d.Changes != nil {
			gen = d.Changes.Generation
		}

		s.shared = newChromeCache(cfg.ChromeTTL, gen)
	}

	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if s.pages, err = parseTemplates(s.funcs(), s.constant); err != nil {
		return nil, err
	}

	s.mux = http.NewServeMux()
	s.routes(s.mux)
	return s, nil
}

// Handler returns the public site's routes. The security headers come
// first, so that every answer carries them, from the cache or not.
func (s *Server) Handler() http.Handler {
	return s.securityHeaders(s.countVisits(s.mux, s.recoverPanics(s.cachePages(s.mux))))
}

// Route is the route pattern r matches, such as "GET /{category}/{article}":
// a label with a bounded number of values, for metrics.
func (s *Server) Route(r *http.Request) string {
	_, pattern := s.mux.Handler(r)
	return pattern
}
