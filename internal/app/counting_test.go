package app

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/congtin/congtin/internal/store/storetest"
)

// The visitor cookie key survives a restart: a cookie the first server
// gave is believed by a new server on the same database, so a returning
// visitor is not counted anew.
func TestVisitorCookieSurvivesRestart(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		flags func(t *testing.T) []string
	}{
		{"sqlite", func(t *testing.T) []string { return []string{"--data", t.TempDir()} }},
		{"postgres", func(t *testing.T) []string { return []string{"--database", storetest.NewPostgresDatabase(t)} }},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			cfg, err := ParseServeConfig(c.flags(t), func(string) string { return "" })
			if err != nil {
				t.Fatal(err)
			}
			page := func(cookie string) *http.Response {
				a, err := New(context.Background(), cfg, NewLogger("text", io.Discard))
				if err != nil {
					t.Fatal(err)
				}
				defer a.Close()
				req := httptest.NewRequest(http.MethodGet, "http://localhost/", nil)
				req.Header.Set("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0")
				if cookie != "" {
					req.AddCookie(&http.Cookie{Name: "ct_v", Value: cookie})
				}
				w := httptest.NewRecorder()
				a.Handler.ServeHTTP(w, req)
				return w.Result()
			}

			first := page("")
			if len(first.Cookies()) != 1 {
				t.Fatalf("first page set cookies %v, want the visitor cookie", first.Cookies())
			}
			if again := page(first.Cookies()[0].Value); len(again.Cookies()) != 0 {
				t.Errorf("after a restart the visitor got a new cookie %v: the key was not kept", again.Cookies())
			}
		})
	}
}

// The per-address counting caps default to what an office needs, can be
// turned off with 0, and refuse what is not a whole number.
func TestVisitorCapFlags(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name                    string
		args                    []string
		env                     map[string]string
		wantVisitors, wantViews int
		wantErr                 bool
	}{
		{"defaults", nil, nil, 300, 3000, false},
		{"turned off", []string{"--visitors-per-ip", "0", "--views-per-ip", "0"}, nil, 0, 0, false},
		{"from the environment", nil, map[string]string{"CONGTIN_VISITORS_PER_IP": "1000"}, 1000, 3000, false},
		{"negative refused", []string{"--visitors-per-ip", "-1"}, nil, 0, 0, true},
		{"not a number refused", []string{"--views-per-ip", "many"}, nil, 0, 0, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := ParseServeConfig(c.args, func(k string) string { return c.env[k] })
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v, want an error: %v", err, c.wantErr)
			}
			if err == nil && (cfg.VisitorsPerIP != c.wantVisitors || cfg.ViewsPerIP != c.wantViews) {
				t.Errorf("visitors %d, views %d; want %d, %d", cfg.VisitorsPerIP, cfg.ViewsPerIP, c.wantVisitors, c.wantViews)
			}
		})
	}
}
