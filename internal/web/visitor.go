package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"

	"github.com/congtin/congtin/internal/stats"
)

// visitorCookie holds the visitor's random id, signed (visitor_cookie.go).
// It identifies a browser, not a person, and is used only for counting and
// for one vote per poll.
const visitorCookie = "ct_v"

// visitorCookieLen is the length of 16 random bytes in unpadded base64url.
const visitorCookieLen = 22

// visitor is what the counting middleware learns about a request, kept in
// its context for the handlers.
type visitor struct {
	// key identifies the visitor: the cookie's id, or for a request without
	// a cookie this site signed the hash of address and User-Agent.
	key string
	ip  string
	bot bool
}

type visitorCtxKey struct{}

func visitorOf(r *http.Request) *visitor {
	v, _ := r.Context().Value(visitorCtxKey{}).(*visitor)
	return v
}

// visitorKey is the key a vote is stored under.
func visitorKey(r *http.Request) string {
	if v := visitorOf(r); v != nil {
		return v.key
	}
	return fallbackKey(clientIP(r, nil), r.UserAgent())
}

// countVisits identifies the visitor, gives a new visitor their cookie and
// counts page views with the recorder. A cookie whose signature fails is
// not believed: its request counts as one without a cookie, by address and
// User-Agent, and gets a cookie of its own, so an invented id never becomes
// a visitor. It wraps the whole site, so a page
// cache placed inside it still counts every view. An article view is a 200
// answer on the article route; the route is looked up in mux rather than
// told by the handler, so a cached page, which never reaches the handler,
// still counts.
func (s *Server) countVisits(mux *http.ServeMux, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v := &visitor{ip: clientIP(r, s.cfg.TrustedProxies)}
		ua := r.UserAgent()
		v.bot = isBot(ua)
		page := isPageView(r)
		issued := ""
		if id, ok := s.signedVisitor(r); ok {
			v.key = id
		} else {
			v.key = fallbackKey(v.ip, ua)
			// Only page requests get a cookie: a browser always asks for a
			// page before its assets or a vote, and a bot has no use for it.
			if page && !v.bot {
				issued = newVisitorID()
				http.SetCookie(w, &http.Cookie{Name: visitorCookie, Value: s.cookies.sign(issued), Path: "/",
					MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode,
					Secure: s.isHTTPS(r)})
			}
		}

		r = r.WithContext(context.WithValue(r.Context(), visitorCtxKey{}, v))
		if !page || s.stats == nil {
			next.ServeHTTP(w, r)
			return
		}

		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status != http.StatusOK && sw.status != http.StatusNotModified {
			return
		}
		if v.bot {
			s.counts.bots.Add(1)
			s.stats.Count(stats.View{Key: v.key, Bot: true}, s.now())
			return
		}
		s.counts.views.Add(1)
		s.stats.Count(stats.View{Key: v.key, Issued: issued, Addr: v.ip, Article: articleOf(mux, r)}, s.now())
	})
}

// signedVisitor returns the visitor id of the request's cookie when this
// site signed it.
func (s *Server) signedVisitor(r *http.Request) (string, bool) {
	c, err := r.Cookie(visitorCookie)
	if err != nil {
		return "", false
	}
	return s.cookies.verify(c.Value)
}

// isPageView reports whether a request asks for a page a person reads:
// GET or HEAD, not a file, feed or machine address.
func isPageView(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}

	p := r.URL.Path
	switch {
	case strings.HasPrefix(p, "/static/"), strings.HasPrefix(p, "/anh/"),
		p == "/healthz", p == "/readyz", p == "/robots.txt", p == "/sitemap.xml", p == "/favicon.ico",
		strings.HasSuffix(p, "/rss.xml"), p == "/rss.xml":
		return false
	}

	return true
}

// articleOf returns the id of the article a request asks for, or 0.
func articleOf(mux *http.ServeMux, r *http.Request) int64 {
	if _, pattern := mux.Handler(r); pattern != articlePattern {
		return 0
	}

	seg := r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]
	if seg == "rss.xml" {
		return 0
	}

	id, _ := parseArticleID(seg)
	return id
}

