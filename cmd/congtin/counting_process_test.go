package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// These tests run the real program: counts must survive a graceful stop
// and a restart, and an acknowledged vote must survive a kill.

const referencePath = "/to-chuc-dang/1-ket-qua-thuc-hien-chi-thi-03-nam-2014-va-nhiem-vu-nam-2015"

var buildOnce struct {
	sync.Once
	path string
	err  error
}

func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the program")
	}
	buildOnce.Do(func() {
		dir, err := filepathTemp()
		if err != nil {
			buildOnce.err = err
			return
		}
		buildOnce.path = filepath.Join(dir, "congtin")
		args := []string{"build", "-o", buildOnce.path}
		if raceBuild {
			args = append(args, "-race")
		}
		out, err := exec.Command("go", append(args, ".")...).CombinedOutput()
		if err != nil {
			buildOnce.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildOnce.err != nil {
		t.Fatal(buildOnce.err)
	}
	return buildOnce.path
}

// databases runs fn against a fresh SQLite data folder and, when
// configured, a fresh PostgreSQL database, giving the flags that select it.
func databases(t *testing.T, fn func(t *testing.T, dbFlags []string, dsn string)) {
	t.Run("sqlite", func(t *testing.T) {
		dir := t.TempDir()
		fn(t, []string{"--data", dir}, store.SQLitePath(dir))
	})
	t.Run("postgres", func(t *testing.T) {
		u := storetest.NewPostgresDatabase(t)
		fn(t, []string{"--database", u}, u)
	})
}

type server struct {
	cmd  *exec.Cmd
	base string
	done chan error
	log  *strings.Builder
	mu   *sync.Mutex
}

var servingAddr = regexp.MustCompile(`msg=serving addr=(\S+)`)

func startServer(t *testing.T, bin string, args ...string) *server {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, done: make(chan error, 1), log: &strings.Builder{}, mu: &sync.Mutex{}}
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			s.mu.Lock()
			s.log.WriteString(sc.Text() + "\n")
			s.mu.Unlock()
			if m := servingAddr.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
		s.done <- cmd.Wait()
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	select {
	case a := <-addr:
		s.base = "http://" + a
	// Generous: a binary built with -race on a busy two-core machine
	// takes a while to load the demo site.
	case <-time.After(3 * time.Minute):
		t.Fatalf("server did not start:\n%s", s.logs())
	}
	return s
}

func (s *server) logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

func (s *server) stop(t *testing.T, sig syscall.Signal) {
	t.Helper()
	if err := s.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.done:
		if sig == syscall.SIGTERM && err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, s.logs())
		}
	case <-time.After(60 * time.Second):
		t.Fatalf("server did not stop")
	}
}

