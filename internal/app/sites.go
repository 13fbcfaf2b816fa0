package app

import (
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"

	"github.com/congtin/congtin/internal/i18n"
)

// siteHandlers sends a request to the handler of its site, picked once by
// the request's host; from there on the site is that handler's, passed
// explicitly. Each site has its own public site and newsroom, with their
// own caches. An installation serves one site today, at the hosts it is
// configured with; serving several means a map from host name to handler
// here, built from the sites table.
//
// A request for a host the site is not configured for is refused with
// 421: the host is configuration, not input, so no page, feed or cached
// answer can be made with a name a visitor chose.
type siteHandlers struct {
	only  http.Handler
	hosts hostSet
}

func (s siteHandlers) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := s.forHost(r.Host)
	if h == nil {
		misdirected(w)
		return
	}
	h.ServeHTTP(w, r)
}

// forHost is the handler of the site served at host, nil for a host not
// served here.
func (s siteHandlers) forHost(host string) http.Handler {
	if !s.hosts[normalHost(host)] {
		return nil
	}
	return s.only
}

// hostSet holds host names in normalHost's form.
type hostSet map[string]bool

// loopbackHosts are always served: the machine's own checks and an
// operator's curl reach the site through them. They cannot poison
// anything: with a base URL they do not make links, and without one a
// page made for them is cached under their name only.
var loopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

// servedHosts are the hosts a configuration serves: the base URL's and
// --hosts, or with neither the machine's own name, so that a first run
// on a laptop works with no flag at all; loopback always.
func servedHosts(cfg Config) hostSet {
	set := hostSet{}
	for _, h := range loopbackHosts {
		set[h] = true
	}
	if cfg.BaseURL != "" {
		set[normalHost(baseHost(cfg.BaseURL))] = true
	}
	for _, h := range cfg.Hosts {
		set[h] = true
	}
	if cfg.BaseURL == "" && len(cfg.Hosts) == 0 {
		if name, err := os.Hostname(); err == nil && name != "" {
			set[normalHost(name)] = true
		}
	}
	return set
}

// baseHost is the host:port part of a base URL such as https://a.vn/x.
func baseHost(baseURL string) string {
	rest := baseURL[strings.Index(baseURL, "://")+3:]
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// normalHost is a Host header or host name as compared: lower case,
// without the port, the brackets of an IPv6 address or a final dot.
func normalHost(host string) string {
	host = strings.ToLower(strings.TrimSpace(host))
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return strings.TrimSuffix(host, ".")
}

// misdirected answers a request for a host not served here. The page is
// plain: it must not look like any site's.
func misdirected(w http.ResponseWriter) {
	title := i18n.Default.T("error.421.title")
	body := "<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" +
		template.HTMLEscapeString(title) + "</title></head>\n<body><h1>" + template.HTMLEscapeString(title) +
		"</h1>\n<p>" + template.HTMLEscapeString(i18n.Default.T("error.421.text")) + "</p></body></html>\n"
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
	w.WriteHeader(http.StatusMisdirectedRequest)
	w.Write([]byte(body))
}

// logHosts says at start which hosts are served, and how to set the
// public address when none is configured.
func logHosts(log *slog.Logger, cfg Config) {
	if cfg.BaseURL != "" || len(cfg.Hosts) > 0 {
		log.Info("hosts served", "base_url", cfg.BaseURL, "hosts", strings.Join(cfg.Hosts, ","))
		return
	}
	log.Info("no --base-url: serving localhost and this machine's name only; in production set " +
		"--base-url https://your.domain (CONGTIN_BASE_URL), and --hosts for other names of the site")
}
