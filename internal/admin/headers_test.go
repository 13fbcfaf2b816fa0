package admin

import (
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/store/storetest"
)

// TestNewsroomSecurityHeaders: every newsroom answer carries the policy
// scoped to the editor, frame protection and the rest; HSTS when the
// newsroom is reached over HTTPS, never because a visitor says so.
func TestNewsroomSecurityHeaders(t *testing.T) {
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "admin")
	for _, path := range []string{"/quan-tri/dang-nhap", "/quan-tri/bai-viet/moi", "/quan-tri/khong-co",
		"/quan-tri/static/editor.js"} {
		t.Run(path, func(t *testing.T) {
			res, _ := c.get(path)
			csp := res.Header.Get("Content-Security-Policy")
			for _, d := range []string{"default-src 'self'", "script-src 'self';", "frame-ancestors 'self'",
				"object-src 'none'", "base-uri 'self'", "form-action 'self'"} {
				if !strings.Contains(csp, d) {
					t.Errorf("Content-Security-Policy %q lacks %q", csp, d)
				}
			}
			want := map[string]string{"X-Frame-Options": "SAMEORIGIN", "X-Content-Type-Options": "nosniff",
				"Referrer-Policy": "same-origin", "Cross-Origin-Opener-Policy": "same-origin",
				"Strict-Transport-Security": ""}
			for k, v := range want {
				if got := res.Header.Get(k); got != v {
					t.Errorf("%s: %q, want %q", k, got, v)
				}
			}
			if !strings.Contains(res.Header.Get("Permissions-Policy"), "camera=()") {
				t.Errorf("Permissions-Policy %q", res.Header.Get("Permissions-Policy"))
			}
		})
	}

	tests := []struct {
		name string
		cfg  Config
		from string
		hsts bool
	}{
		{"an https base URL", Config{SecureCookies: true}, "203.0.113.9:4000", true},
		{"a trusted proxy says https", Config{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}},
			"10.0.0.2:4000", true},
		{"a visitor says https", Config{TrustedProxies: []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8")}},
			"203.0.113.9:4000", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Server{cfg: tt.cfg}
			h := s.securityHeaders(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
			req := httptest.NewRequest(http.MethodGet, "/quan-tri/dang-nhap", nil)
			req.RemoteAddr = tt.from
			req.Header.Set("X-Forwarded-Proto", "https")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if got := rec.Header().Get("Strict-Transport-Security") != ""; got != tt.hsts {
				t.Errorf("Strict-Transport-Security sent: %v, want %v", got, tt.hsts)
			}
		})
	}
}
