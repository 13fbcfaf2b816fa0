package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/store"
)

// newDemoServer loads the demo site into db and returns the public site
// with its clock fixed just after the newest demo article.
func newDemoServer(t testing.TB, db *store.DB) *Server {
	t.Helper()
	if err := demo.Load(context.Background(), db, 1); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	return newServer(t, db)
}

func newServer(t testing.TB, db *store.DB) *Server {
	t.Helper()
	s, err := New(Config{SiteID: 1, OnlineWindow: 15 * time.Minute, BaseURL: "https://skhcn.example.vn",
		VisitorCookieKey: testVisitorKey}, Deps{
		DB: db, Content: content.NewStore(db), Polls: poll.NewStore(db), Media: media.NewStore(db),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatalf("new server: %v", err)
	}
	s.now = func() time.Time { return demo.Now }
	return s
}

// get performs a GET on h and returns the response and its body.
func get(t testing.TB, h http.Handler, target string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

// referenceURL is the canonical address of the reference article in the
// demo site (the first article the loader creates).
const referenceURL = "/to-chuc-dang/1-ket-qua-thuc-hien-chi-thi-03-nam-2014-va-nhiem-vu-nam-2015"

func mustContain(t testing.TB, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("page lacks %q", w)
		}
	}
}
