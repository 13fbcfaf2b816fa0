package app

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/store"
)

// dbProxy forwards TCP connections to a database server, and can cut
// them all and refuse new ones, as a network failure or a database host
// going down would, then come back on the same address.
type dbProxy struct {
	t      *testing.T
	target string
	addr   string

	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]bool
}

func newDBProxy(t *testing.T, target string) *dbProxy {
	t.Helper()
	p := &dbProxy{t: t, target: target, conns: map[net.Conn]bool{}}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = ln.Addr().String()
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *dbProxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.forward(c)
		}
	}()
}

func (p *dbProxy) forward(client net.Conn) {
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		client.Close()
		return
	}
	p.mu.Lock()
	if p.ln == nil { // cut meanwhile
		p.mu.Unlock()
		client.Close()
		server.Close()
		return
	}
	p.conns[client], p.conns[server] = true, true
	p.mu.Unlock()

	go func() { io.Copy(server, client); server.Close() }()
	io.Copy(client, server)
	client.Close()
}

// cut closes the listener and every connection through it.
func (p *dbProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
}

// restore listens again on the same address.
func (p *dbProxy) restore() {
	p.t.Helper()
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("proxy back on %s: %v", p.addr, err)
	}
	p.serve(ln)
}

// through returns the database URL u with its host replaced by the proxy.
func (p *dbProxy) through(t *testing.T, u string) string {
	t.Helper()
	parsed, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	parsed.Host = p.addr
	return parsed.String()
}

// hostOf is the host:port of a database URL, with PostgreSQL's default
// port when it has none.
func hostOf(t *testing.T, u string) string {
	t.Helper()
	parsed, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	if parsed.Port() == "" {
		return net.JoinHostPort(parsed.Hostname(), "5432")
	}
	return parsed.Host
}

// startSite builds the whole server for args, as `congtin serve` would,
// behind a test HTTP server.
func startSite(t *testing.T, args ...string) (*App, *httptest.Server) {
	t.Helper()
	cfg, err := ParseServeConfig(args, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), cfg, NewLogger("text", io.Discard))
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() { a.Close() })
	srv := httptest.NewServer(a.Handler)
	t.Cleanup(srv.Close)
	return a, srv
}

// answer is what a test keeps of a response.
type answer struct {
	status     int
	xCache     string
	retryAfter string
	body       string
}

func fetch(t *testing.T, method, target, form string) answer {
	t.Helper()
	req, err := http.NewRequest(method, target, strings.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0")
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return answer{status: res.StatusCode, xCache: res.Header.Get("X-Cache"),
		retryAfter: res.Header.Get("Retry-After"), body: string(body)}
}

// referencePath is the first demo article, the page the tests cache.
const referencePath = "/to-chuc-dang/1-ket-qua-thuc-hien-chi-thi-03-nam-2014-va-nhiem-vu-nam-2015"

// voteForm is a vote in the demo's poll, and where it is sent.
func voteForm(t *testing.T, db *store.DB) (target, form string) {
	t.Helper()
	r, err := poll.NewStore(db).Current(context.Background(), 1, demo.Now)
	if err != nil {
		t.Fatalf("demo poll: %v", err)
	}
	return fmt.Sprintf("/binh-chon/%d", r.ID), fmt.Sprintf("option=%d", r.Options[0].ID)
}

// mountTmpfs mounts a small tmpfs on a new folder and returns it. Mounting
// needs root, which CI has: there a failure fails the test; elsewhere the
// test is skipped with the reason.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		msg := fmt.Sprintf("mount a tmpfs (needs root): %v: %s", err, strings.TrimSpace(string(out)))
		if os.Getenv("CI") == "true" || os.Geteuid() == 0 {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", "-l", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

func remount(t *testing.T, dir, mode string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+mode, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s %s: %v: %s", dir, mode, err, out)
	}
}
