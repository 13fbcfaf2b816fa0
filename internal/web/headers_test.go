package web

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/store/storetest"
)

// wantSecurityHeaders are the headers every public answer carries.
var wantSecurityHeaders = map[string]string{
	"X-Frame-Options":            "SAMEORIGIN",
	"X-Content-Type-Options":     "nosniff",
	"Referrer-Policy":            "strict-origin-when-cross-origin",
	"Cross-Origin-Opener-Policy": "same-origin",
}

// cspDirectives are the parts of the policy that hold the rules: no
// inline script, no framing by other sites, nothing else loaded.
var cspDirectives = []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'self'",
	"base-uri 'self'", "form-action 'self'", "object-src 'none'"}

func checkSecurityHeaders(t *testing.T, res *http.Response, wantHSTS bool) {
	t.Helper()
	for k, v := range wantSecurityHeaders {
		if got := res.Header.Get(k); got != v {
			t.Errorf("%s: %q, want %q", k, got, v)
		}
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, d := range cspDirectives {
		if !strings.Contains(csp, d) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, d)
		}
	}
	if strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("Content-Security-Policy allows inline or evaluated script: %q", csp)
	}
	for _, feature := range []string{"camera=()", "microphone=()", "geolocation=()", "payment=()"} {
		if !strings.Contains(res.Header.Get("Permissions-Policy"), feature) {
			t.Errorf("Permissions-Policy %q lacks %s", res.Header.Get("Permissions-Policy"), feature)
		}
	}
	if hsts := res.Header.Get("Strict-Transport-Security"); (hsts != "") != wantHSTS {
		t.Errorf("Strict-Transport-Security %q, want it: %v", hsts, wantHSTS)
	}
}

// TestEveryPublicAnswerCarriesSecurityHeaders: pages, cached pages, error
// pages, files and feeds all carry the policy and the frame protection;
// HSTS only when the site is served over HTTPS.
func TestEveryPublicAnswerCarriesSecurityHeaders(t *testing.T) {
	db := storetest.SQLite(t)
	h := newConfiguredSite(t, db, Config{BaseURL: "https://skhcn.example.vn"})
	style := ""
	_, home := request(t, h, "skhcn.example.vn", "198.51.100.7:5000", "/")
	if i := strings.Index(home, `href="/static/`); i >= 0 {
		i += len(`href="`)
		style = home[i : i+strings.IndexByte(home[i:], '"')]
	}
	if style == "" {
		t.Fatal("the home page links no stylesheet")
	}
	tests := []struct {
		name, target string
		status       int
		cache        string
	}{
		{"a page", "/trang/gioi-thieu", http.StatusOK, ""},
		{"a cached page", "/", http.StatusOK, "HIT"},
		{"a 404", "/khong-co-trang-nay/", http.StatusNotFound, ""},
		{"a static file", style, http.StatusOK, ""},
		{"a feed", "/rss.xml", http.StatusOK, ""},
		{"the poll page", "/binh-chon/1", http.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := request(t, h, "skhcn.example.vn", "198.51.100.7:5000", tt.target)
			if res.StatusCode != tt.status || tt.cache != "" && res.Header.Get("X-Cache") != tt.cache {
				t.Fatalf("status %d, X-Cache %q", res.StatusCode, res.Header.Get("X-Cache"))
			}
			checkSecurityHeaders(t, res, true)
		})
	}
}

// TestStrictTransportSecurityOnlyOverHTTPS: without an https base URL, HSTS
// is sent when a trusted proxy says the visitor used HTTPS, never because
// the visitor says so; and a cached page made for an HTTPS visitor does
// not hand it to a plain one.
func TestStrictTransportSecurityOnlyOverHTTPS(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	h := newConfiguredSite(t, storetest.SQLite(t), Config{TrustedProxies: trusted})
	tests := []struct {
		name, from string
		hsts       bool
	}{
		{"a trusted proxy says https", "10.0.0.2:4000", true},
		{"a visitor says https", "203.0.113.9:4000", false},
		{"the same page again from a trusted proxy", "10.0.0.2:4000", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := request(t, h, "localhost:8080", tt.from, "/", "X-Forwarded-Proto", "https")
			checkSecurityHeaders(t, res, tt.hsts)
		})
	}
}

