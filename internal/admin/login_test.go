package admin

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestBlockedAccountGetsTheAnswerOfAWrongPassword(t *testing.T) {
	orders := []struct {
		name      string
		passwords []string
	}{
		{"right password first", []string{pw, "sai mật khẩu"}},
		{"wrong password first", []string{"sai mật khẩu", pw}},
	}
	for _, order := range orders {
		t.Run(order.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				f := newFixture(t, db)
				if err := f.users.UpdateUser(t.Context(), db, f.ids["phongvien"],
					auth.UserChange{Role: auth.RoleWriter, Blocked: true}); err != nil {
					t.Fatal(err)
				}

				anon := f.client(t)
				var statuses []int
				var bodies []string
				for _, password := range order.passwords {
					res, body := anon.post("/quan-tri/dang-nhap",
						url.Values{"username": {"phongvien"}, "password": {password}})
					statuses = append(statuses, res.StatusCode)
					bodies = append(bodies, body)
				}

				if statuses[0] != http.StatusUnauthorized || statuses[1] != statuses[0] {
					t.Errorf("statuses %v, want both %d", statuses, http.StatusUnauthorized)
				}
				if line, ok := firstDifference(bodies[0], bodies[1]); ok {
					t.Errorf("the right and the wrong password got different pages, first at: %s", line)
				}
			})
		})
	}
}

// firstDifference returns the first line where two pages differ, as
// "first | second".
func firstDifference(a, b string) (string, bool) {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return strings.TrimSpace(x) + " | " + strings.TrimSpace(y), true
		}
	}
	return "", false
}

func sessionRows(t *testing.T, db *store.DB, userID int64) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(t.Context(), `SELECT count(*) FROM sessions WHERE user_id = $1`,
		userID).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPasswordChangeLeavesOneSession(t *testing.T) {
	refused := []struct {
		name string
		form url.Values
	}{
		{"wrong current password", url.Values{"current": {"sai mật khẩu"}, "new": {"Mật khẩu mới rất dài"},
			"confirm": {"Mật khẩu mới rất dài"}}},
		{"new passwords that differ", url.Values{"current": {pw}, "new": {"Mật khẩu mới rất dài"},
			"confirm": {"Mật khẩu mới khác"}}},
		{"new password too weak", url.Values{"current": {pw}, "new": {"123"}, "confirm": {"123"}}},
	}
	for _, tc := range refused {
		t.Run("a refused change leaves no session row: "+tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				f := newFixture(t, db)
				c := f.login(t, "phongvien")
				id := f.ids["phongvien"]

				tc.form.Set("csrf", c.csrf)
				res, _ := c.post("/quan-tri/tai-khoan/mat-khau", tc.form)

				if res.StatusCode != http.StatusUnprocessableEntity {
					t.Errorf("status %d, want %d", res.StatusCode, http.StatusUnprocessableEntity)
				}
				if n := sessionRows(t, db, id); n != 1 {
					t.Errorf("%d session rows after a refused change, want 1", n)
				}
				if res, _ := c.get("/quan-tri/"); res.StatusCode != http.StatusOK {
					t.Errorf("session after a refused change: %d", res.StatusCode)
				}
			})
		})
	}

	t.Run("a change rotates the session once and ends the others", func(t *testing.T) {
		t.Parallel()
		storetest.Each(t, func(t *testing.T, db *store.DB) {
			f := newFixture(t, db)
			other := f.login(t, "phongvien")
			c := f.login(t, "phongvien")
			id := f.ids["phongvien"]
			before := cookieOf(t, c, CookieName)

			res, _ := c.post("/quan-tri/tai-khoan/mat-khau", url.Values{"csrf": {c.csrf}, "current": {pw},
				"new": {"Mật khẩu mới rất dài"}, "confirm": {"Mật khẩu mới rất dài"}})

			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("status %d, want %d", res.StatusCode, http.StatusSeeOther)
			}
			if n := sessionRows(t, db, id); n != 1 {
				t.Errorf("%d session rows after the change, want 1", n)
			}
			if after := cookieOf(t, c, CookieName); after == before {
				t.Error("the session token was not replaced")
			}
			if res, _ := c.get("/quan-tri/"); res.StatusCode != http.StatusOK {
				t.Errorf("this browser after the change: %d, want %d", res.StatusCode, http.StatusOK)
			}
			if res, _ := other.get("/quan-tri/"); res.StatusCode != http.StatusSeeOther {
				t.Errorf("another browser after the change: %d, want a redirect to the login", res.StatusCode)
			}
		})
	})
}

func cookieOf(t *testing.T, c *client, name string) string {
	t.Helper()
	u, err := url.Parse(c.base + Prefix)
	if err != nil {
		t.Fatal(err)
	}
	for _, ck := range c.hc.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

func TestFlashCookieIsSecureOverHTTPS(t *testing.T) {
	cases := []struct {
		name    string
		cfg     Config
		request func() *http.Request
		secure  bool
	}{
		{"plain HTTP", Config{SiteID: 1}, func() *http.Request {
			return httptest.NewRequest(http.MethodPost, "/quan-tri/", nil)
		}, false},
		{"TLS", Config{SiteID: 1}, func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/quan-tri/", nil)
			r.TLS = &tls.ConnectionState{}
			return r
		}, true},
		{"secure cookies configured", Config{SiteID: 1, SecureCookies: true}, func() *http.Request {
			return httptest.NewRequest(http.MethodPost, "/quan-tri/", nil)
		}, true},
		{"HTTPS at a trusted proxy", Config{SiteID: 1,
			TrustedProxies: []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}}, func() *http.Request {
			r := httptest.NewRequest(http.MethodPost, "/quan-tri/", nil)
			r.Header.Set("X-Forwarded-Proto", "https")
			return r
		}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := New(tc.cfg, Deps{})
			if err != nil {
				t.Fatal(err)
			}
			w := httptest.NewRecorder()

			if err := s.redirect(w, tc.request(), "/quan-tri/", "Đã lưu."); err != nil {
				t.Fatal(err)
			}

			cookies := w.Result().Cookies()
			if len(cookies) != 1 || cookies[0].Name != "ct_flash" {
				t.Fatalf("cookies %v, want ct_flash", cookies)
			}
			if cookies[0].Secure != tc.secure {
				t.Errorf("ct_flash Secure = %t, want %t", cookies[0].Secure, tc.secure)
			}

			// The page that shows the message clears the cookie, the same way.
			r := tc.request()
			r.AddCookie(&http.Cookie{Name: "ct_flash", Value: "x"})
			p := s.newPage(r, "")
			p.Data = map[string]string{"Next": Prefix}
			w = httptest.NewRecorder()
			if err := s.render(w, http.StatusOK, "login", p); err != nil {
				t.Fatal(err)
			}
			cookies = w.Result().Cookies()
			if len(cookies) != 1 || cookies[0].MaxAge >= 0 || cookies[0].Secure != tc.secure {
				t.Errorf("clearing cookies %v, want ct_flash cleared with Secure = %t", cookies, tc.secure)
			}
		})
	}
}
