package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestIsBot(t *testing.T) {
	cases := []struct {
		ua  string
		bot bool
	}{
		{"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true},
		{"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", true},
		{"Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", true},
		{"Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)", true},
		{"Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)", true},
		{"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", true},
		{"Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", true},
		{"Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)", true},
		{"curl/8.5.0", true},
		{"Wget/1.21.4", true},
		{"python-requests/2.31.0", true},
		{"Go-http-client/1.1", true},
		{"", true},
		{"   ", true},
		// People: the Cốc Cốc browser, common in Vietnam, and a Cubot phone.
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.0 Chrome/111.0.0.0 Safari/537.36", false},
		{"Mozilla/5.0 (Linux; Android 10; CUBOT X19 S) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", false},
		{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", false},
		{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1", false},
		{"Mozilla/5.0 (Linux; Android 13; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Zalo android/12", false},
	}
	// Twice: the second answer comes from the memo of agents seen.
	for round := 1; round <= 2; round++ {
		for _, c := range cases {
			if got := isBot(c.ua); got != c.bot {
				t.Errorf("round %d: isBot(%q) = %v, want %v", round, c.ua, got, c.bot)
			}
		}
	}
	// Past its bound the memo stops growing and answers stay right.
	for i := 0; i < maxKnownAgents+10; i++ {
		isBot("Mozilla/5.0 test agent " + strconv.Itoa(i))
	}
	knownAgents.mu.RLock()
	n := len(knownAgents.m)
	knownAgents.mu.RUnlock()
	if n > maxKnownAgents {
		t.Errorf("memo holds %d agents, bound %d", n, maxKnownAgents)
	}
	if !isBot("Googlebot/2.1 (+http://www.google.com/bot.html) after the memo filled") {
		t.Error("a crawler seen after the memo filled was not recognised")
	}
}

func TestClientIP(t *testing.T) {
	trusted := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("127.0.0.1/32")}
	cases := []struct {
		name, remote, xff string
		trusted           []netip.Prefix
		want              string
	}{
		{"direct", "203.0.113.5:5000", "", nil, "203.0.113.5"},
		{"forwarded header ignored without trusted proxies", "203.0.113.5:5000", "1.2.3.4", nil, "203.0.113.5"},
		{"forwarded header from an untrusted peer ignored", "203.0.113.5:5000", "1.2.3.4", trusted, "203.0.113.5"},
		{"trusted proxy", "10.1.2.3:5000", "198.51.100.7", trusted, "198.51.100.7"},
		{"spoofed left part skipped", "10.1.2.3:5000", "6.6.6.6, 198.51.100.7", trusted, "198.51.100.7"},
		{"chain of trusted proxies", "127.0.0.1:5000", "198.51.100.7, 10.9.9.9", trusted, "198.51.100.7"},
		{"garbage stops the walk", "10.1.2.3:5000", "nonsense", trusted, "10.1.2.3"},
		{"ipv6", "[2001:db8::1]:443", "", nil, "2001:db8::1"},
		{"mapped ipv4", "[::ffff:203.0.113.5]:443", "", nil, "203.0.113.5"},
	}
	for _, c := range cases {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.remote
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		if got := clientIP(r, c.trusted); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// countingServer is the demo site with a recorder whose clock is the
// site's.
func countingServer(t testing.TB, db *store.DB) (*Server, *stats.Recorder) {
	t.Helper()
	s := newDemoServer(t, db)
	rec := newRecorder(t, db, stats.RecorderConfig{SiteID: 1, Node: "test", Now: s.now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	s.stats = rec
	return s, rec
}

func TestVisitorCookie(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	s, _ := countingServer(t, db)
	h := s.Handler()
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 Chrome/120")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	cs := rec.Result().Cookies()
	if len(cs) != 1 || cs[0].Name != visitorCookie {
		t.Fatalf("cookies %v", cs)
	}
	c := cs[0]
	if _, signed := s.cookies.verify(c.Value); !signed || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.MaxAge != 365*24*3600 || c.Path != "/" {
		t.Errorf("cookie %+v", c)
	}
	if !c.Secure {
		t.Errorf("cookie not Secure on an https site")
	}
	// A returning visitor, a bot, an asset and a forged value.
	for _, x := range []struct {
		path, ua, cookie string
		set              bool
	}{
		{"/", "Mozilla/5.0 Chrome/120", c.Value, false},
		{"/", "Googlebot/2.1", "", false},
		{"/static/style.css", "Mozilla/5.0 Chrome/120", "", false},
		{"/", "Mozilla/5.0 Chrome/120", "forged'value", true},
	} {
		req := httptest.NewRequest("GET", x.path, nil)
		req.Header.Set("User-Agent", x.ua)
		if x.cookie != "" {
			req.AddCookie(&http.Cookie{Name: visitorCookie, Value: x.cookie})
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if set := len(rec.Result().Cookies()) > 0; set != x.set {
			t.Errorf("%s as %q with cookie %q: cookie set = %v", x.path, x.ua, x.cookie, set)
		}
	}
}

// Only pages people read count: not assets, feeds, health checks, votes,
// errors or bots (which count as bots).
func TestWhatCounts(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s, rec := countingServer(t, db)
		h := s.Handler()
		ctx := context.Background()
		var hits0 int64
		db.QueryRowContext(ctx, `SELECT hits FROM articles WHERE id = 1`).Scan(&hits0)
		_, css := get(t, h, "/")
		asset := ""
		if i := strings.Index(css, "/static/"); i >= 0 {
			asset = css[i : i+strings.IndexByte(css[i:], '"')]
		}
		do := func(method, path, ua, cookie string) int {
			req := httptest.NewRequest(method, path, strings.NewReader("option=1"))
			req.Header.Set("User-Agent", ua)
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if cookie != "" {
				req.AddCookie(&http.Cookie{Name: visitorCookie, Value: cookie})
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			return w.Code
		}
		const browser = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0"
		db.ExecContext(ctx, `DELETE FROM stats_hourly`)
		db.ExecContext(ctx, `DELETE FROM counters`)
		rec.Flush(ctx) // drop the GET above
		db.ExecContext(ctx, `DELETE FROM stats_hourly`)
		db.ExecContext(ctx, `DELETE FROM counters`)
		db.ExecContext(ctx, `DELETE FROM online_visitors`)
		figures := func(t *testing.T) (visits, views, bots, hits int64) {
			t.Helper()
			if err := rec.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			db.QueryRowContext(ctx, `SELECT COALESCE(SUM(visits),0), COALESCE(SUM(views),0), COALESCE(SUM(bots),0)
				FROM stats_hourly`).Scan(&visits, &views, &bots)
			db.QueryRowContext(ctx, `SELECT hits FROM articles WHERE id = 1`).Scan(&hits)
			return visits, views, bots, hits - hits0
		}

		if !t.Run("files, feeds, errors, votes and robots count no page view", func(t *testing.T) {
			for _, p := range []string{asset, "/anh/0000.jpg", "/healthz", "/robots.txt", "/sitemap.xml", "/rss.xml",
				"/to-chuc-dang/rss.xml", "/khong-co-trang-nay/"} {
				do("GET", p, browser, cookieN(1))
			}
			do("POST", "/binh-chon/1", browser, cookieN(1))
			do("GET", referenceURL, "Googlebot/2.1", "")
			do("GET", referenceURL, "curl/8.0", "")
			do("GET", "/", "", "")
			if visits, views, bots, hits := figures(t); visits != 0 || views != 0 || bots != 3 || hits != 0 {
				t.Errorf("visits %d views %d bots %d article views %d; want 0, 0, 3, 0", visits, views, bots, hits)
			}
		}) {
			return
		}

		t.Run("two visitors reading four pages, three of them the article, count as such", func(t *testing.T) {
			if c := do("GET", referenceURL, browser, cookieN(1)); c != 200 {
				t.Fatalf("article: %d", c)
			}
			do("GET", referenceURL, browser, cookieN(1))
			do("GET", "/", browser, cookieN(2))
			do("HEAD", referenceURL, browser, cookieN(2))
			if visits, views, bots, hits := figures(t); visits != 2 || views != 4 || bots != 3 || hits != 2 {
				t.Errorf("visits %d views %d bots %d article views %d; want 2, 4, 3, 2", visits, views, bots, hits)
			}
		})
	})
}

// The counter block shows the offset plus counted visits, the online
// figure and the period rows, with Vietnamese digit grouping.
func TestCounterBlock(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	s, rec := countingServer(t, db)
	h := s.Handler()
	for i := range 3 {
		getAs(t, h, "/", cookieN(i))
	}
	if err := rec.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, body := getAs(t, h, "/", cookieN(0))
	// The demo's carried-over 31.262.600 plus three visits.
	mustContain(t, body, ">31.262.603<", `class="online">3<`, "Hôm nay", "Hôm qua", "Tuần này", "Tháng này")
	db.ExecContext(t.Context(), `INSERT INTO settings (site_id, key, value) VALUES (1, 'counter_rows', 'today')`)
	_, body = getAs(t, h, "/", cookieN(0))
	if strings.Contains(body, "Tháng này") || !strings.Contains(body, "Hôm nay") {
		t.Errorf("counter_rows=today not honoured")
	}
}

// BenchmarkPageViewThroughCounter measures what counting adds to a
// request: the middleware and the recorder, around a handler that does
// nothing, from parallel clients.
func BenchmarkPageViewThroughCounter(b *testing.B) {
	db := storetest.SQLite(b)
	s := newServer(b, db)
	s.stats = newRecorder(b, db, stats.RecorderConfig{SiteID: 1, Node: "bench", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	s.now = time.Now
	mux := http.NewServeMux()
	mux.HandleFunc(articlePattern, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) })
	h := s.countVisits(mux, mux)
	b.ReportAllocs()
	b.ResetTimer() // opening the database and parsing templates are not the request
	// Requests are built before timing: parsing them is the server's
	// cost, not the counter's.
	reqs := make([]*http.Request, 1000)
	for i := range reqs {
		reqs[i] = httptest.NewRequest("GET", referenceURL, nil)
		reqs[i].Header.Set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0")
		reqs[i].AddCookie(&http.Cookie{Name: visitorCookie, Value: cookieN(i)})
	}
	var next atomic.Int64
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			h.ServeHTTP(discard{}, reqs[next.Add(1)%int64(len(reqs))])
		}
	})
	b.StopTimer()
	if err := s.stats.Flush(context.Background()); err != nil {
		b.Fatal(err)
	}
}

type discard struct{}

func (discard) Header() http.Header         { return http.Header{} }
func (discard) Write(p []byte) (int, error) { return len(p), nil }
func (discard) WriteHeader(int)             {}
