package handler

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
)

var text = i18n.Catalog{
	"error.404.title": "Không tìm thấy trang",
	"error.400.title": "Yêu cầu không hợp lệ",
	"error.500.title": "Hệ thống đang gặp sự cố",
	"err.title":       "Tiêu đề không được để trống.",
	"err.locked":      "Thử lại sau %s.",
}

// testAdapter writes "page <status> <message> <field>" as its page and
// keeps what it logged.
func testAdapter() (*Adapter, *bytes.Buffer) {
	var logs bytes.Buffer
	a := &Adapter{Log: slog.New(slog.NewTextHandler(&logs, nil)), Text: text, Area: "test",
		Page: func(w http.ResponseWriter, r *http.Request, f Failure) {
			w.WriteHeader(f.Status)
			fmt.Fprintf(w, "page %d %s %s", f.Status, f.Message, f.Field)
		}}
	return a, &logs
}

func TestStatusOfEveryKind(t *testing.T) {
	cases := map[problem.Kind]int{
		problem.Internal: 500, problem.Malformed: 400, problem.Invalid: 422, problem.NotFound: 404,
		problem.Unauthenticated: 401, problem.Forbidden: 403, problem.Conflict: 409, problem.TooLarge: 413,
		problem.Unsupported: 415, problem.TooMany: 429, problem.Unavailable: 503, problem.NotAllowed: 405,
	}
	for kind, want := range cases {
		t.Run(kind.String(), func(t *testing.T) {
			if got := Status(problem.New(kind, "")); got != want {
				t.Errorf("Status = %d, want %d", got, want)
			}
		})
	}
	t.Run("a plain error", func(t *testing.T) {
		if got := Status(errors.New("boom")); got != 500 {
			t.Errorf("Status = %d, want 500", got)
		}
	})
}

func TestFail(t *testing.T) {
	cases := []struct {
		name    string
		err     error
		status  int
		body    string
		logged  bool
		noLeaks string
	}{
		{"a field's problem shows its message", fmt.Errorf("save: %w", problem.InvalidField("title", "err.title")),
			422, "page 422 Tiêu đề không được để trống. title", false, ""},
		{"arguments fill the message", problem.New(problem.TooMany, "err.locked", "10:15"),
			429, "page 429 Thử lại sau 10:15. ", false, ""},
		{"not found has no message of its own", problem.New(problem.NotFound, ""), 404, "page 404  ", false, ""},
		{"an internal error is logged and never shown", errors.New("pq: password authentication failed"),
			500, "page 500  ", true, "password authentication"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, logs := testAdapter()
			w := httptest.NewRecorder()
			a.Fail(w, httptest.NewRequest("GET", "/x", nil), c.err)

			if w.Code != c.status || w.Body.String() != c.body {
				t.Errorf("answer %d %q, want %d %q", w.Code, w.Body.String(), c.status, c.body)
			}
			if got := logs.Len() > 0; got != c.logged {
				t.Errorf("logged %v, want %v: %s", got, c.logged, logs)
			}
			if c.noLeaks != "" && strings.Contains(w.Body.String(), c.noLeaks) {
				t.Errorf("the page shows the internal error: %q", w.Body.String())
			}
		})
	}
}

func TestFailAsksFirst(t *testing.T) {
	a, _ := testAdapter()
	a.First = func(w http.ResponseWriter, r *http.Request, f Failure) bool {
		if f.Status != http.StatusNotFound {
			return false
		}
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		return true
	}

	w := httptest.NewRecorder()
	a.Fail(w, httptest.NewRequest("GET", "/old", nil), problem.New(problem.NotFound, ""))
	if w.Code != http.StatusMovedPermanently {
		t.Errorf("a 404 the first hook takes: %d, want 301", w.Code)
	}

	w = httptest.NewRecorder()
	a.Fail(w, httptest.NewRequest("GET", "/old", nil), problem.New(problem.Forbidden, ""))
	if w.Code != http.StatusForbidden {
		t.Errorf("a 403 the first hook leaves: %d, want 403", w.Code)
	}
}

func TestFailWritesNothingForAVisitorWhoLeft(t *testing.T) {
	a, logs := testAdapter()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	w := httptest.NewRecorder()
	a.Fail(w, httptest.NewRequest("GET", "/x", nil).WithContext(ctx), errors.New("context canceled"))
	if w.Body.Len() > 0 || logs.Len() > 0 {
		t.Errorf("answered %q and logged %q for a request nobody waits for", w.Body.String(), logs.String())
	}
}

func TestJSONForAClientThatAsks(t *testing.T) {
	cases := []struct {
		accept string
		json   bool
	}{
		{"application/json", true},
		{"application/problem+json", true},
		{"text/html,application/xhtml+xml,*/*;q=0.8", false},
		{"", false},
		{"application/json;q=0.9, text/html", true},
	}
	for _, c := range cases {
		t.Run("accept "+c.accept, func(t *testing.T) {
			a, _ := testAdapter()
			r := httptest.NewRequest("POST", "/x", nil)
			r.Header.Set("Accept", c.accept)
			w := httptest.NewRecorder()
			a.Fail(w, r, problem.InvalidField("title", "err.title"))

			isJSON := strings.HasPrefix(w.Header().Get("Content-Type"), "application/problem+json")
			if isJSON != c.json {
				t.Fatalf("JSON %v, want %v (%q)", isJSON, c.json, w.Body.String())
			}
			if !c.json {
				return
			}
			var body jsonFailure
			if err := json.Unmarshal(w.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			want := jsonFailure{Status: 422, Title: "Yêu cầu không hợp lệ", Detail: "Tiêu đề không được để trống.",
				Field: "title"}
			if body != want || w.Code != 422 {
				t.Errorf("JSON %d %+v, want %+v", w.Code, body, want)
			}
		})
	}
}

func TestRecover(t *testing.T) {
	t.Run("a panic is the 500 page with the stack in the log", func(t *testing.T) {
		a, logs := testAdapter()
		h := a.Recover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("nil map in /secret/path.go") }))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/x", nil))

		if w.Code != 500 || strings.Contains(w.Body.String(), "secret") {
			t.Errorf("answer %d %q", w.Code, w.Body.String())
		}
		if !strings.Contains(logs.String(), "secret/path.go") || !strings.Contains(logs.String(), "goroutine") {
			t.Errorf("log lacks the panic and its stack: %s", logs)
		}
	})
	t.Run("net/http's abort goes through", func(t *testing.T) {
		a, _ := testAdapter()
		h := a.Recover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(http.ErrAbortHandler) }))
		defer func() {
			if v := recover(); v != http.ErrAbortHandler {
				t.Errorf("recovered %v, want http.ErrAbortHandler passed on", v)
			}
		}()
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/x", nil))
	})
}

func TestStatusKey(t *testing.T) {
	cases := map[int]string{404: "error.404", 418: "error.400", 503: "error.500", 500: "error.500"}
	for status, want := range cases {
		if got := StatusKey(text, status); got != want {
			t.Errorf("StatusKey(%d) = %q, want %q", status, got, want)
		}
	}
}
