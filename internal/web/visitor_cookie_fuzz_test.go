package web

import (
	"bytes"
	"testing"
)

// visitorCookieSeeds are the shapes TestUnsignedVisitorCookiesAreCookieless
// sends, around one genuine cookie.
func visitorCookieSeeds() []string {
	const id = "claimedVisitorId000000"
	genuine := signedCookie(id)
	mac := genuine[len(id)+1:]
	return []string{
		genuine,
		id + ".A" + mac[1:],
		genuine[:len(genuine)-1] + string(genuine[len(genuine)-1]^1),
		genuine[:len(genuine)-1],
		id + ".",
		id,
		"claimedVisitorId000001." + mac,
		newVisitorSigner(bytes.Repeat([]byte{1}, 32)).sign(id),
		"'; DROP TABLE articles; --",
		"",
		"claimedVisitorId00000=.aaaaaaaaaaaaaaaaaaaaaa",
		"claimedVisitorId000000.aaaaaaaaaaaaaaaaaaaa==",
	}
}

// FuzzVisitorCookieVerify holds the visitor cookie to its one promise: a
// value is believed only if it is exactly what this site signs for the id
// it carries; anything else, another key's cookie included, is not.
func FuzzVisitorCookieVerify(f *testing.F) {
	for _, s := range visitorCookieSeeds() {
		f.Add(s)
	}
	site := newVisitorSigner(testVisitorKey)
	other := newVisitorSigner(bytes.Repeat([]byte{1}, 32))
	f.Fuzz(func(t *testing.T, value string) {
		id, ok := site.verify(value)
		if !ok {
			if id != "" {
				t.Fatalf("verify(%q) refused but gave id %q", value, id)
			}
			return
		}

		if !validVisitorID(id) {
			t.Fatalf("verify(%q) believed id %q, not one this site issues", value, id)
		}
		if signed := site.sign(id); signed != value {
			t.Fatalf("verify(%q) believed a value this site signs as %q", value, signed)
		}
		if _, ok := other.verify(value); ok {
			t.Fatalf("verify(%q) believed under two keys", value)
		}
	})
}

// FuzzVisitorCookieRoundTrip holds sign and verify together: every id the
// site issues comes back from its own cookie, and changing any one byte of
// that cookie makes it a stranger's.
func FuzzVisitorCookieRoundTrip(f *testing.F) {
	f.Add("claimedVisitorId000000", uint8(0), byte('B'))
	f.Add("claimedVisitorId000000", uint8(44), byte(1))
	f.Add("AAAAAAAAAAAAAAAAAAAAAA", uint8(22), byte('_'))
	f.Add("-_-_-_-_-_-_-_-_-_-_-_", uint8(30), byte('='))
	site := newVisitorSigner(testVisitorKey)
	f.Fuzz(func(t *testing.T, id string, at uint8, b byte) {
		if !validVisitorID(id) {
			if _, ok := site.verify(site.sign(id)); ok {
				t.Fatalf("id %q this site never issues verified", id)
			}
			return
		}

		cookie := site.sign(id)
		if len(cookie) != visitorCookieLength {
			t.Fatalf("sign(%q) = %q, %d characters", id, cookie, len(cookie))
		}
		if got, ok := site.verify(cookie); !ok || got != id {
			t.Fatalf("verify(sign(%q)) = %q, %v", id, got, ok)
		}

		altered := []byte(cookie)
		i := int(at) % len(altered)
		if altered[i] == b {
			return
		}
		altered[i] = b
		if got, ok := site.verify(string(altered)); ok {
			t.Fatalf("cookie %q altered at %d to %q verified as %q", cookie, i, altered, got)
		}
	})
}
