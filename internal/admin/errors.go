package admin

import (
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/store"
)

// httpError carries the status and, optionally, a message for the user.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return fmt.Sprintf("%d %s", e.status, e.msg) }

var (
	errNotFound   = &httpError{status: http.StatusNotFound}
	errForbidden  = &httpError{status: http.StatusForbidden}
	errBadRequest = &httpError{status: http.StatusBadRequest}
)

type handlerFunc func(w http.ResponseWriter, r *http.Request) error

func (s *Server) handle(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}

// fail maps an error to a status and a Vietnamese page. Validation
// messages are the user's to read; internal errors are logged and never
// shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, ""
	var he *httpError
	switch {
	case errors.As(err, &he):
		status, msg = he.status, he.msg
	case errors.Is(err, store.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, content.ErrStale):
		status, msg = http.StatusConflict, err.Error()
	case errors.Is(err, content.ErrInvalid), errors.Is(err, auth.ErrInvalid):
		status, msg = http.StatusUnprocessableEntity, userMessage(err)
	}
	if status >= 500 {
		s.log.Error("admin request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	s.renderError(w, r, status, msg)
}

// userMessage is a validation error's sentence without the sentinel.
func userMessage(err error) string {
	m := err.Error()
	for _, p := range []string{content.ErrInvalid.Error() + ": ", auth.ErrInvalid.Error() + ": "} {
		if i := strings.Index(m, p); i >= 0 {
			return m[i+len(p):]
		}
	}
	return m
}

func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("admin panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.renderError(w, r, http.StatusInternalServerError, "")
			}
		}()
		next.ServeHTTP(w, r)
	})
}
