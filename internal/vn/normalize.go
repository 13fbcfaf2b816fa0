package vn

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C, the one form the portal
// stores and compares.
//
// Decomposed input (NFD) and the "Unicode tổ hợp" produced by legacy
// Windows keyboards (a precomposed vowel followed by a combining tone
// mark) both compose to the same precomposed characters, so the three
// spellings of a word become byte-identical.
//
// Every byte that is not part of valid UTF-8 becomes U+FFFD, because
// imported content is sometimes cut mid-character or still in an 8-bit
// code page, and downstream code (templates, JSON, the database) must
// never see invalid UTF-8.
func NFC(s string) string {
	if isPlainNFC(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = replaceInvalid(s)
	}
	return norm.NFC.String(s)
}

// isPlainNFC is a shortcut for ordinary Vietnamese text, which x/text's
// general quick check scans several times slower than this loop. It
// reports true when every rune is valid and comes from ranges holding
// only characters that are already NFC, have combining class 0 and never
// compose with a character before them; a string of such runes is NFC.
// Anything else (including every combining mark) gets the full check.
func isPlainNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}

		r, size := utf8.DecodeRuneInString(s[i:])
		if !nfcInert(r) {
			return false
		}

		i += size
	}
	return true
}

// nfcInert covers Latin-1, Latin Extended-A and -B with the spacing
// modifier letters, Latin Extended Additional (all precomposed Vietnamese
// letters) and General Punctuation (curly quotes, dashes, ellipsis),
// less the two spaces there that NFC replaces. RuneError is excluded so
// that invalid bytes take the slow path.
func nfcInert(r rune) bool {
	switch {
	case r >= 0x80 && r < 0x300:
		return true
	case r >= 0x1E00 && r < 0x1F00:
		return true
	case r >= 0x2002 && r < 0x2070:
		return true
	}
	return false
}

// replaceInvalid substitutes U+FFFD for each byte that does not begin a
// valid UTF-8 sequence. It works per byte, not per run as
// strings.ToValidUTF8 does, so that it agrees with a range loop, and so
// Fold (which decodes rune by rune) and NFC see the same characters.
func replaceInvalid(s string) string {
	b := make([]byte, 0, len(s)+8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = utf8.AppendRune(b, utf8.RuneError)
		} else {
			b = append(b, s[i:i+size]...)
		}

		i += size
	}

	return string(b)
}
