package app

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// newTestApp builds the demo site with the given serve flags on a fresh
// SQLite data folder; metrics are off unless the flags say otherwise.
func newTestApp(t *testing.T, args ...string) *App {
	t.Helper()
	args = append([]string{"--demo", "--data", t.TempDir(), "--addr", "127.0.0.1:0", "--metrics-addr", "off"}, args...)
	cfg, err := ParseServeConfig(args, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), cfg, NewLogger("text", io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// hostGet is a GET of target at host from a visitor's address.
func hostGet(t *testing.T, h http.Handler, host, target string, headers ...string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Host, req.RemoteAddr = host, "203.0.113.9:4000"
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestHostsNotServedAreMisdirected: a request for a host the site is not
// configured for gets 421 and a plain Vietnamese page, never the site.
func TestHostsNotServedAreMisdirected(t *testing.T) {
	a := newTestApp(t, "--base-url", "https://skhcn.example.vn", "--hosts", "www.skhcn.example.vn")
	tests := []struct {
		name, host string
		status     int
	}{
		{"the base URL's host", "skhcn.example.vn", http.StatusOK},
		{"its name in capitals with a port", "SKHCN.example.vn:443", http.StatusOK},
		{"a name from --hosts", "www.skhcn.example.vn", http.StatusOK},
		{"the machine itself", "127.0.0.1:8080", http.StatusOK},
		{"another host", "evil.example", http.StatusMisdirectedRequest},
		{"a host that ends like ours", "evilskhcn.example.vn", http.StatusMisdirectedRequest},
		{"no host at all", "", http.StatusMisdirectedRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := hostGet(t, a.Handler, tt.host, "/")
			if status != tt.status {
				t.Fatalf("status %d, want %d", status, tt.status)
			}
			plain := strings.Contains(body, "Tên miền không được phục vụ tại đây") && !strings.Contains(body, "Sở Khoa học")
			if status == http.StatusMisdirectedRequest && !plain {
				t.Errorf("421 page:\n%s", body)
			}
		})
	}
}

// TestLocalhostWithNoFlags: with neither --base-url nor --hosts the site
// answers at the machine's own names, on any port, as it always did.
func TestLocalhostWithNoFlags(t *testing.T) {
	a := newTestApp(t)
	hosts := []string{"localhost:8080", "127.0.0.1:8080", "[::1]:8080", "localhost"}
	if name, err := os.Hostname(); err == nil && name != "" {
		hosts = append(hosts, name+":8080")
	}
	for _, host := range hosts {
		t.Run(host, func(t *testing.T) {
			status, body := hostGet(t, a.Handler, host, "/")
			if status != http.StatusOK || !strings.Contains(body, `<link rel="canonical" href="http://`+host+`/">`) {
				t.Errorf("status %d\n%.400s", status, body)
			}
		})
	}
	if status, _ := hostGet(t, a.Handler, "evil.example", "/"); status != http.StatusMisdirectedRequest {
		t.Errorf("another host: status %d, want 421", status)
	}
}

// TestForgedHostIsRefusedBeforeTheCache is the poisoning attempt through
// the whole server, without a base URL: the forged host is refused, and
// the next visitor's canonical, og:url, feeds, sitemap and robots.txt
// name the host they asked for.
func TestForgedHostIsRefusedBeforeTheCache(t *testing.T) {
	a := newTestApp(t, "--hosts", "skhcn.example.vn,www.skhcn.example.vn")
	const article = "/to-chuc-dang/1-ket-qua-thuc-hien-chi-thi-03-nam-2014-va-nhiem-vu-nam-2015"
	pages := []struct{ name, target, want string }{
		{"canonical", "/", `<link rel="canonical" href="http://skhcn.example.vn/">`},
		{"og:url", article, `<meta property="og:url" content="http://skhcn.example.vn` + article + `">`},
		{"feed", "/rss.xml", "<link>http://skhcn.example.vn/</link>"},
		{"sitemap", "/sitemap.xml", "<loc>http://skhcn.example.vn/</loc>"},
		{"robots.txt", "/robots.txt", "Sitemap: http://skhcn.example.vn/sitemap.xml"},
	}
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			status, body := hostGet(t, a.Handler, "evil.example", p.target, "X-Forwarded-Proto", "https")
			if status != http.StatusMisdirectedRequest || strings.Contains(body, "skhcn") {
				t.Errorf("forged host: status %d, want 421 with nothing of the site", status)
			}
			status, body = hostGet(t, a.Handler, "skhcn.example.vn", p.target)
			leaked := strings.Contains(body, "evil") || strings.Contains(body, "https://skhcn")
			if status != http.StatusOK || !strings.Contains(body, p.want) || leaked {
				t.Errorf("next visitor: status %d, want %q in\n%.500s", status, p.want, body)
			}
		})
	}
}
