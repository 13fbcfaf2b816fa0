package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"hash"
	"io"
	"strings"
	"sync"
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
// (stats.CookieKey), which every node shares. Every page view checks one,
// cached pages included, so the HMAC states are pooled and the MAC is
// made in buffers on the stack: no allocation per request.
type visitorSigner struct {
	key  []byte
	macs *sync.Pool // of hash.Hash, keyed HMAC-SHA256 states
}

// newVisitorSigner signs with key; an empty key gets one for this process
// only, as tests need: cookies it signed are not believed after a restart.
func newVisitorSigner(key []byte) visitorSigner {
	if len(key) == 0 {
		key = make([]byte, 32)
		rand.Read(key) // never fails (crypto/rand panics rather than return short)
	}
	macs := &sync.Pool{New: func() any { return hmac.New(sha256.New, key) }}
	return visitorSigner{key: key, macs: macs}
}

// macText writes the base64url text of id's MAC into out and returns it.
func (s visitorSigner) macText(id string, out *[visitorMACTextLen]byte) []byte {
	m := s.macs.Get().(hash.Hash)
	m.Reset()
	io.WriteString(m, id)
	var sum [sha256.Size]byte
	m.Sum(sum[:0])
	s.macs.Put(m)

	base64.RawURLEncoding.Encode(out[:], sum[:visitorMACLen])
	return out[:]
}

// sign returns the cookie value for a visitor id.
func (s visitorSigner) sign(id string) string {
	var text [visitorMACTextLen]byte
	return id + "." + string(s.macText(id, &text))
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
	var want [visitorMACTextLen]byte
	if subtle.ConstantTimeCompare([]byte(sig), s.macText(id, &want)) != 1 {
		return "", false
	}
	return id, true
}
