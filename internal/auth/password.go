// Package auth holds the newsroom's accounts: users and roles, password
// hashing, sessions and login throttling. It knows the database, never HTTP.
package auth

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/bcrypt"
)

// Argon2id parameters for new hashes: the OWASP recommendation of 19 MiB,
// two passes, one lane, which keeps a login well under a second on the
// department's small server while making each guess costly.
const (
	argonMemory  = 19 * 1024
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// ErrUnknownHash is returned for a stored hash whose format congtin does
// not know; the importer reports such accounts.
var ErrUnknownHash = errors.New("unknown password hash format")

// HashPassword returns an argon2id hash of password in the PHC string form
// ($argon2id$v=19$m=...,t=...,p=...$salt$key).
func HashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// VerifyPassword reports whether password matches hash. It accepts congtin's
// own argon2id hashes and every format a Joomla site may hold (bcrypt
// $2y$, phpass $P$, {SHA256}, md5 with and without salt, argon2i/argon2id):
// imported users keep their passwords. rehash is true when the hash is
// not congtin's current argon2id form, so the caller replaces it after a
// successful login.
func VerifyPassword(hash, password string) (ok, rehash bool, err error) {
	switch {
	case strings.HasPrefix(hash, "$argon2id$"), strings.HasPrefix(hash, "$argon2i$"):
		ok, current, err := verifyArgon2(hash, password)
		return ok, !current, err
	case strings.HasPrefix(hash, "$2y$"), strings.HasPrefix(hash, "$2a$"), strings.HasPrefix(hash, "$2b$"):
		err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(password))
		if errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
			return false, true, nil
		}

		return err == nil, true, err
	case strings.HasPrefix(hash, "$P$"), strings.HasPrefix(hash, "$H$"):
		ok, err := verifyPHPass(hash, password)
		return ok, true, err
	case strings.HasPrefix(hash, "{SHA256}"):
		hexPart, salt, _ := strings.Cut(strings.TrimPrefix(hash, "{SHA256}"), ":")
		sum := sha256.Sum256([]byte(password + salt))
		return equalHex(hexPart, sum[:]), true, nil
	case isMD5Form(hash):
		hexPart, salt, _ := strings.Cut(hash, ":")
		sum := md5.Sum([]byte(password + salt))
		return equalHex(hexPart, sum[:]), true, nil
	}
	return false, false, ErrUnknownHash
}

// KnownHashFormat reports whether VerifyPassword can check hash.
func KnownHashFormat(hash string) bool {
	_, _, err := VerifyPassword(hash, "")
	return !errors.Is(err, ErrUnknownHash)
}

func equalHex(hexPart string, sum []byte) bool {
	want, err := hex.DecodeString(strings.ToLower(hexPart))
	return err == nil && subtle.ConstantTimeCompare(want, sum) == 1
}

// isMD5Form matches "<32 hex>" and "<32 hex>:<salt>", Joomla 1.0-3.2's forms.
func isMD5Form(hash string) bool {
	hexPart, _, _ := strings.Cut(hash, ":")
	if len(hexPart) != 32 {
		return false
	}
	_, err := hex.DecodeString(hexPart)
	return err == nil
}

func verifyArgon2(hash, password string) (ok, current bool, err error) {
	// $argon2id$v=19$m=65536,t=4,p=1$<salt>$<key>
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[2] != "v="+strconv.Itoa(argon2.Version) {
		return false, false, fmt.Errorf("%w: malformed argon2 hash", ErrUnknownHash)
	}

	var m, t uint32
	var p uint8
	_, err = fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p)
	if err != nil || m == 0 || t == 0 || p == 0 || m > 1<<22 || t > 64 {
		return false, false, fmt.Errorf("%w: argon2 parameters %q", ErrUnknownHash, parts[3])
	}

	enc := base64.RawStdEncoding
	salt, err1 := enc.DecodeString(parts[4])
	key, err2 := enc.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(key) == 0 || len(key) > 1024 {
		return false, false, fmt.Errorf("%w: argon2 salt or key", ErrUnknownHash)
	}

	var got []byte
	if parts[1] == "argon2id" {
		got = argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(key)))
	} else {
		got = argon2.Key([]byte(password), salt, t, m, p, uint32(len(key)))
	}

	ok = subtle.ConstantTimeCompare(got, key) == 1
	current = parts[1] == "argon2id" && m == argonMemory && t == argonTime && p == argonThreads
	return ok, current, nil
}

// phpassAlphabet is the base-64 alphabet of the phpass portable hash
// (used by Joomla 2.5.18+ and 3.2.1+ before bcrypt).
const phpassAlphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// verifyPHPass checks a portable phpass hash: $P$, one character for the
// log2 of the round count, eight of salt, then 22 of the MD5 chain.
func verifyPHPass(hash, password string) (bool, error) {
	if len(hash) != 34 {
		return false, fmt.Errorf("%w: phpass hash of length %d", ErrUnknownHash, len(hash))
	}

	log2 := strings.IndexByte(phpassAlphabet, hash[3])
	if log2 < 7 || log2 > 30 {
		return false, fmt.Errorf("%w: phpass round count", ErrUnknownHash)
	}

	salt := hash[4:12]
	sum := md5.Sum([]byte(salt + password))
	for i := 0; i < 1<<log2; i++ {
		sum = md5.Sum(append(sum[:], password...))
	}

	got := hash[:12] + phpassEncode(sum[:])
	return subtle.ConstantTimeCompare([]byte(got), []byte(hash)) == 1, nil
}

// phpassEncode is phpass's own little-endian base-64 of 16 bytes.
func phpassEncode(src []byte) string {
	var b strings.Builder
	for i := 0; i < len(src); {
		v := uint(src[i])
		i++
		b.WriteByte(phpassAlphabet[v&0x3f])
		if i < len(src) {
			v |= uint(src[i]) << 8
		}

		b.WriteByte(phpassAlphabet[(v>>6)&0x3f])
		if i >= len(src) {
			break
		}

		i++
		if i < len(src) {
			v |= uint(src[i]) << 16
		}

		b.WriteByte(phpassAlphabet[(v>>12)&0x3f])
		if i >= len(src) {
			break
		}

		i++
		b.WriteByte(phpassAlphabet[(v>>18)&0x3f])
	}

	return b.String()
}