// TestScriptOriginAllowance: the one extra script origin is named in
// script-src and nowhere else.
func TestScriptOriginAllowance(t *testing.T) {
	h := newConfiguredSite(t, storetest.SQLite(t), Config{BaseURL: "https://skhcn.example.vn",
		CSPScriptSrc: "https://tinnhiemmang.example.vn"})
	res, _ := request(t, h, "skhcn.example.vn", "198.51.100.7:5000", "/")
	csp := res.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self' https://tinnhiemmang.example.vn;") ||
		strings.Count(csp, "tinnhiemmang") != 1 {
		t.Errorf("Content-Security-Policy %q", csp)
	}
}

// TestPagesHoldNoInlineScriptOrStyle: what the policy refuses is not in the
// templates' output: no inline script, no event handler, no style
// attribute outside article text.
func TestPagesHoldNoInlineScriptOrStyle(t *testing.T) {
	h := newConfiguredSite(t, storetest.SQLite(t), Config{BaseURL: "https://skhcn.example.vn"})
	for _, target := range []string{"/", "/to-chuc-dang/", "/trang/gioi-thieu", "/binh-chon/1", "/tim-kiem?q=khoa+hoc",
		"/khong-co/"} {
		t.Run(target, func(t *testing.T) {
			_, body := request(t, h, "skhcn.example.vn", "198.51.100.7:5000", target)
			for _, bad := range []string{"<script>", "<script ", "<style", " style=", " onclick=", " onload=",
				" onsubmit=", " onchange=", "javascript:"} {
				if strings.Contains(body, bad) {
					t.Errorf("page holds %q", bad)
				}
			}
		})
	}
}

// TestCookiesSecureOverHTTPS: the visitor and the voted-polls cookies are
// Secure when the site is served over HTTPS, and only then.
func TestCookiesSecureOverHTTPS(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}
	tests := []struct {
		name   string
		cfg    Config
		from   string
		secure bool
	}{
		{"an https base URL", Config{BaseURL: "https://skhcn.example.vn"}, "198.51.100.7:5000", true},
		{"a trusted proxy says https", Config{TrustedProxies: trusted}, "10.0.0.2:5000", true},
		{"a visitor says https", Config{TrustedProxies: trusted}, "203.0.113.9:5000", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			db := storetest.SQLite(t)
			h := newConfiguredSite(t, db, tt.cfg)
			res, _ := request(t, h, "localhost", tt.from, "/", "X-Forwarded-Proto", "https")
			vote := voteFrom(t, h, tt.from, demoPoll(t, db).Options[0].ID)
			cookies := append(res.Cookies(), vote.Cookies()...)
			seen := map[string]bool{}
			for _, c := range cookies {
				seen[c.Name] = true
				if c.Secure != tt.secure {
					t.Errorf("cookie %s: Secure %v, want %v", c.Name, c.Secure, tt.secure)
				}
			}
			if !seen[visitorCookie] || !seen[votedPollsCookie] {
				t.Errorf("cookies set: %v", seen)
			}
		})
	}
}

// voteFrom votes in the demo poll from the address from, over HTTPS as a
// proxy would say it.
func voteFrom(t *testing.T, h http.Handler, from string, optionID int64) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/binh-chon/1",
		strings.NewReader("option="+strconv.FormatInt(optionID, 10)))
	req.Host, req.RemoteAddr = "localhost", from
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("X-Forwarded-Proto", "https")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("vote: status %d\n%.300s", rec.Code, rec.Body.String())
	}
	return rec.Result()
}
