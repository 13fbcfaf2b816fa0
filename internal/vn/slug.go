package vn

import "unicode/utf8"

// slugMaxLen caps slugs so URLs stay readable and fit the column that
// stores them; 80 bytes holds the first dozen words of a headline.
const slugMaxLen = 80

// Slug returns an ASCII URL path segment for a title: the folded text
// (see Fold) with each run of characters other than a-z and 0-9 turned
// into a single hyphen, and no hyphen at either end.
//
//	"Tổ chức Đảng"      → "to-chuc-dang"
//	"Tin tức - Sự kiện" → "tin-tuc-su-kien"
//
// Slugs longer than 80 bytes are cut after the last whole word that fits;
// only a single word longer than 80 bytes is cut inside the word. Titles
// with no letters or digits give "", and the caller must pick a fallback
// (an ID, say). Slug(Slug(s)) == Slug(s).
func Slug(s string) string {
	var w slugWriter
	var buf [32]byte
	for i := 0; i < len(s) && !w.full; {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}

			w.add(c)
			i++
			continue
		}

		r, size := utf8.DecodeRuneInString(s[i:])
		for _, c := range appendFoldRune(buf[:0], r) {
			w.add(c)
		}

		i += size
	}

	return string(w.buf[:w.n])
}

// slugWriter builds a slug byte by byte in a fixed buffer, so Slug stops
// reading a long text as soon as the slug is full.
type slugWriter struct {
	buf  [slugMaxLen]byte
	n    int
	gap  bool // a separator was seen since the last kept byte
	full bool
}

func (w *slugWriter) add(c byte) {
	if w.full {
		return
	}

	if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
		w.gap = w.n > 0
		return
	}

	if w.gap {
		// The next word needs a hyphen and at least one byte; if that
		// does not fit, the slug already ends on a word boundary.
		if w.n+2 > slugMaxLen {
			w.full = true
			return
		}

		w.buf[w.n] = '-'
		w.n++
		w.gap = false
	}

	if w.n == slugMaxLen {
		// The word in progress does not fit: drop it, unless it is the
		// only word, in which case a cut inside it beats an empty slug.
		for k := w.n - 1; k > 0; k-- {
			if w.buf[k] == '-' {
				w.n = k
				break
			}
		}

		w.full = true
		return
	}

	w.buf[w.n] = c
	w.n++
}
