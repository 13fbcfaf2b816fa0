package web

import (
	"net/http"
	"strings"
)

// Security headers sent with every public answer: pages, cached pages,
// error pages, files and feeds alike.
const (
	// permissionsPolicy turns off the browser features a news site never
	// uses, so that nothing embedded in an article can ask for them.
	permissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), " +
		"microphone=(), payment=(), usb=(), browsing-topics=()"
	// hstsPolicy keeps browsers on HTTPS for a year once they have seen
	// the site over it. No includeSubDomains: an agency's other hosts are
	// not ours to decide.
	hstsPolicy = "max-age=31536000"
)

// contentSecurityPolicy is the public site's policy. The templates have no
// inline script, no <style> and no event-handler attributes, so scripts
// and stylesheets come from the site itself. Two allowances, for what
// articles hold: style attributes, since the sanitiser keeps text-align
// and underline from the editor and from Word (and nothing else); and
// pictures from other sites over HTTPS, which imported and pasted
// articles show. scriptOrigin is one more origin scripts may come from
// (the national monitoring script); empty: none.
func contentSecurityPolicy(scriptOrigin string) string {
	script := "'self'"
	if scriptOrigin != "" {
		script += " " + scriptOrigin
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src " + script,
		"style-src 'self'",
		"style-src-attr 'unsafe-inline'",
		"img-src 'self' https:",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'self'",
	}, "; ")
}

// securityHeaders sets the headers that hold for every answer before the
// rest of the site runs, so that cached pages, which replay only their
// own stored headers, and error pages carry them too. HSTS depends on the
// request and is therefore never stored with a cached page.
//
// The values are made once and shared by every answer (net/http only reads
// them), so a cached page pays no allocation for its headers.
func (s *Server) securityHeaders(next http.Handler) http.Handler {
	always := http.Header{
		"Content-Security-Policy":    {contentSecurityPolicy(s.cfg.CSPScriptSrc)},
		"X-Frame-Options":            {"SAMEORIGIN"},
		"X-Content-Type-Options":     {"nosniff"},
		"Referrer-Policy":            {"strict-origin-when-cross-origin"},
		"Cross-Origin-Opener-Policy": {"same-origin"},
		"Permissions-Policy":         {permissionsPolicy},
	}
	hsts := []string{hstsPolicy}

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range always {
			h[k] = v
		}
		if s.isHTTPS(r) {
			h["Strict-Transport-Security"] = hsts
		}
		next.ServeHTTP(w, r)
	})
}
