// Package metrics is the server's Prometheus registry: the Go runtime and
// process collectors, HTTP requests by route and status class, and the
// counters and gauges other packages hand over as functions. Its handler
// is served on a listener of its own (--metrics-addr), never on the
// public site's.
package metrics

import (
	"database/sql"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// namespace prefixes every metric the server defines itself.
const namespace = "congtin"

// Registry holds the metrics of one running server.
type Registry struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
}

// New makes a registry with the Go runtime and process collectors and the
// HTTP request metrics that Instrument fills.
func New() *Registry {
	m := &Registry{reg: prometheus.NewRegistry()}
	m.reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Namespace: namespace, Name: "http_requests_total",
		Help: "HTTP requests answered, by route pattern and status class (2xx, 3xx, 4xx, 5xx).",
	}, []string{"route", "code"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: namespace, Name: "http_request_duration_seconds",
		Help:    "Time from a request's headers to the end of its answer, by route pattern.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"route"})
	m.reg.MustRegister(m.requests, m.latency)
	return m
}

// CounterFunc adds a counter whose value fn reads at each scrape; fn must
// never go down and must be safe to call from any goroutine. name gets the
// congtin_ prefix and should end in _total.
func (m *Registry) CounterFunc(name, help string, fn func() float64) {
	m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Namespace: namespace, Name: name,
		Help: help}, fn))
}

// GaugeFunc adds a gauge whose value fn reads at each scrape; name gets
// the congtin_ prefix.
func (m *Registry) GaugeFunc(name, help string, fn func() float64) {
	m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Namespace: namespace, Name: name,
		Help: help}, fn))
}

// DB adds the connection pool's figures, read from stats at each scrape.
func (m *Registry) DB(stats func() sql.DBStats) {
	gauge := func(name, help string, v func(sql.DBStats) int) {
		m.GaugeFunc(name, help, func() float64 { return float64(v(stats())) })
	}
	gauge("db_open_connections", "Connections to the database, in use or idle.",
		func(s sql.DBStats) int { return s.OpenConnections })
	gauge("db_in_use_connections", "Connections running a query now.", func(s sql.DBStats) int { return s.InUse })
	gauge("db_idle_connections", "Connections open and waiting.", func(s sql.DBStats) int { return s.Idle })
	gauge("db_max_open_connections", "The pool's limit; 0: none.",
		func(s sql.DBStats) int { return s.MaxOpenConnections })
	m.CounterFunc("db_waits_total", "Times a query waited for a free connection.",
		func() float64 { return float64(stats().WaitCount) })
	m.CounterFunc("db_wait_seconds_total", "Time queries spent waiting for a free connection.",
		func() float64 { return stats().WaitDuration.Seconds() })
}

// Handler answers a scrape in the Prometheus text format.
func (m *Registry) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}
