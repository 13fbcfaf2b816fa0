package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the search key without diacritics: the text in lower case
// with every combining mark removed, so "Đảng", "đang" and "DANG" all
// become "dang". Base letters survive (ư→u, ơ→o, ă and â→a, ê→e, ô→o),
// đ and Đ become d, and characters that are not letters are kept.
//
// The result equals what NFC, lower-casing, NFD and dropping marks would
// give, but Fold works one character at a time from precomputed tables,
// because it runs over every article when the search index is rebuilt.
// Text that is already lower-case ASCII is returned without copying.
// Invalid UTF-8 bytes become U+FFFD, as in NFC.
//
// Besides nonspacing and enclosing marks, Fold drops every character with
// a non-zero canonical combining class. Such characters are the only
// ones normalisation may reorder, so dropping them makes the key the same
// for every canonically equivalent spelling.
func Fold(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			break
		}
		i++
	}

	if i == len(s) {
		return s
	}

	var b strings.Builder
	b.Grow(len(s))
	start := 0 // beginning of the pending run of bytes that fold to themselves
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteString(s[start:i])
				b.WriteByte(c + 'a' - 'A')
				start = i + 1
			}

			i++
			continue
		}

		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[start:i])
		if f, ok := foldTable(r); ok {
			b.WriteString(f)
		} else {
			var buf [32]byte
			b.Write(appendFoldSlow(buf[:0], r))
		}

		i += size
		start = i
	}

	b.WriteString(s[start:])
	return b.String()
}

// AppendFold appends Fold(s) to dst and returns the extended slice: the
// same key without allocating, for a caller that folds many short words
// into one buffer (the search highlighter folds every word of a text).
func AppendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}

			dst = append(dst, c)
			i++
			continue
		}

		r, size := utf8.DecodeRuneInString(s[i:])
		dst = appendFoldRune(dst, r)
		i += size
	}
	return dst
}

// The tables cover Latin-1, Latin Extended-A and -B, the combining
// diacritics block and Latin Extended Additional: every character of
// Vietnamese text, precomposed or decomposed, is one array index away.
const (
	foldLatinLo = 0x80
	foldLatinHi = 0x370
	foldExtLo   = 0x1E00
	foldExtHi   = 0x1F00
)

var (
	foldLatin [foldLatinHi - foldLatinLo]string
	foldExt   [foldExtHi - foldExtLo]string
)

func init() {
	for r := rune(foldLatinLo); r < foldLatinHi; r++ {
		foldLatin[r-foldLatinLo] = string(appendFoldSlow(nil, r))
	}
	for r := rune(foldExtLo); r < foldExtHi; r++ {
		foldExt[r-foldExtLo] = string(appendFoldSlow(nil, r))
	}
}

func foldTable(r rune) (string, bool) {
	switch {
	case r >= foldLatinLo && r < foldLatinHi:
		return foldLatin[r-foldLatinLo], true
	case r >= foldExtLo && r < foldExtHi:
		return foldExt[r-foldExtLo], true
	}
	return "", false
}

// appendFoldRune appends the folded form of one non-ASCII rune.
func appendFoldRune(dst []byte, r rune) []byte {
	if f, ok := foldTable(r); ok {
		return append(dst, f...)
	}
	return appendFoldSlow(dst, r)
}

// appendFoldSlow is the definition the tables are built from. It lowers
// first and decomposes second: the lower-case letter's decomposition is
// guaranteed to start with a lower-case base, the reverse is not.
func appendFoldSlow(dst []byte, r rune) []byte {
	r = unicode.ToLower(r)
	if r == 'đ' {
		// Unicode gives đ no decomposition (the bar is part of the
		// letter), yet every Vietnamese reader treats it as a d.
		return append(dst, 'd')
	}

	if isHangulSyllable(r) {
		return appendHangulJamo(dst, r)
	}

	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	p := norm.NFD.Properties(buf[:n])
	d := p.Decomposition()
	if d == nil {
		if keepInFold(r, p.CCC()) {
			dst = append(dst, buf[:n]...)
		}
		return dst
	}

	for len(d) > 0 {
		q := norm.NFD.Properties(d)
		size := q.Size()
		c, _ := utf8.DecodeRune(d)
		if keepInFold(c, q.CCC()) {
			dst = append(dst, d[:size]...)
		}

		d = d[size:]
	}

	return dst
}

// keepInFold reports whether a decomposed character survives folding.
// Spacing marks (Mc, ccc 0) stay: in Indic scripts they are the vowels of
// the word, not decoration.
func keepInFold(r rune, ccc uint8) bool {
	return ccc == 0 && !unicode.In(r, unicode.Mn, unicode.Me)
}