func openDB(t *testing.T, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func counts(t *testing.T, dsn string) (visits, hits, votes int64) {
	t.Helper()
	db := openDB(t, dsn)
	db.QueryRowContext(t.Context(), `SELECT value FROM counters WHERE site_id = 1 AND name = 'visits'`).Scan(&visits)
	if err := db.QueryRowContext(t.Context(), `SELECT hits FROM articles WHERE id = 1`).Scan(&hits); err != nil {
		t.Fatal(err)
	}
	db.QueryRowContext(t.Context(), `SELECT count(*) FROM poll_votes`).Scan(&votes)
	db.Close()
	return
}

func browser() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func fetch(t *testing.T, c *http.Client, method, u, ua string, form url.Values) (int, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, u, body)
	req.Header.Set("User-Agent", ua)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := c.Do(req)
	if err != nil {
		t.Error(err)
		return 0, ""
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"

// N page views of one article by K visitors, SIGTERM, restart: visits grew
// by exactly K, and the article's views by K too, since a visitor's repeated
// views within a visit count once, although the flush interval is far
// longer than the test: only the flush on stopping writes them.
func TestCountsSurviveGracefulRestart(t *testing.T) {
	bin := binary(t)
	databases(t, func(t *testing.T, dbFlags []string, dsn string) {
		s := startServer(t, bin, append([]string{"--demo", "--stats-flush", "1h"}, dbFlags...)...)
		visits0, hits0, _ := counts(t, dsn)
		const visitors, pagesEach = 6, 5
		var wg sync.WaitGroup
		for range visitors {
			wg.Go(func() {
				c := browser()
				for range pagesEach {
					if code, _ := fetch(t, c, "GET", s.base+referencePath, chrome, nil); code != 200 {
						t.Errorf("article: %d", code)
					}
				}
				// Assets and feeds are not page views.
				fetch(t, c, "GET", s.base+"/rss.xml", chrome, nil)
				fetch(t, c, "GET", s.base+"/robots.txt", chrome, nil)
			})
		}
		// Crawlers and scripts are not visitors.
		for _, ua := range []string{"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "curl/8.5.0", ""} {
			fetch(t, browser(), "GET", s.base+referencePath, ua, nil)
		}
		wg.Wait()
		if v, h, _ := counts(t, dsn); v != visits0 || h != hits0 {
			t.Fatalf("counts written before the stop (visits %d, hits %d): the flush interval is not honoured", v, h)
		}
		s.stop(t, syscall.SIGTERM)
		visits, hits, _ := counts(t, dsn)
		if visits-visits0 != visitors {
			t.Errorf("visits grew by %d, want %d", visits-visits0, visitors)
		}
		if hits-hits0 != visitors {
			t.Errorf("article views grew by %d, want %d (one per visitor)", hits-hits0, visitors)
		}
		// After a restart the page shows them (read by a script, which
		// itself does not count).
		s = startServer(t, bin, dbFlags...)
		_, body := fetch(t, browser(), "GET", s.base+referencePath, "curl/8.5.0", nil)
		if want := fmt.Sprintf("Lượt xem: %s", group(hits)); !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
		if want := group(31262600 + visits); !strings.Contains(body, ">"+want+"<") {
			t.Errorf("counter block lacks %q", want)
		}
		s.stop(t, syscall.SIGTERM)
		if v, h, _ := counts(t, dsn); v != visits || h != hits {
			t.Errorf("the script's request was counted: visits %d→%d, hits %d→%d", visits, v, hits, h)
		}
	})
}

// A vote acknowledged with its 303 is in the database even if the
// process is killed at once.
func TestVoteSurvivesKill(t *testing.T) {
	bin := binary(t)
	databases(t, func(t *testing.T, dbFlags []string, dsn string) {
		s := startServer(t, bin, append([]string{"--demo"}, dbFlags...)...)
		_, _, votes0 := counts(t, dsn)
		c := browser()
		_, page := fetch(t, c, "GET", s.base+"/", chrome, nil)
		m := regexp.MustCompile(`action="/binh-chon/(\d+)"[\s\S]*?name="option" value="(\d+)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no poll form on the home page")
		}
		code, _ := fetch(t, c, "POST", s.base+"/binh-chon/"+m[1], chrome, url.Values{"option": {m[2]}})
		if code != http.StatusSeeOther {
			t.Fatalf("vote: %d", code)
		}
		s.stop(t, syscall.SIGKILL)
		if _, _, votes := counts(t, dsn); votes != votes0+1 {
			t.Errorf("votes %d after the kill, want %d", votes, votes0+1)
		}
		s = startServer(t, bin, dbFlags...)
		_, body := fetch(t, c, "GET", s.base+"/binh-chon/"+m[1], chrome, nil)
		if !strings.Contains(body, "Bạn đã bình chọn") {
			t.Errorf("after restart the voter is not recognised")
		}
		s.stop(t, syscall.SIGTERM)
	})
}

// group writes n with Vietnamese digit grouping.
func group(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}

func filepathTemp() (string, error) { return os.MkdirTemp("", "congtin-bin-") }
