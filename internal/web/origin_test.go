package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// newConfiguredSite is the demo site with the given deployment settings
// and a page cache, as internal/app wires it.
func newConfiguredSite(t testing.TB, db *store.DB, cfg Config) http.Handler {
	t.Helper()
	if err := demo.Load(t.Context(), db, 1); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	cfg.SiteID, cfg.OnlineWindow = 1, 15*time.Minute
	cfg.PageCacheBytes, cfg.PageCacheTTL = 32<<20, time.Minute
	s, err := New(cfg, Deps{DB: db, Content: content.NewStore(db), Polls: poll.NewStore(db), Media: media.NewStore(db),
		Changes: store.NewChanges(db, nil), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return demo.Now }
	return s.Handler()
}

// request is a GET of target at host from the address from, with
// headers given as name, value pairs.
func request(t testing.TB, h http.Handler, host, from, target string, headers ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Host = host
	req.RemoteAddr = from
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

// absoluteLinkPages are the answers that hold absolute addresses of the
// site, with what each must show for a visitor of host.
func absoluteLinkPages(origin string) []struct{ name, target, want string } {
	return []struct{ name, target, want string }{
		{"canonical", "/", `<link rel="canonical" href="` + origin + `/">`},
		{"og:url", referenceURL, `<meta property="og:url" content="` + origin + referenceURL + `">`},
		{"site feed", "/rss.xml", "<link>" + origin + "/</link>"},
		{"category feed", "/to-chuc-dang/rss.xml", origin + "/to-chuc-dang/"},
		{"sitemap", "/sitemap.xml", "<loc>" + origin + "/</loc>"},
		{"robots.txt", "/robots.txt", "Sitemap: " + origin + "/sitemap.xml"},
	}
}

// TestForgedHostNeverReachesAnotherVisitor is the cache poisoning attempt:
// a request with Host: evil.example and X-Forwarded-Proto from anyone,
// then a normal visitor. The normal visitor's canonical, og:url, feeds,
// sitemap and robots.txt name the site's own host, with or without a
// base URL.
func TestForgedHostNeverReachesAnotherVisitor(t *testing.T) {
	tests := []struct {
		name, baseURL, host, origin string
	}{
		{"with a base URL", "https://skhcn.example.vn", "skhcn.example.vn", "https://skhcn.example.vn"},
		{"without a base URL", "", "skhcn.example.vn", "http://skhcn.example.vn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h := newConfiguredSite(t, storetest.SQLite(t), Config{BaseURL: tt.baseURL})
			for _, p := range absoluteLinkPages(tt.origin) {
				request(t, h, "evil.example", "203.0.113.9:4000", p.target, "X-Forwarded-Proto", "https")
				res, body := request(t, h, tt.host, "198.51.100.7:5000", p.target)
				poisoned := strings.Contains(body, "evil.example")
				if res.StatusCode != http.StatusOK || !strings.Contains(body, p.want) || poisoned {
					t.Errorf("%s after a forged host: status %d, want %q in\n%.600s", p.name, res.StatusCode,
						p.want, body)
				}
			}
		})
	}
}

// TestForwardedProtoOnlyFromTrustedProxies: without a base URL the scheme
// of absolute links is https only when a trusted proxy says so.
func TestForwardedProtoOnlyFromTrustedProxies(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	h := newConfiguredSite(t, storetest.SQLite(t), Config{TrustedProxies: trusted})
	tests := []struct {
		name, from, want string
	}{
		{"from an untrusted address it is ignored", "203.0.113.9:4000", `href="http://skhcn.example.vn/"`},
		{"from a trusted proxy it is believed", "10.1.2.3:4000", `href="https://skhcn.example.vn/"`},
		{"and a later untrusted one still gets http", "198.51.100.7:4000", `href="http://skhcn.example.vn/"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, body := request(t, h, "skhcn.example.vn", tt.from, "/", "X-Forwarded-Proto", "https")
			if res.StatusCode != http.StatusOK || !strings.Contains(body, `<link rel="canonical" `+tt.want+`>`) {
				t.Errorf("status %d, canonical not %s", res.StatusCode, tt.want)
			}
		})
	}
}
