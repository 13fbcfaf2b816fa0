package app

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// scrape reads the metrics as Prometheus would.
func scrape(t *testing.T, h http.Handler) string {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("scrape: status %d", rec.Code)
	}
	return rec.Body.String()
}

// TestMetricsCoverTheSite: after some traffic the registry holds every
// family the operator's alerts read.
func TestMetricsCoverTheSite(t *testing.T) {
	a := newTestApp(t, "--base-url", "https://skhcn.example.vn")
	for range 2 {
		hostGet(t, a.Handler, "skhcn.example.vn", "/")
	}
	hostGet(t, a.Handler, "skhcn.example.vn", "/khong-co/")
	hostGet(t, a.Handler, "evil.example", "/")
	hostGet(t, a.Handler, "skhcn.example.vn", "/quan-tri/dang-nhap")
	body := scrape(t, a.Metrics.Handler())
	for _, want := range []string{
		`congtin_http_requests_total{code="2xx",route="GET /{$}"} 2`,
		`congtin_http_requests_total{code="4xx",route="GET /{category}/{$}"} 1`,
		`congtin_http_requests_total{code="4xx",route="misdirected"} 1`,
		`congtin_http_requests_total{code="2xx",route="newsroom"} 1`,
		`congtin_http_request_duration_seconds_bucket{route="GET /{$}",le="+Inf"} 2`,
		"congtin_page_cache_hits_total 1", "congtin_page_cache_misses_total", "congtin_page_cache_bypass_total",
		"congtin_page_cache_evictions_total", "congtin_page_cache_entries", "congtin_page_cache_bytes",
		"congtin_page_views_total 2", "congtin_bot_requests_total", "congtin_poll_votes_total",
		"congtin_poll_votes_refused_total", "congtin_visits_stored", "congtin_visitors_online",
		"congtin_db_open_connections", "congtin_db_in_use_connections", "congtin_db_waits_total",
		"go_goroutines", "go_memstats_heap_inuse_bytes", "process_resident_memory_bytes",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// routeLabel finds the route label of every request series.
var routeLabel = regexp.MustCompile(`congtin_http_requests_total\{code="[^"]*",route="([^"]*)"\}`)

// TestMetricLabelsStayBounded: a thousand made-up addresses add no series
// of their own; requests are labelled by route pattern.
func TestMetricLabelsStayBounded(t *testing.T) {
	a := newTestApp(t, "--base-url", "https://skhcn.example.vn")
	for i := range 1000 {
		path := fmt.Sprintf("/%x/%d-%x", rand.Uint64(), i, rand.Uint64())
		if i%3 == 0 {
			path = "/" + url.PathEscape(fmt.Sprintf("x%d y", rand.Uint64()))
		}
		hostGet(t, a.Handler, "skhcn.example.vn", path)
	}
	routes := map[string]bool{}
	for _, m := range routeLabel.FindAllStringSubmatch(scrape(t, a.Metrics.Handler()), -1) {
		routes[m[1]] = true
	}
	if len(routes) == 0 || len(routes) > 5 {
		t.Errorf("%d route labels after 1,000 addresses: %v", len(routes), routes)
	}
}

// TestMetricsHaveTheirOwnListener: the metrics listener serves the
// families; the public address answers /metrics with 404, even to the
// machine itself.
func TestMetricsHaveTheirOwnListener(t *testing.T) {
	free, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	metricsAddr := free.Addr().String()
	free.Close()
	a := newTestApp(t, "--metrics-addr", metricsAddr)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Serve(ctx, ln) }()
	defer func() {
		cancel()
		<-done
	}()

	read := func(u string) (int, string) {
		for range 100 { // the listener opens as Serve starts
			res, err := http.Get(u)
			if err != nil {
				time.Sleep(20 * time.Millisecond)
				continue
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			return res.StatusCode, string(body)
		}
		t.Fatalf("%s: no answer", u)
		return 0, ""
	}
	if status, body := read("http://" + ln.Addr().String() + "/metrics"); status != http.StatusNotFound ||
		strings.Contains(body, "go_goroutines") {
		t.Errorf("public /metrics: status %d", status)
	}
	status, body := read("http://" + metricsAddr + "/metrics")
	if status != http.StatusOK || !strings.Contains(body, "congtin_http_requests_total") ||
		!strings.Contains(body, "go_goroutines") {
		t.Errorf("metrics listener: status %d\n%.500s", status, body)
	}
}

// TestRefusedLoginsAreCounted: each refused sign-in adds one to the
// metric an alert on password guessing reads; a page of the login form
// adds nothing.
func TestRefusedLoginsAreCounted(t *testing.T) {
	a := newTestApp(t, "--base-url", "https://skhcn.example.vn")
	hostGet(t, a.Handler, "skhcn.example.vn", "/quan-tri/dang-nhap")
	for i := range 3 {
		form := url.Values{"username": {"khong-co"}, "password": {fmt.Sprintf("sai %d", i)}}
		req := httptest.NewRequest(http.MethodPost, "/quan-tri/dang-nhap", strings.NewReader(form.Encode()))
		req.Host, req.RemoteAddr = "skhcn.example.vn", "203.0.113.9:4000"
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		a.Handler.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized {
			t.Fatalf("wrong password %d: status %d", i, rec.Code)
		}
	}
	if body := scrape(t, a.Metrics.Handler()); !strings.Contains(body, "congtin_logins_refused_total 3") {
		t.Errorf("metrics lack three refused logins:\n%s", regexp.MustCompile(`(?m)^congtin_login.*$`).FindString(body))
	}
}
