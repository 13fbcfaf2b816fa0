package app

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeDemoThenRestart starts the server as `serve --demo` would, reads
// the reference article over a real connection, stops it as SIGTERM would,
// and starts it again on the same data folder: the site is still there and
// the demo is not loaded twice.
func TestServeDemoThenRestart(t *testing.T) {
	dir := t.TempDir()
	cfg, err := ParseServeConfig([]string{"--demo", "--data", dir, "--addr", "127.0.0.1:0"}, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	log := NewLogger("text", io.Discard)
	for round := 1; round <= 2; round++ {
		ctx, cancel := context.WithCancel(context.Background())
		a, err := New(ctx, cfg, log)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		ln, err := net.Listen("tcp", cfg.Addr)
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- a.Serve(ctx, ln) }()
		res, err := http.Get("http://" + ln.Addr().String() + "/to-chuc-dang/1-ket-qua-thuc-hien-chi-thi-03-nam-2014-va-nhiem-vu-nam-2015")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(body), "2015-01-28 08:10:58") {
			t.Fatalf("round %d: status %d", round, res.StatusCode)
		}
		var n int
		a.DB.QueryRowContext(t.Context(), `SELECT count(*) FROM articles`).Scan(&n)
		if round == 1 && n == 0 {
			t.Fatal("no demo articles")
		}
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("round %d: shutdown: %v", round, err)
			}
		case <-time.After(20 * time.Second):
			t.Fatal("server did not stop")
		}
		var m int
		a.DB.QueryRowContext(t.Context(), `SELECT count(*) FROM articles`).Scan(&m)
		if m != n {
			t.Fatalf("round %d: %d articles, then %d", round, n, m)
		}
		a.Close()
	}
}
