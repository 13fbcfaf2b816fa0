// Package problem says what went wrong in a form a handler can act on
// without reading an error's text: a kind (which decides the status a
// visitor gets), the form field concerned, and a message key in the
// interface catalogue (internal/i18n) with its arguments. Domain packages
// return problems; one adapter (internal/handler) turns them into a page
// or JSON. An error that is not a problem is internal: logged, never shown.
package problem

import (
	"errors"
	"fmt"

	"github.com/congtin/congtin/internal/i18n"
)

// Kind is the class of a problem.
type Kind uint8

// The kinds, each answered with one HTTP status by internal/handler.
const (
	Internal        Kind = iota // a fault of ours: logged, the visitor sees a generic page
	Malformed                   // the request itself cannot be read: a bad number in the address, a broken form
	Invalid                     // a value breaks a rule: an empty title, a slug already taken
	NotFound                    // no such thing, or not for this visitor to see
	Unauthenticated             // signing in is needed first
	Forbidden                   // signed in, but not allowed
	Conflict                    // the thing changed meanwhile or is in a state that refuses this
	TooLarge                    // more bytes than the limit
	Unsupported                 // a kind of file or body that is not accepted
	TooMany                     // a limit of attempts in a time window
	Unavailable                 // a service we depend on is down for now
	NotAllowed                  // the address does not answer this method
	TimedOut                    // the client took too long to send its request
)

var kindNames = [...]string{
	Internal: "internal", Malformed: "malformed", Invalid: "invalid", NotFound: "not found",
	Unauthenticated: "unauthenticated", Forbidden: "forbidden", Conflict: "conflict", TooLarge: "too large",
	Unsupported: "unsupported", TooMany: "too many", Unavailable: "unavailable", NotAllowed: "not allowed",
	TimedOut: "timed out",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind %d", k)
}

// Error is a problem: what kind, which field, and which message to show.
type Error struct {
	Kind Kind
	// Field is the form field the problem concerns, "" when none.
	Field string
	// Key names the message in the catalogue; Args fill its verbs.
	Key  string
	Args []any
	// Err is the cause or the package's sentinel, for errors.Is.
	Err error
}

// Error is for logs and tests; a visitor reads the catalogue's text.
func (e *Error) Error() string {
	s := e.Kind.String()
	if e.Field != "" {
		s += " " + e.Field
	}
	if e.Key != "" {
		s += ": " + e.Key
	}
	if len(e.Args) > 0 {
		s += fmt.Sprint(e.Args)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}

	return s
}

// Unwrap gives the cause, so errors.Is finds a package's sentinel.
func (e *Error) Unwrap() error { return e.Err }

// New makes a problem of kind with a message key and its arguments.
func New(kind Kind, key string, args ...any) *Error {
	return &Error{Kind: kind, Key: key, Args: args}
}

// InvalidField makes a problem with the value of one form field.
func InvalidField(field, key string, args ...any) *Error {
	return &Error{Kind: Invalid, Field: field, Key: key, Args: args}
}

// Because records the cause or sentinel the problem stands for, so that
// errors.Is(err, sentinel) holds.
func (e *Error) Because(err error) *Error {
	c := *e
	c.Err = err
	return &c
}

// As finds the problem in err's chain.
func As(err error) (*Error, bool) {
	var p *Error
	ok := errors.As(err, &p)
	return p, ok
}

// KindOf is the kind of the problem in err's chain, Internal when there is
// none.
func KindOf(err error) Kind {
	if p, ok := As(err); ok {
		return p.Kind
	}
	return Internal
}

// Is reports whether err holds a problem of kind.
func Is(err error, kind Kind) bool { return err != nil && KindOf(err) == kind }

// Key is an argument that is itself a message key: the adapter puts the
// catalogue's text for it in the message ("cannot publish an article in
// review" names the move and the status in the reader's language).
type Key string

// Message is the catalogue's text for the problem in err, with its
// arguments, and false when err holds no problem with a message: an
// internal error's own text is never for people.
func Message(text i18n.Catalog, err error) (string, bool) {
	p, ok := As(err)
	if !ok || p.Kind == Internal || p.Key == "" {
		return "", false
	}

	args := p.Args
	for i, v := range p.Args {
		if k, ok := v.(Key); ok {
			if &args[0] == &p.Args[0] {
				args = append([]any(nil), p.Args...)
			}
			args[i] = text.T(string(k))
		}
	}

	return text.T(p.Key, args...), true
}
