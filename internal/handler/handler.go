// Package handler is the one adapter between handlers that return errors
// and the answers a person gets. A handler returns a problem
// (internal/problem) or any other error; the adapter picks the status from
// the problem's kind, the text from the catalogue, logs what is ours to
// fix, and writes the area's own page or, for a client that asks for it,
// JSON. It also turns a panic into the same 500 answer. The public site
// and the newsroom each give it their page; nothing else differs.
package handler

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"runtime/debug"
	"strings"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
)

// Func is a handler that may fail.
type Func func(w http.ResponseWriter, r *http.Request) error

// Failure is what the person who sent a request is told.
type Failure struct {
	Status int
	// Message is the problem's own text from the catalogue, "" when the
	// error carries none (an area then shows its text for the status).
	Message string
	// Field is the form field concerned, "" when none.
	Field string
	// Err is the error itself, for an area that must tell kinds apart.
	Err error
}

// Adapter answers failed requests for one area of the site.
type Adapter struct {
	Log  *slog.Logger
	Text i18n.Catalog
	// Area names the area in log lines ("site", "newsroom").
	Area string
	// Page writes the area's error page for f.
	Page func(w http.ResponseWriter, r *http.Request, f Failure)
	// First, when set, gets the first say on a failure and reports whether
	// it answered (the public site sends an old Joomla link on to its new
	// address instead of a 404).
	First func(w http.ResponseWriter, r *http.Request, f Failure) bool
}

// Handle adapts h into an http.Handler that answers h's error.
func (a *Adapter) Handle(h Func) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			a.Fail(w, r, err)
		}
	})
}

// Fail answers err. Only internal errors are logged: a wrong address or a
// refused form is the visitor's business, not the operator's.
func (a *Adapter) Fail(w http.ResponseWriter, r *http.Request, err error) {
	// The visitor has gone (closed the tab, hung up mid-answer): nobody to
	// answer, and not the operator's fault. A body that stopped arriving
	// cancels the request too, but its sender may still be waiting and is
	// told 408.
	if (r.Context().Err() != nil && !problem.Is(err, problem.TimedOut)) || ClientGone(err) {
		return
	}

	f := a.Failure(err)
	if a.First != nil && a.First(w, r, f) {
		return
	}

	switch {
	case f.Status == http.StatusServiceUnavailable:
		// The database being out of reach is the operator's to know, not
		// a fault in this program: a warning, and /readyz says which.
		a.Log.Warn(a.Area+" request refused for now", "method", r.Method, "path", r.URL.Path, "err", err)
	case f.Status >= 500:
		a.Log.Error(a.Area+" request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}

	a.write(w, r, f)
}

// Failure is what err means for the person: its status, message and field.
// A database that is out of reach, read-only or full is told apart here,
// once for every handler, as a problem of kind Unavailable.
func (a *Adapter) Failure(err error) Failure {
	err = store.Classify(err)
	f := Failure{Status: Status(err), Err: err}
	if p, ok := problem.As(err); ok && p.Kind != problem.Internal {
		f.Field = p.Field
		f.Message = a.Message(err)
	}
	return f
}

// Message is the catalogue's text for the problem in err, "" when err is
// not a problem or has no message: an internal error's text is never
// shown.
func (a *Adapter) Message(err error) string {
	msg, _ := problem.Message(a.Text, err)
	return msg
}

// Recover turns a panic into the 500 answer, with the stack in the log
// and never on the page.
func (a *Adapter) Recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v) // net/http's own way to drop a connection
			}

			a.Log.Error(a.Area+" panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			a.write(w, r, Failure{Status: http.StatusInternalServerError})
		}()
		next.ServeHTTP(w, r)
	})
}

// RetryAfter is the Retry-After of a 503, in seconds: long enough for a
// restarted database to take connections again, short enough that a
// visitor who waits is not sent away for long.
const RetryAfter = "30"

func (a *Adapter) write(w http.ResponseWriter, r *http.Request, f Failure) {
	if f.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", RetryAfter)
	}
	if WantsJSON(r) {
		writeJSON(w, f, a.Text)
		return
	}
	a.Page(w, r, f)
}

// WantsJSON reports whether the client asked for JSON rather than a page.
func WantsJSON(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		t, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch t {
		case "application/json", "application/problem+json":
			return true
		case "text/html", "*/*":
			return false
		}
	}
	return false
}

// jsonFailure is the body of a JSON error answer, after RFC 9457's
// problem details: the status, a title for it and the problem's own text.
type jsonFailure struct {
	Status int    `json:"status"`
	Title  string `json:"title"`
	Detail string `json:"detail,omitempty"`
	Field  string `json:"field,omitempty"`
}

func writeJSON(w http.ResponseWriter, f Failure, text i18n.Catalog) {
	body := jsonFailure{Status: f.Status, Title: StatusTitle(text, f.Status), Detail: f.Message, Field: f.Field}
	w.Header().Set("Content-Type", "application/problem+json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(f.Status)
	json.NewEncoder(w).Encode(body)
}

// StatusTitle is the catalogue's title for a status ("Không tìm thấy
// trang"), falling back to the title of its class (400 or 500).
func StatusTitle(text i18n.Catalog, status int) string {
	return text.T(StatusKey(text, status) + ".title")
}

// StatusKey is the catalogue's key prefix for a status's title and text:
// "error.404", or "error.400" / "error.500" for a status it has no text of
// its own for.
func StatusKey(text i18n.Catalog, status int) string {
	key := fmt.Sprintf("error.%d", status)
	if _, ok := text[key+".title"]; ok {
		return key
	}
	if status < 500 {
		return "error.400"
	}
	return "error.500"
}
