// Package admin is the newsroom at /quan-tri/: login, articles and their
// workflow, media, categories, pages, polls, settings, users and the
// audit log. Every route is listed in routes.go with the permission it
// needs; handlers read and write through the domain packages.
package admin

import (
	"context"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// Prefix is where the newsroom lives.
const Prefix = "/quan-tri/"

// Config is what the newsroom needs to know about its deployment.
type Config struct {
	SiteID int64
	// SecureCookies forces the Secure flag on the session cookie; it is
	// also set for any request that arrived over HTTPS.
	SecureCookies bool
	// TrustedProxies are believed for X-Forwarded-For/-Proto.
	TrustedProxies []netip.Prefix
	// UploadMax is the largest file accepted, in bytes.
	UploadMax int64
	// BackupInterval is how often backups are scheduled (0: never); the
	// dashboard warns when the last is older than two of them.
	BackupInterval time.Duration
}

// Deps are the services the newsroom works with.
type Deps struct {
	DB      *store.DB
	Content *content.Store
	Media   *media.Store
	Polls   *poll.Store
	Users   *auth.Store
	Logger  *slog.Logger
	// Changed is told after every change visitors could see, so page
	// caches (and other nodes) drop what they hold. Nil: nobody to tell.
	Changed func(context.Context)
	// LastBackup says when the last good backup was taken; nil: the
	// dashboard says nothing of backups.
	LastBackup func() (time.Time, bool)
}

// Server is the newsroom.
type Server struct {
	cfg     Config
	db      *store.DB
	content *content.Store
	media   *media.Store
	polls   *poll.Store
	users   *auth.Store
	log     *slog.Logger
	changed func(context.Context)
	backup  func() (time.Time, bool)
	pages   *templates
	text    i18n.Catalog
	errs    *handler.Adapter
	now     func() time.Time

	// loginsRefused counts sign-ins refused (a wrong password or code, a
	// blocked account, a throttled check), for the metrics.
	loginsRefused atomic.Uint64
}

// LoginsRefused is how many sign-ins this process refused.
func (s *Server) LoginsRefused() uint64 { return s.loginsRefused.Load() }

// New parses the templates; a broken one stops the program at start.
func New(cfg Config, d Deps) (*Server, error) {
	if err := site.Check(cfg.SiteID, "newsroom"); err != nil {
		return nil, err
	}
	if cfg.UploadMax <= 0 {
		cfg.UploadMax = 20 << 20
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Changed == nil {
		d.Changed = func(context.Context) {}
	}

	s := &Server{cfg: cfg, db: d.DB, content: d.Content, media: d.Media, polls: d.Polls, users: d.Users,
		log: d.Logger, changed: d.Changed, text: i18n.Default, now: time.Now}

	s.backup = d.LastBackup
	s.errs = s.newErrors()
	var err error
	if s.pages, err = parseTemplates(s.funcs()); err != nil {
		return nil, err
	}

	return s, nil
}

// Handler returns the newsroom's routes, for mounting at Prefix. Every
// unsafe request must pass Go's cross-origin check (Sec-Fetch-Site and
// Origin) before it reaches the per-session token check.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, s.wrap(rt))
	}

	mux.Handle(Prefix, s.handle(func(w http.ResponseWriter, r *http.Request) error { return errNotFound }))
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.errs.Fail(w, r, problem.New(problem.Forbidden, "admin.err.cross_origin"))
	}))

	return s.recoverPanics(s.securityHeaders(cop.Handler(mux)))
}

// newsroomPolicy is the newsroom's Content-Security-Policy: scripts only
// from the site (no inline script or event handler), as on the public
// site. The vendored editor (HugeRTE) needs two allowances, found by
// running it in Chromium under the policy: inline styles, which it writes
// into its toolbar and its editing frame, and blob: pictures, which it
// makes of a picture pasted or dropped in before the upload. Pictures over
// HTTPS from other sites show in articles as on the public site.
var newsroomPolicy = strings.Join([]string{
	"default-src 'self'",
	"script-src 'self'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' https: blob:",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
	"frame-ancestors 'self'",
}, "; ")

// newsroomPermissions turns off the browser features the newsroom never
// uses.
const newsroomPermissions = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), " +
	"microphone=(), payment=(), usb=(), browsing-topics=()"

// securityHeaders sets the public site's headers, with the newsroom's own
// policy, a stricter referrer policy (its addresses say what is being
// edited) and no caching anywhere.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", newsroomPolicy)
		h.Set("X-Frame-Options", "SAMEORIGIN")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", newsroomPermissions)
		h.Set("Cache-Control", "no-store")
		if s.secure(r) {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}
