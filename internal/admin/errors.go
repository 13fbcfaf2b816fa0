package admin

import (
	"net/http"

	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/problem"
)

// The newsroom's plain refusals; a handler returns a problem of its own
// when the person should read why.
var (
	errNotFound   = problem.New(problem.NotFound, "")
	errForbidden  = problem.New(problem.Forbidden, "")
	errBadRequest = problem.New(problem.Malformed, "")
)

type handlerFunc = handler.Func

// newErrors is the newsroom's side of the shared error adapter: its own
// page, the rest as the public site does it.
func (s *Server) newErrors() *handler.Adapter {
	return &handler.Adapter{Log: s.log, Text: s.text, Area: "newsroom", Page: s.errorPage}
}

func (s *Server) handle(h handlerFunc) http.Handler { return s.errs.Handle(h) }

func (s *Server) recoverPanics(next http.Handler) http.Handler { return s.errs.Recover(next) }

// message is the text the person reads for err, "" for an internal error.
func (s *Server) message(err error) string { return s.errs.Message(err) }
