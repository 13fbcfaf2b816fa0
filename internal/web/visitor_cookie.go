package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// A visitor cookie is the visitor's id, a dot and a MAC of the id, so only
// ids this site issued are believed: an invented or altered cookie counts
// as a visitor without one. The MAC is HMAC-SHA256 cut to 16 bytes, which
// keeps the cookie at 45 characters and still leaves 2^128 guesses.
const (
	visitorMACLen       = 16
	visitorMACTextLen   = 22 // 16 bytes in unpadded base64url
	visitorCookieLength = visitorCookieLen + 1 + visitorMACTextLen
)

// visitorSigner signs and checks visitor cookies with the site's key
// (stats.CookieKey), which every node shares.
type visitorSigner struct {
	key []byte
}

// newVisitorSigner signs with key; an empty key gets one for this process
// only, as tests need: cookies it signed are not believed after a restart.
func newVisitorSigner(key []byte) visitorSigner {
	if len(key) == 0 {
		key = make([]byte, 32)
		rand.Read(key) // never fails (crypto/rand panics rather than return short)
	}
	return visitorSigner{key: key}
}

func (s visitorSigner) mac(id string) []byte {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(id))
	return m.Sum(nil)[:visitorMACLen]
}

// sign returns the cookie value for a visitor id.
func (s visitorSigner) sign(id string) string {
	return id + "." + base64.RawURLEncoding.EncodeToString(s.mac(id))
}

// verify returns the visitor id a cookie value carries, and whether its
// MAC is the one this site made. An unsigned cookie from before cookies
// were signed fails like a forged one.
func (s visitorSigner) verify(value string) (string, bool) {
	if len(value) != visitorCookieLength {
		return "", false
	}
	id, sig, ok := strings.Cut(value, ".")
	if !ok || !validVisitorID(id) {
		return "", false
	}
	// The text is compared, not the decoded bytes: base64 ignores the
	// last character's spare bits, so decoding would accept altered text.
	want := base64.RawURLEncoding.EncodeToString(s.mac(id))
	if !hmac.Equal([]byte(sig), []byte(want)) {
		return "", false
	}
	return id, true
}
