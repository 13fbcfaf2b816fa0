package web

import (
	"fmt"
	"net/http"

	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/problem"
)

// statusError is a refusal of the request itself; what is the visitor's
// to read comes from the catalogue's text for the status, never from the
// detail, which is for logs.
func statusError(kind problem.Kind, format string, args ...any) error {
	return problem.New(kind, "").Because(fmt.Errorf(format, args...))
}

var (
	errNotFound   = problem.New(problem.NotFound, "")
	errBadRequest = problem.New(problem.Malformed, "")
)

type handlerFunc = handler.Func

// newErrors is the public site's side of the shared error adapter: its
// page with the site's chrome, and old links sent on before a 404.
func (s *Server) newErrors() *handler.Adapter {
	return &handler.Adapter{Log: s.log, Text: s.text, Area: "site", Page: s.errorPage,
		First: func(w http.ResponseWriter, r *http.Request, f handler.Failure) bool {
			return f.Status == http.StatusNotFound && s.oldLink(w, r)
		}}
}

func (s *Server) handle(h handlerFunc) http.Handler { return s.errs.Handle(h) }

func (s *Server) recoverPanics(next http.Handler) http.Handler { return s.errs.Recover(next) }

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return statusError(problem.NotAllowed, "method %s", r.Method)
	}
	return errNotFound
}

// errorPage answers a failure with the site's error page for its status.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, f handler.Failure) {
	if f.Status == http.StatusServiceUnavailable {
		s.renderUnavailable(w, r, f.Message)
		return
	}
	s.renderError(w, r, f.Status)
}
