package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestBurstSurvivesKill kills the server with SIGKILL in the middle of a
// burst of votes and newsroom saves: every vote acknowledged with its 303
// and every article whose save was acknowledged is in the database with
// its revision, the database passes its integrity check, and the server
// starts again on it.
func TestBurstSurvivesKill(t *testing.T) {
	bin := binary(t)
	databases(t, func(t *testing.T, dbFlags []string, dsn string) {
		s := startServer(t, bin, append([]string{"--demo"}, dbFlags...)...)
		s.stop(t, syscall.SIGTERM)
		addAdmin(t, bin, dbFlags)
		s = startServer(t, bin, dbFlags...)

		editor := newsroomSession(t, s.base)
		pollID, optionID := pollForm(t, s.base)
		_, _, votes0 := counts(t, dsn)

		var ackedVotes atomic.Int64
		var mu sync.Mutex
		var ackedTitles []string
		stop := make(chan struct{})
		var wg sync.WaitGroup

		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					select {
					case <-stop:
						return
					default:
					}
					if vote(s.base, pollID, optionID) {
						ackedVotes.Add(1)
					}
				}
			}()
		}

		for w := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					title := fmt.Sprintf("Bài viết trước khi mất điện %d-%d", w, i)
					if editor.save(title) {
						mu.Lock()
						ackedTitles = append(ackedTitles, title)
						mu.Unlock()
					}
				}
			}()
		}

		// Kill once both kinds of write have been acknowledged a few times,
		// with more in flight.
		deadline := time.Now().Add(2 * time.Minute)
		for {
			mu.Lock()
			saved := len(ackedTitles)
			mu.Unlock()
			if ackedVotes.Load() >= 20 && saved >= 5 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the burst did not get going: %d votes, %d saves acknowledged\n%s",
					ackedVotes.Load(), saved, s.logs())
			}
			time.Sleep(20 * time.Millisecond)
		}
		s.stop(t, syscall.SIGKILL)
		close(stop)
		wg.Wait()

		t.Run("every acknowledged vote is stored", func(t *testing.T) {
			if _, _, votes := counts(t, dsn); votes-votes0 < ackedVotes.Load() {
				t.Errorf("%d votes stored after the kill, %d were acknowledged", votes-votes0, ackedVotes.Load())
			}
		})

		t.Run("every acknowledged save is stored with its revision", func(t *testing.T) {
			db := openDB(t, dsn)
			defer db.Close()
			for _, title := range ackedTitles {
				var revisions int
				err := db.QueryRowContext(t.Context(), `SELECT count(*) FROM article_revisions r
					JOIN articles a ON a.id = r.article_id WHERE a.title = $1`, title).Scan(&revisions)
				if err != nil || revisions == 0 {
					t.Errorf("%q: %d revisions after the kill (%v)", title, revisions, err)
				}
			}
		})

		t.Run("the database passes its integrity check", func(t *testing.T) {
			if !strings.HasPrefix(dsn, "postgres") {
				db := openDB(t, dsn)
				defer db.Close()
				var result string
				if err := db.QueryRowContext(t.Context(), `PRAGMA integrity_check`).Scan(&result); err != nil ||
					result != "ok" {
					t.Fatalf("integrity_check: %q, %v", result, err)
				}
			}
			s := startServer(t, bin, dbFlags...)
			if code, _ := fetch(t, browser(), "GET", s.base+"/", chrome, nil); code != http.StatusOK {
				t.Errorf("home page after the restart: %d", code)
			}
			s.stop(t, syscall.SIGTERM)
		})
	})
}

const adminPassword = "Một mật khẩu đủ dài cho thử nghiệm"

// addAdmin creates the newsroom account the burst saves articles as.
func addAdmin(t *testing.T, bin string, dbFlags []string) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"user", "add", "--username", "bientap", "--role", "admin"}, dbFlags...)...)
	cmd.Stdin = strings.NewReader(adminPassword + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
}

// newsroom is a signed-in browser with the form token and a category to
// write in.
type newsroom struct {
	c        *http.Client
	base     string
	csrf     string
	category string
}

var (
	csrfField     = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	firstCategory = regexp.MustCompile(`<select id="category_id"[^>]*>\s*<option value="">[^<]*</option>\s*` +
		`<option value="(\d+)"`)
)

func newsroomSession(t *testing.T, base string) *newsroom {
	t.Helper()
	c := browser()
	code, _ := fetch(t, c, "POST", base+"/quan-tri/dang-nhap", chrome,
		url.Values{"username": {"bientap"}, "password": {adminPassword}})
	if code != http.StatusSeeOther {
		t.Fatalf("login: %d", code)
	}

	_, form := fetch(t, c, "GET", base+"/quan-tri/bai-viet/moi", chrome, nil)
	token, cat := csrfField.FindStringSubmatch(form), firstCategory.FindStringSubmatch(form)
	if token == nil || cat == nil {
		t.Fatalf("no token or category on the new article form:\n%.2000s", form)
	}
	return &newsroom{c: c, base: base, csrf: token[1], category: cat[1]}
}

// save creates an article and reports whether the server acknowledged it.
func (n *newsroom) save(title string) bool {
	form := url.Values{"csrf": {n.csrf}, "title": {title}, "category_id": {n.category},
		"body": {"<p>Nội dung được lưu trước khi máy chủ bị tắt.</p>"}}
	return post(n.c, n.base+"/quan-tri/bai-viet/moi", form) == http.StatusSeeOther
}

var pollAction = regexp.MustCompile(`action="/binh-chon/(\d+)"[\s\S]*?name="option" value="(\d+)"`)

func pollForm(t *testing.T, base string) (pollID, optionID string) {
	t.Helper()
	_, page := fetch(t, browser(), "GET", base+"/", chrome, nil)
	m := pollAction.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no poll form on the home page")
	}
	return m[1], m[2]
}

// vote casts one vote as a new visitor (its own cookie from the home
// page) and reports whether it was acknowledged.
func vote(base, pollID, optionID string) bool {
	c := browser()
	req, _ := http.NewRequest(http.MethodGet, base+"/", nil)
	req.Header.Set("User-Agent", chrome)
	res, err := c.Do(req)
	if err != nil {
		return false
	}
	res.Body.Close()
	return post(c, base+"/binh-chon/"+pollID, url.Values{"option": {optionID}}) == http.StatusSeeOther
}

// post sends a form and gives the status, 0 when the server did not
// answer (it may have been killed meanwhile).
func post(c *http.Client, u string, form url.Values) int {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("User-Agent", chrome)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := c.Do(req)
	if err != nil {
		return 0
	}
	res.Body.Close()
	return res.StatusCode
}
