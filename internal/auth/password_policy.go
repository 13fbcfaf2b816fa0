package auth

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// MinPasswordLength is the shortest password accepted, in characters.
// Length does more for strength than forced symbols, and a sentence in
// Vietnamese is easy to remember.
const MinPasswordLength = 10

//go:embed common_passwords.txt
var commonPasswordsText string

var commonPasswords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonPasswordsText, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			m[strings.ToLower(line)] = true
		}
	}
	return m
})

// CheckPassword refuses passwords that are too short, too common, or the
// username itself, with a message for the person choosing it.
func CheckPassword(password, username string) error {
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return invalid("password", "auth.err.password_short", MinPasswordLength)
	}

	p := strings.ToLower(password)
	if username != "" && strings.Contains(p, strings.ToLower(username)) && len(p) < len(username)+6 {
		return invalid("password", "auth.err.password_username")
	}
	if isCommon(p) {
		return invalid("password", "auth.err.password_common")
	}
	if strings.Count(p, p[:1]) == len(p) {
		return invalid("password", "auth.err.password_repeated")
	}

	return nil
}

func isCommon(p string) bool {
	list := commonPasswords()
	if list[p] {
		return true
	}

	// "matkhau123!" and "admin123456@2024" are the listed ones in disguise.
	trimmed := strings.TrimRight(p, "!@#.*")
	if list[trimmed] {
		return true
	}

	if n := len(trimmed); n > 4 {
		if list[trimmed[:n-4]] && isDigits(trimmed[n-4:]) {
			return true
		}
	}

	return false
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
