package auth

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func TestHashAndVerify(t *testing.T) {
	for _, pw := range []string{"mật khẩu Đảng bộ 2015", "x", "correct horse battery staple"} {
		h, err := HashPassword(pw)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
			t.Fatalf("hash %q is not argon2id with our parameters", h)
		}
		ok, rehash, err := VerifyPassword(h, pw)
		if !ok || rehash || err != nil {
			t.Errorf("own hash: ok=%v rehash=%v err=%v", ok, rehash, err)
		}
		if ok, _, _ := VerifyPassword(h, pw+"!"); ok {
			t.Error("wrong password accepted")
		}
		h2, _ := HashPassword(pw)
		if h2 == h {
			t.Error("two hashes of one password are equal: salt not random")
		}
	}
}

func md5hex(s string) string    { s2 := md5.Sum([]byte(s)); return hex.EncodeToString(s2[:]) }
func sha256hex(s string) string { s2 := sha256.Sum256([]byte(s)); return hex.EncodeToString(s2[:]) }

// TestJoomlaFormats: every hash format a Joomla site may hold verifies the
// right password, refuses a wrong one and asks for a re-hash.
func TestJoomlaFormats(t *testing.T) {
	bc, _ := bcrypt.GenerateFromPassword([]byte("Hải Dương 2015"), bcrypt.MinCost)
	bcrypt2y := "$2y$" + string(bc)[4:]
	tests := []struct {
		name, hash, password string
	}{
		{"bcrypt $2y$ (Joomla 3.3+, 4, 5)", bcrypt2y, "Hải Dương 2015"},
		{"md5 with salt (Joomla 1.5-3.2)", md5hex("matkhau"+"AbCdEfGhIjKlMnOpQrStUvWxYz012345") + ":AbCdEfGhIjKlMnOpQrStUvWxYz012345", "matkhau"},
		{"plain md5 (Mambo, Joomla 1.0)", md5hex("admin123"), "admin123"},
		{"upper-case md5", strings.ToUpper(md5hex("admin123")), "admin123"},
		{"{SHA256} with salt (Joomla 3.2)", "{SHA256}" + sha256hex("bí mật"+"s4lt") + ":s4lt", "bí mật"},
		// The phpass project's own published example hash of "test12345".
		{"phpass $P$ (Joomla 2.5.18+, 3.2.1+)", "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0", "test12345"},
		{"argon2i (Joomla 3.9+ when configured)", "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA", "password"},
	}
	for _, tt := range tests {
		ok, rehash, err := VerifyPassword(tt.hash, tt.password)
		if !ok || err != nil {
			t.Errorf("%s: right password: ok=%v err=%v", tt.name, ok, err)
		}
		if !rehash {
			t.Errorf("%s: no re-hash asked for", tt.name)
		}
		if ok, _, _ := VerifyPassword(tt.hash, tt.password+"x"); ok {
			t.Errorf("%s: wrong password accepted", tt.name)
		}
		if !KnownHashFormat(tt.hash) {
			t.Errorf("%s: format not known", tt.name)
		}
	}
}

func TestUnknownAndMalformedHashes(t *testing.T) {
	for _, h := range []string{"", "plaintext", "$1$abc$def", "$argon2id$v=19$m=0,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=99999999,t=1,p=1$AAAA$AAAA",
		"$P$short", "$P$!IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0", "zz" + strings.Repeat("0", 30)} {
		ok, _, err := VerifyPassword(h, "")
		if ok || err == nil {
			t.Errorf("hash %q: ok=%v err=%v, want a refusal with an error", h, ok, err)
		}
	}
}
