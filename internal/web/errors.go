package web

import (
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/congtin/congtin/internal/store"
)

// httpError is an error with the status a visitor should get. Its message
// is never shown; the page shows the catalog's text for the status.
type httpError struct {
	status int
	err    error
}

func (e *httpError) Error() string { return fmt.Sprintf("%d: %v", e.status, e.err) }
func (e *httpError) Unwrap() error { return e.err }

func statusError(status int, format string, args ...any) error {
	return &httpError{status: status, err: fmt.Errorf(format, args...)}
}

var (
	errNotFound   = statusError(http.StatusNotFound, "not found")
	errBadRequest = statusError(http.StatusBadRequest, "bad request")
)

// handlerFunc is a handler that may fail; handle maps its error to a page.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// fail answers with an error page. Only internal errors are logged: a
// wrong address is the visitor's business, not the operator's.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		return // the visitor has gone (closed the tab, timed out): nobody to answer
	}
	status := http.StatusInternalServerError
	var he *httpError
	switch {
	case errors.As(err, &he):
		status = he.status
	case errors.Is(err, store.ErrNotFound):
		status = http.StatusNotFound
	}
	if status == http.StatusNotFound && s.oldLink(w, r) {
		return
	}
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	s.renderError(w, r, status)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return statusError(http.StatusMethodNotAllowed, "method %s", r.Method)
	}
	return errNotFound
}

// recoverPanics turns a panic into the 500 page, with the stack in the log
// and never on the page.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.renderError(w, r, http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
