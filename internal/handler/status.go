package handler

import (
	"net/http"

	"github.com/congtin/congtin/internal/problem"
)

// statusOf is the one place a problem's kind becomes an HTTP status.
var statusOf = [...]int{
	problem.Internal:        http.StatusInternalServerError,
	problem.Malformed:       http.StatusBadRequest,
	problem.Invalid:         http.StatusUnprocessableEntity,
	problem.NotFound:        http.StatusNotFound,
	problem.Unauthenticated: http.StatusUnauthorized,
	problem.Forbidden:       http.StatusForbidden,
	problem.Conflict:        http.StatusConflict,
	problem.TooLarge:        http.StatusRequestEntityTooLarge,
	problem.Unsupported:     http.StatusUnsupportedMediaType,
	problem.TooMany:         http.StatusTooManyRequests,
	problem.Unavailable:     http.StatusServiceUnavailable,
	problem.NotAllowed:      http.StatusMethodNotAllowed,
	problem.TimedOut:        http.StatusRequestTimeout,
}

// Status is the HTTP status err deserves: its problem's kind, 500 for any
// other error.
func Status(err error) int {
	k := problem.KindOf(err)
	if int(k) < len(statusOf) && statusOf[k] != 0 {
		return statusOf[k]
	}
	return http.StatusInternalServerError
}
