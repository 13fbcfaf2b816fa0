package main

import (
	"context"
	"net/http"
	"net/url"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store/storetest"
)

// TestTwoNodesOnePostgres runs two servers on one PostgreSQL database, as
// a province would behind a load balancer: views and votes spread over
// both add up exactly; what the newsroom publishes on one node is on the
// other's pages within a second, page cache and all; a scheduled article
// appears on both and is recorded as published once.
func TestTwoNodesOnePostgres(t *testing.T) {
	bin := binary(t)
	dsn := storetest.NewPostgresDatabase(t)
	const password = "Mật khẩu của tổng biên tập 2026"
	add := exec.Command(bin, "user", "add", "--database", dsn, "--username", "tongbientap", "--role", "editor_in_chief", "--name", "Tổng biên tập")
	add.Stdin = strings.NewReader(password + "\n")
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("user add: %v\n%s", err, out)
	}
	// A long flush interval: only the flush at the stop writes counts, so
	// exactness cannot come from luck in timing.
	a := startServer(t, bin, "--database", dsn, "--demo", "--stats-flush", "1h", "--poll-votes-per-ip", "0")
	b := startServer(t, bin, "--database", dsn, "--stats-flush", "1h", "--poll-votes-per-ip", "0")
	visits0, hits0, votes0 := counts(t, dsn)
	nodes := []*server{a, b}
	const visitors = 12
	db := openDB(t, dsn)
	var catID int64
	db.QueryRowContext(t.Context(), `SELECT id FROM categories WHERE slug = 'tin-tuc-su-kien'`).Scan(&catID)

	t.Run("a visitor wandering between the nodes votes once only", func(t *testing.T) {
		_, home := fetch(t, browser(), "GET", b.base+"/", "curl/8.5.0", nil)
		opts := regexp.MustCompile(`name="option" value="(\d+)"`).FindAllStringSubmatch(home, -1)
		if len(opts) < 2 {
			t.Fatal("no poll form on node B's home page")
		}
		var wg sync.WaitGroup
		for i := range visitors {
			wg.Go(func() {
				c := browser()
				first, second := nodes[i%2], nodes[(i+1)%2]
				for _, n := range []*server{first, second, first} {
					if code, _ := fetch(t, c, "GET", n.base+referencePath, chrome, nil); code != 200 {
						t.Errorf("article on %s: %d", n.base, code)
					}
				}
				code, _ := fetch(t, c, "POST", second.base+"/binh-chon/1", chrome, url.Values{"option": {opts[i%len(opts)][1]}})
				if code != http.StatusSeeOther {
					t.Errorf("vote: %d", code)
				}
				// The same visitor on the other node cannot vote again.
				code, _ = fetch(t, c, "POST", first.base+"/binh-chon/1", chrome, url.Values{"option": {opts[0][1]}})
				if code != http.StatusConflict {
					t.Errorf("second vote on the other node: %d, want 409", code)
				}
			})
		}
		wg.Wait()
	})

	if !t.Run("node B serves its home page from the cache", func(t *testing.T) {
		fetch(t, browser(), "GET", b.base+"/", chrome, nil)
		if h := cacheState(t, b.base+"/"); h != "HIT" {
			t.Fatalf("node B's home page is not cached (%q)", h)
		}
	}) {
		return
	}

	t.Run("what is published on A is on B's cached page within a second", func(t *testing.T) {
		chief := browser()
		code, _ := fetch(t, chief, "POST", a.base+"/quan-tri/dang-nhap", chrome,
			url.Values{"username": {"tongbientap"}, "password": {password}})
		if code != http.StatusSeeOther {
			t.Fatalf("login on A: %d", code)
		}
		_, form := fetch(t, chief, "GET", a.base+"/quan-tri/bai-viet/moi", chrome, nil)
		csrf := regexp.MustCompile(`<meta name="csrf" content="([^"]+)">`).FindStringSubmatch(form)
		if csrf == nil {
			t.Fatal("no form token on the new-article page")
		}
		title := "Đảng bộ Sở triển khai nghị quyết về chuyển đổi số"
		code, _ = fetch(t, chief, "POST", a.base+"/quan-tri/bai-viet/moi", chrome, url.Values{"csrf": {csrf[1]},
			"title": {title}, "category_id": {strconv.FormatInt(catID, 10)}, "body": {"<p>Nội dung.</p>"}, "move": {"publish"}})
		if code != http.StatusSeeOther {
			t.Fatalf("publish on A: %d", code)
		}
		published := time.Now()
		waitForPage(t, b.base+"/", title, 5*time.Second)
		if d := time.Since(published); d > time.Second {
			t.Errorf("node B showed the article published on A after %v, want under a second", d)
		}
	})

	t.Run("a scheduled article appears on both nodes at its time and is published once", func(t *testing.T) {
		at := time.Now().Add(2 * time.Second)
		scheduled := "Thông báo hẹn giờ: lịch tiếp công dân tháng 12"
		if _, err := db.ExecContext(context.Background(), `INSERT INTO articles (site_id, category_id, slug, title, status,
			publish_at, created_at, updated_at) VALUES (1, $1, 'thong-bao-hen-gio', $2, 'published', $3, $4, $4)`,
			catID, scheduled, at.Unix(), time.Now().Unix()); err != nil {
			t.Fatal(err)
		}
		for _, n := range nodes { // both have the page cached without it
			fetch(t, browser(), "GET", n.base+"/", chrome, nil)
		}
		waitForPage(t, a.base+"/", scheduled, 8*time.Second)
		waitForPage(t, b.base+"/", scheduled, 8*time.Second)
		var audits int
		db.QueryRowContext(t.Context(), `SELECT count(*) FROM audit_log WHERE action = 'scheduled_publish'`).Scan(&audits)
		if audits != 1 {
			t.Errorf("%d scheduled_publish records, want one for both nodes", audits)
		}
	})

	t.Run("views, visits and votes over both nodes add up exactly after they stop", func(t *testing.T) {
		a.stop(t, syscall.SIGTERM)
		b.stop(t, syscall.SIGTERM)
		visits, hits, votes := counts(t, dsn)
		if visits-visits0 != visitors {
			t.Errorf("visits grew by %d over two nodes, want %d", visits-visits0, visitors)
		}
		// Each node counts a visitor's repeated views of an article once in
		// a visit: three views on two nodes are two.
		if hits-hits0 != 2*visitors {
			t.Errorf("article views grew by %d, want %d", hits-hits0, 2*visitors)
		}
		if votes-votes0 != visitors {
			t.Errorf("votes grew by %d, want %d", votes-votes0, visitors)
		}
	})
}

func cacheState(t *testing.T, u string) string {
	t.Helper()
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.Header.Get("X-Cache")
}

// waitForPage polls u as an anonymous visitor until it shows text.
func waitForPage(t *testing.T, u, text string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		_, body := fetch(t, browser(), "GET", u, "curl/8.5.0", nil)
		if strings.Contains(body, text) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not show %q within %v", u, text, limit)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
