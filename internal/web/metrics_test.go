package web

import (
	"net/http"
	"net/netip"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/store/storetest"
)

// TestPublicMetricsAddressIsNotFound: metrics have their own listener; the
// public site answers /metrics with its 404 page, even to the machine
// itself and to a trusted proxy.
func TestPublicMetricsAddressIsNotFound(t *testing.T) {
	h := newConfiguredSite(t, storetest.SQLite(t), Config{BaseURL: "https://skhcn.example.vn",
		TrustedProxies: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
	for _, from := range []string{"127.0.0.1:5000", "[::1]:5000", "203.0.113.9:5000"} {
		t.Run(from, func(t *testing.T) {
			res, body := request(t, h, "skhcn.example.vn", from, "/metrics")
			if res.StatusCode != http.StatusNotFound || strings.Contains(body, "page_cache") {
				t.Errorf("status %d\n%.300s", res.StatusCode, body)
			}
		})
	}
}
