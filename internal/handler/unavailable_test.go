package handler

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/problem"
)

func TestDatabaseOutageIsAnswered503WithRetryAfter(t *testing.T) {
	dropped := fmt.Errorf("article 7: %w", &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")})
	cases := []struct {
		name string
		err  error
	}{
		{"a database that cannot be reached is a 503, not a 500", dropped},
		{"a problem of kind Unavailable is a 503", problem.New(problem.Unavailable, "")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, logs := testAdapter()
			rec := httptest.NewRecorder()
			a.Fail(rec, httptest.NewRequest("GET", "/", nil), c.err)

			if rec.Code != http.StatusServiceUnavailable {
				t.Errorf("status %d, want 503", rec.Code)
			}
			if rec.Header().Get("Retry-After") == "" {
				t.Error("no Retry-After")
			}
			if strings.Contains(logs.String(), "level=ERROR") {
				t.Errorf("logged as an error of ours: %s", logs)
			}
		})
	}

	t.Run("other statuses carry no Retry-After", func(t *testing.T) {
		a, _ := testAdapter()
		rec := httptest.NewRecorder()
		a.Fail(rec, httptest.NewRequest("GET", "/", nil), errors.New("boom"))
		if rec.Code != 500 || rec.Header().Get("Retry-After") != "" {
			t.Errorf("status %d, Retry-After %q", rec.Code, rec.Header().Get("Retry-After"))
		}
	})
}
