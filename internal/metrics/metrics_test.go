package metrics

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestInstrumentLabelsByRouteAndClass: a request is counted under the
// route its function names and its status class, never under its path.
func TestInstrumentLabelsByRouteAndClass(t *testing.T) {
	m := New()
	h := m.Instrument(func(r *http.Request) string {
		if strings.HasPrefix(r.URL.Path, "/tin/") {
			return "GET /tin/{id}"
		}
		return ""
	}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/tin/2":
			http.NotFound(w, r)
		case "/loi":
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			w.Write([]byte("ok"))
		}
	}))
	for _, p := range []string{"/tin/1", "/tin/2", "/tin/3", "/loi", "/khac"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, p, nil))
	}
	m.GaugeFunc("test_gauge", "A gauge read from a function.", func() float64 { return 7 })
	m.CounterFunc("test_total", "A counter read from a function.", func() float64 { return 3 })

	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := rec.Body.String()
	tests := []struct{ name, want string }{
		{"a route's successes", `congtin_http_requests_total{code="2xx",route="GET /tin/{id}"} 2`},
		{"a route's failures", `congtin_http_requests_total{code="4xx",route="GET /tin/{id}"} 1`},
		{"no route is none", `congtin_http_requests_total{code="5xx",route="none"} 1`},
		{"an answer with a body and no status", `congtin_http_requests_total{code="2xx",route="none"} 1`},
		{"latency by route", `congtin_http_request_duration_seconds_count{route="GET /tin/{id}"} 3`},
		{"a gauge from a function", "congtin_test_gauge 7"},
		{"a counter from a function", "congtin_test_total 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(body, tt.want) {
				t.Errorf("metrics lack %q", tt.want)
			}
		})
	}
	if strings.Contains(body, "/tin/1") {
		t.Error("a raw path became a label")
	}
}
