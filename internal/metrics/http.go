package metrics

import (
	"net/http"
	"strconv"
	"time"
)

// Instrument counts and times every request next answers, labelled by
// route(r): a route pattern, never the raw path, so that a visitor asking
// for a million addresses adds no series. The status is labelled by its
// class only.
func (m *Registry) Instrument(route func(*http.Request) string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)

		name := route(r)
		if name == "" {
			name = "none"
		}
		m.requests.WithLabelValues(name, statusClass(sw.status)).Inc()
		m.latency.WithLabelValues(name).Observe(time.Since(start).Seconds())
	})
}

// statusClass is "2xx" for 200 to 299, and so on; an answer that wrote
// nothing counts as 2xx, which is what net/http sends for it.
func statusClass(status int) string {
	if status == 0 {
		status = http.StatusOK
	}
	if status < 100 || status > 599 {
		return "other"
	}
	return strconv.Itoa(status/100) + "xx"
}

// statusWriter remembers the status of the answer.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 && code >= 200 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
