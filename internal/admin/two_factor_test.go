package admin

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

var (
	secretOnPage    = regexp.MustCompile(`<code>([A-Z2-7]{16,})</code>`)
	recoveryOnPage  = regexp.MustCompile(`<code>([a-z2-7]{5}-[a-z2-7]{5})</code>`)
	challengeOnPage = regexp.MustCompile(`name="thu-thach" value="([^"]+)"`)
)

// turnOnTwoFactor sets two-factor sign-in up for c's user through the
// account page and returns the secret and the recovery codes shown.
func turnOnTwoFactor(t *testing.T, c *client) (string, []string) {
	t.Helper()
	c.post("/quan-tri/tai-khoan/hai-buoc/bat", url.Values{"csrf": {c.csrf}})
	_, page := c.get("/quan-tri/tai-khoan")
	m := secretOnPage.FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, "otpauth://totp/") {
		t.Fatal("no secret and otpauth address on the account page")
	}
	if strings.Contains(page, "<img") {
		t.Error("the account page loads a picture for the secret")
	}

	code, _ := totp.GenerateCode(m[1], time.Now())
	res, page := c.post("/quan-tri/tai-khoan/hai-buoc/xac-nhan", url.Values{"csrf": {c.csrf}, "code": {code}})
	if res.StatusCode != http.StatusOK {
		t.Fatalf("confirm: %d", res.StatusCode)
	}
	var recovery []string
	for _, r := range recoveryOnPage.FindAllStringSubmatch(page, -1) {
		recovery = append(recovery, r[1])
	}
	return m[1], recovery
}

// passwordStep logs in with the password and returns the challenge of the
// code form.
func passwordStep(t *testing.T, f *fixture, username string) (*client, string) {
	t.Helper()
	c := f.client(t)
	res, page := c.post("/quan-tri/dang-nhap", url.Values{"username": {username}, "password": {pw}})
	m := challengeOnPage.FindStringSubmatch(page)
	if res.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("password step: %d, want the code form", res.StatusCode)
	}
	if cookieOf(t, c, CookieName) != "" {
		t.Error("a session cookie after the password alone")
	}
	return c, m[1]
}

func TestTwoFactorThroughTheNewsroom(t *testing.T) {
	cases := []struct {
		name string
		run  func(t *testing.T, f *fixture)
	}{
		{"a user turns it on and then signs in with a code", func(t *testing.T, f *fixture) {
			secret, recovery := turnOnTwoFactor(t, f.login(t, "phongvien"))
			if len(recovery) != 10 {
				t.Fatalf("%d recovery codes shown, want 10", len(recovery))
			}

			c, challenge := passwordStep(t, f, "phongvien")
			res, _ := c.post("/quan-tri/dang-nhap/ma", url.Values{"thu-thach": {challenge}, "code": {"000000"}})
			if res.StatusCode != http.StatusUnauthorized {
				t.Errorf("wrong code: %d, want %d", res.StatusCode, http.StatusUnauthorized)
			}
			// The next step's code: the one that confirmed may not serve again.
			code, _ := totp.GenerateCode(secret, time.Now().Add(30*time.Second))
			res, _ = c.post("/quan-tri/dang-nhap/ma", url.Values{"thu-thach": {challenge}, "code": {code}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("right code: %d, want %d", res.StatusCode, http.StatusSeeOther)
			}
			if res, _ := c.get("/quan-tri/"); res.StatusCode != http.StatusOK {
				t.Errorf("after the second step: %d", res.StatusCode)
			}

			c, challenge = passwordStep(t, f, "phongvien")
			res, _ = c.post("/quan-tri/dang-nhap/ma", url.Values{"thu-thach": {challenge}, "code": {recovery[0]}})
			if res.StatusCode != http.StatusSeeOther {
				t.Errorf("recovery code: %d, want %d", res.StatusCode, http.StatusSeeOther)
			}
		}},
		{"a role that must use it is sent to set it up", func(t *testing.T, f *fixture) {
			admin := f.login(t, "admin")
			admin.post("/quan-tri/tai-khoan/hai-buoc/vai-tro", url.Values{"csrf": {admin.csrf}, "role": {"editor"}})

			editor := f.login(t, "bientap")
			res, _ := editor.get("/quan-tri/")
			if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/quan-tri/tai-khoan" {
				t.Errorf("editor without it: %d %s, want sent to the account page", res.StatusCode,
					res.Header.Get("Location"))
			}
			res, _ = editor.post("/quan-tri/bai-viet/moi", formOf("Bài", f.cat))
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("editor without it saving: %d, want %d", res.StatusCode, http.StatusForbidden)
			}
			if res, _ := admin.get("/quan-tri/"); res.StatusCode != http.StatusOK {
				t.Errorf("admin, whose role is not required: %d", res.StatusCode)
			}

			turnOnTwoFactor(t, editor)
			if res, _ := editor.get("/quan-tri/"); res.StatusCode != http.StatusOK {
				t.Errorf("editor with it on: %d", res.StatusCode)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				tc.run(t, newFixture(t, db))
			})
		})
	}
}