// statusWriter remembers the status a handler answered with.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func newVisitorID() string {
	var b [16]byte
	rand.Read(b[:]) // never fails (crypto/rand panics rather than return short)
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// validVisitorID accepts only ids of the shape this site issues, so even a
// signed cookie cannot carry an arbitrary or huge key into the database.
func validVisitorID(s string) bool {
	if len(s) != visitorCookieLen {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}

// fallbackKey identifies a client that sends no cookie. It is prefixed so
// it can never equal a cookie id, and truncated: it only has to tell
// visitors apart, not resist a search for collisions.
func fallbackKey(ip, ua string) string {
	sum := sha256.Sum256([]byte(ip + "\x00" + ua))
	return "h:" + base64.RawURLEncoding.EncodeToString(sum[:16])
}

// botMarkers are lower-case User-Agent fragments of crawlers, link
// previewers and scripts. A generic "bot" would also match the Cubot phone
// brand, so the generic markers carry the punctuation crawlers put after
// their name. "coc_coc_browser" is the Cốc Cốc browser that many
// Vietnamese readers use; only "coccocbot" is its crawler. curl, wget and
// HTTP libraries are scripts (uptime checks, scrapers), not readers.
var botMarkers = []string{
	"googlebot", "bingbot", "yandexbot", "yandex.com/bots", "baiduspider", "coccocbot",
	"facebookexternalhit", "facebot", "ahrefsbot", "semrushbot", "mj12bot", "dotbot",
	"petalbot", "applebot", "duckduckbot", "slurp", "bytespider", "gptbot", "claudebot",
	"ccbot", "twitterbot", "telegrambot", "whatsapp/", "linkedinbot", "skypeuripreview",
	"zalo-crawler", "headlesschrome", "lighthouse", "pingdom", "uptimerobot",
	"curl/", "wget/", "python-requests", "python-urllib", "go-http-client", "java/",
	"libwww-perl", "okhttp/", "scrapy", "httpclient", "axios/", "node-fetch",
	"bot/", "bot;", "bot)", "crawler", "spider",
}

// isBot reports whether a User-Agent is a machine's. An empty one is: every
// browser sends one.
func isBot(ua string) bool {
	if bot, ok := knownAgents.lookup(ua); ok {
		return bot
	}
	bot := matchBot(ua)
	knownAgents.remember(ua, bot)
	return bot
}

func matchBot(ua string) bool {
	if strings.TrimSpace(ua) == "" {
		return true
	}

	ua = strings.ToLower(ua)
	for _, m := range botMarkers {
		if strings.Contains(ua, m) {
			return true
		}
	}

	return false
}

// agentMemo remembers the answer for User-Agents already seen: a site's
// visitors use a few hundred browsers between them, and the marker scan
// was a tenth of a cached page's own work. Bounded, since anyone can send
// any string: past the bound, agents are scanned each time.
type agentMemo struct {
	mu sync.RWMutex
	m  map[string]bool
}

const maxKnownAgents = 1024

var knownAgents = &agentMemo{m: map[string]bool{}}

func (a *agentMemo) lookup(ua string) (bot, ok bool) {
	a.mu.RLock()
	defer a.mu.RUnlock()
	bot, ok = a.m[ua]
	return bot, ok
}

func (a *agentMemo) remember(ua string, bot bool) {
	if len(ua) > 512 {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.m) < maxKnownAgents {
		a.m[ua] = bot
	}
}

// clientIP is the address the request came from. X-Forwarded-For is
// believed only when the connection comes from a trusted proxy, and then
// read from the right, skipping trusted proxies: the left part is written
// by the client and can say anything.
func clientIP(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}

	addr, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}

	addr = addr.Unmap()
	if !isTrusted(addr, trusted) {
		return addr.String()
	}

	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}

		a = a.Unmap()
		if !isTrusted(a, trusted) {
			return a.String()
		}

		addr = a
	}

	return addr.String()
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// isHTTPS reports whether the visitor reached the site over HTTPS: the
// base URL is https, or the request came over TLS, directly or through a
// trusted proxy that says so.
func (s *Server) isHTTPS(r *http.Request) bool {
	return r.TLS != nil || strings.HasPrefix(s.cfg.BaseURL, "https://") || s.proxiedHTTPS(r)
}

// proxiedHTTPS reports whether a trusted proxy says the visitor used HTTPS.
// From anyone else X-Forwarded-Proto is ignored: a client can send it.
func (s *Server) proxiedHTTPS(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}

	a, err := netip.ParseAddr(host)
	if err != nil || !isTrusted(a.Unmap(), s.cfg.TrustedProxies) {
		return false
	}
	return strings.EqualFold(strings.TrimSpace(r.Header.Get("X-Forwarded-Proto")), "https")
}
