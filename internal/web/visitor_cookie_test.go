package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

const officeBrowser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"

// cappedServer is the demo site counting with the caps serve has by
// default, on a clock the test moves.
func cappedServer(t testing.TB, db *store.DB, node string, now *time.Time) (http.Handler, *Server, *stats.Recorder) {
	t.Helper()
	s := newDemoServer(t, db)
	s.now = func() time.Time { return *now }
	rec := newRecorder(t, db, stats.RecorderConfig{SiteID: 1, Node: node, Now: s.now,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), VisitorsPerAddress: 300, ViewsPerAddress: 3000})
	s.stats = rec
	// Cached pages, as serve has: counting comes before the cache, and the
	// thousands of requests here then cost little.
	s.cache = newPageCache(32<<20, time.Hour, func() uint64 { return 0 })
	return s.Handler(), s, rec
}

// visit is one request: the answer and the visitor cookie it set, if any.
type visit struct {
	code   int
	body   string
	issued string // the ct_v value set, "" when none
}

func visitAs(h http.Handler, target, ua, cookie string, hdr ...string) visit {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("User-Agent", ua)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: visitorCookie, Value: cookie})
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	v := visit{code: w.Code, body: w.Body.String()}
	for _, c := range w.Result().Cookies() {
		if c.Name == visitorCookie {
			v.issued = c.Value
		}
	}
	return v
}

// counted is what the database holds after a flush.
type counted struct {
	visits, online, views int64
	keys                  map[string]bool // online_visitors keys
}

func readCounted(t *testing.T, db *store.DB, rec *stats.Recorder) counted {
	t.Helper()
	ctx := context.Background()
	if err := rec.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	c := counted{keys: map[string]bool{}}
	db.QueryRowContext(ctx, `SELECT COALESCE(SUM(visits), 0), COALESCE(SUM(views), 0) FROM stats_hourly`).Scan(&c.visits, &c.views)
	rows, err := db.QueryContext(ctx, `SELECT visitor_key FROM online_visitors`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		rows.Scan(&k)
		c.keys[k] = true
	}
	c.online = int64(len(c.keys))
	return c
}

// A forged visitor counts as a new visitor: 1,500 invented ct_v cookies
// from one address add at most the per-address cap to the visits and the
// online set, none of the invented ids becomes a visitor, and every page is
// still served.
func TestInventedVisitorCookiesAreCapped(t *testing.T) {
	t.Parallel()
	sign := newVisitorSigner(nil) // a key that is not the site's
	cases := []struct {
		name   string
		cookie func(i int) string // the invented value of the i-th request
		ua     func(i int) string
	}{
		{"invented ids, one browser", func(i int) string { return fmt.Sprintf("forged%016d", i) },
			func(int) string { return officeBrowser }},
		{"invented ids, a new User-Agent each", func(i int) string { return fmt.Sprintf("forged%016d", i) },
			func(i int) string { return fmt.Sprintf("%s/%d", officeBrowser, i) }},
		{"ids signed with another key, a new User-Agent each",
			func(i int) string { return sign.sign(fmt.Sprintf("forged%016d", i)) },
			func(i int) string { return fmt.Sprintf("%s/%d", officeBrowser, i) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			db := storetest.SQLite(t)
			now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
			h, s, rec := cappedServer(t, db, "test", &now)
			const requests = 1500
			for i := range requests {
				v := visitAs(h, "/", c.ua(i), c.cookie(i))
				if v.code != http.StatusOK {
					t.Fatalf("request %d: %d", i, v.code)
				}
				if _, ok := s.cookies.verify(v.issued); !ok {
					t.Fatalf("request %d: no fresh signed cookie (set %q)", i, v.issued)
				}
			}
			got := readCounted(t, db, rec)
			if got.visits > 300 || got.online > 300 {
				t.Errorf("%d invented cookies added %d visits and %d online, want at most the cap of 300",
					requests, got.visits, got.online)
			}
			for k := range got.keys {
				if strings.HasPrefix(k, "forged") {
					t.Fatalf("invented id %q is a visitor", k)
				}
			}
		})
	}
}

// A cookie this site did not sign, whatever its shape, is one cookieless
// visitor: counted by address and User-Agent, never as the id it claims,
// and given a fresh signed cookie.
func TestUnsignedVisitorCookiesAreCookieless(t *testing.T) {
	t.Parallel()
	const id = "claimedVisitorId000000"
	genuine := signedCookie(id)
	mac := genuine[len(id)+1:]
	flipped := "A"
	if mac[0] == 'A' {
		flipped = "B"
	}
	cases := []struct{ name, cookie string }{
		{"tampered signature", id + "." + flipped + mac[1:]},
		{"signature's last character altered", genuine[:len(genuine)-1] + string(genuine[len(genuine)-1]^1)},
		{"truncated cookie", genuine[:len(genuine)-1]},
		{"id without its signature", id + "."},
		{"old unsigned cookie", id},
		{"another id under this one's signature", "claimedVisitorId000001." + mac},
		{"garbage", "'; DROP TABLE articles; --"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			db := storetest.SQLite(t)
			now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
			h, s, rec := cappedServer(t, db, "test", &now)
			v := visitAs(h, "/", officeBrowser, c.cookie)
			fresh, ok := s.cookies.verify(v.issued)
			if v.code != http.StatusOK || !ok || fresh == id {
				t.Fatalf("status %d, cookie set %q: want 200 and a fresh signed cookie", v.code, v.issued)
			}
			// The same client again without keeping the cookie: still one
			// visitor, the cookieless one by address and User-Agent.
			visitAs(h, "/", officeBrowser, c.cookie)
			got := readCounted(t, db, rec)
			if got.visits != 1 || got.online != 1 || got.keys[id] || got.keys["claimedVisitorId000001"] {
				t.Errorf("visits %d, online %v: want one visitor who is not the claimed id", got.visits, got.keys)
			}
		})
	}
}

