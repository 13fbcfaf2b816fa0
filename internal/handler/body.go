package handler

import (
	"errors"
	"net"
	"net/http"
	"os"
	"syscall"

	"github.com/congtin/congtin/internal/problem"
)

// BodyKind says whose fault a failed read of a request body is: too many
// bytes for the route's limit, a body that stopped arriving before the
// server's read deadline, or anything else the client sent wrong (a cut
// connection, a broken form). None of them is the server's fault, so none
// is a 500 or an ERROR line.
func BodyKind(err error) problem.Kind {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return problem.TooLarge
	}
	var ne net.Error
	if errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return problem.TimedOut
	}
	return problem.Malformed
}

// ClientGone reports whether err is the client hanging up while it was
// answered (a closed tab, a dropped line): nobody to tell, and nothing
// for the operator to fix.
func ClientGone(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, net.ErrClosed)
}
