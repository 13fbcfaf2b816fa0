package web

import (
	"bufio"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store/storetest"
)

// publicPostRoutes are the POST patterns of the public site, read from
// its route list so that a new one is tested without anyone adding it.
func publicPostRoutes(t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`"POST (/[^"]*)"`).FindAllStringSubmatch(string(src), -1) {
		out = append(out, m[1])
	}
	if len(out) == 0 {
		t.Fatal("no POST route found in routes.go")
	}
	return out
}

func TestOversizedBodyOnEveryPublicPostRouteIsRefusedAndChangesNothing(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	h := newDemoServer(t, db).Handler()
	p := demoPoll(t, db)
	ids := strings.NewReplacer("{id}", strconv.FormatInt(p.ID, 10))

	for _, pattern := range publicPostRoutes(t) {
		t.Run(pattern, func(t *testing.T) {
			before := totalVotes(t, db)
			body := "option=" + strconv.FormatInt(p.Options[0].ID, 10) + "&x=" + strings.Repeat("a", 8<<20)

			rec := post(t, h, ids.Replace(pattern), body, cookieN(1))

			if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "quá lớn") {
				t.Errorf("status %d, want 413 with its page", rec.Code)
			}
			if after := totalVotes(t, db); after != before {
				t.Errorf("votes %d -> %d", before, after)
			}
		})
	}
}

func TestSlowVoteBodyGets408(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	s := newDemoServer(t, db)
	p := demoPoll(t, db)
	srv := httptest.NewUnstartedServer(s.Handler())
	srv.Config.ReadTimeout = 300 * time.Millisecond
	srv.Start()
	t.Cleanup(srv.Close)
	before := totalVotes(t, db)

	// The headers promise 20 bytes; seven come, then nothing.
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(time.Minute)) // a guard, not a measure
	req := "POST /binh-chon/" + strconv.FormatInt(p.ID, 10) + " HTTP/1.1\r\nHost: skhcn.example.vn\r\n" +
		"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 20\r\nSec-Fetch-Site: same-origin\r\n" +
		"\r\noption="
	if _, err := conn.Write([]byte(req)); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()

	if res.StatusCode != http.StatusRequestTimeout {
		t.Errorf("status %d, want 408", res.StatusCode)
	}
	if after := totalVotes(t, db); after != before {
		t.Errorf("votes %d -> %d", before, after)
	}
}