// A genuine signed cookie keeps its visitor across requests, and across
// two nodes that share the database and so its key.
func TestSignedVisitorCookieKeepsItsVisitor(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		key, err := stats.CookieKey(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		nodes := make([]http.Handler, 2)
		recs := make([]*stats.Recorder, 2)
		for i := range nodes {
			s := newServer(t, db)
			s.cookies = newVisitorSigner(key)
			s.now = func() time.Time { return now }
			recs[i] = newRecorder(t, db, stats.RecorderConfig{SiteID: 1, Node: fmt.Sprint("node", i), Now: s.now,
				Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			s.stats = recs[i]
			nodes[i] = s.Handler()
		}

		first := visitAs(nodes[0], "/", officeBrowser, "")
		id, ok := newVisitorSigner(key).verify(first.issued)
		if !ok {
			t.Fatalf("first page set %q, want a signed cookie", first.issued)
		}
		for i, n := range []int{0, 1, 0, 1} {
			now = now.Add(time.Minute)
			if v := visitAs(nodes[n], "/", officeBrowser, first.issued); v.code != 200 || v.issued != "" {
				t.Errorf("request %d on node %d: status %d, new cookie %q", i, n, v.code, v.issued)
			}
		}
		if err := recs[1].Flush(context.Background()); err != nil {
			t.Fatal(err)
		}
		got := readCounted(t, db, recs[0])
		if got.visits != 1 || got.views != 5 || !got.keys[id] || got.online != 1 {
			t.Errorf("visits %d views %d online %v; want 1 visit of 5 views by %s", got.visits, got.views, got.keys, id)
		}
	})
}

// An office of 200 real visitors behind one address, under the cap, all
// count, each from the cookie the site gave them.
func TestOfficeBehindOneAddressCounts(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	h, _, rec := cappedServer(t, db, "test", &now)
	const staff = 200
	for i := range staff {
		first := visitAs(h, "/", officeBrowser, "")
		if first.issued == "" {
			t.Fatalf("visitor %d got no cookie", i)
		}
		now = now.Add(time.Second)
		visitAs(h, referenceURL, officeBrowser, first.issued)
	}
	if got := readCounted(t, db, rec); got.visits != staff || got.online != staff {
		t.Errorf("visits %d, online %d; want %d each", got.visits, got.online, staff)
	}
}

// Behind a trusted proxy the cap counts the client's address, not the
// proxy's: two clients behind one proxy each have a cap of their own.
func TestCapCountsTheClientBehindAProxy(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	_, s, rec := cappedServer(t, db, "test", &now)
	s.cfg.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")} // httptest's RemoteAddr
	h := s.Handler()
	for _, client := range []string{"198.51.100.7", "203.0.113.50"} {
		for i := range 400 {
			visitAs(h, "/", fmt.Sprintf("%s/%d", officeBrowser, i), "", "X-Forwarded-For", client)
		}
	}
	if got := readCounted(t, db, rec); got.visits != 600 || got.online != 600 {
		t.Errorf("visits %d, online %d; want 300 for each client", got.visits, got.online)
	}
}

// The same visitor reading one article ten times within a visit adds one
// view of it; after the visit's half hour, one more.
func TestRepeatedArticleViewsCountOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		h, _, rec := cappedServer(t, db, "test", &now)
		hits := func() int64 {
			var n int64
			if err := rec.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			db.QueryRowContext(ctx, `SELECT hits FROM articles WHERE id = 1`).Scan(&n)
			return n
		}
		reader := visitAs(h, "/", officeBrowser, "").issued
		hits0 := hits()
		steps := []struct {
			name  string
			after time.Duration
			views int
			want  int64
		}{
			{"ten views in the window add one", 0, 10, 1},
			{"more before the half hour is out add none", 29 * time.Minute, 5, 1},
			{"after the window one more", 31 * time.Minute, 10, 2},
		}
		start := now
		for _, st := range steps {
			t.Run(st.name, func(t *testing.T) {
				now = start.Add(st.after)
				for range st.views {
					if v := visitAs(h, referenceURL, officeBrowser, reader); v.code != 200 {
						t.Fatalf("article: %d", v.code)
					}
				}
				if got := hits() - hits0; got != st.want {
					t.Errorf("article views grew by %d, want %d", got, st.want)
				}
			})
		}
	})
}
