package search

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/vn"
)

// isWordRune decides what a word is made of, for the index, the query and
// the highlighter alike, so all three cut text at the same places. Marks
// stay inside a word so that decomposed (NFD) text is not split at its
// tone marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if r >= latinWordLo && r < latinWordHi {
		return latinWord[r-latinWordLo]
	}
	if r >= vietWordLo && r < vietWordHi {
		return vietWord[r-vietWordLo]
	}

	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// Tables of isWordRune for the runes of Vietnamese text (Latin-1 to the
// combining marks; Latin Extended Additional), built from the definition.
const (
	latinWordLo, latinWordHi = 0x80, 0x370
	vietWordLo, vietWordHi   = 0x1E00, 0x1F00
)

var (
	latinWord [latinWordHi - latinWordLo]bool
	vietWord  [vietWordHi - vietWordLo]bool
)

func init() {
	for r := rune(latinWordLo); r < latinWordHi; r++ {
		latinWord[r-latinWordLo] = isWordRuneSlow(r)
	}
	for r := rune(vietWordLo); r < vietWordHi; r++ {
		vietWord[r-vietWordLo] = isWordRuneSlow(r)
	}
}

// span is one word of a text: its byte range.
type span struct{ start, end int }

// wordSpans returns the byte ranges of the words of s.
func wordSpans(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, span{start, i})
			start = -1
		}
	}

	if start >= 0 {
		out = append(out, span{start, len(s)})
	}

	return out
}

// joinWords returns the words of s separated by single spaces. The index
// receives text in this form, so the database's own tokenizer has nothing
// left to decide and agrees with ours.
func joinWords(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	inWord := false
	for _, r := range s {
		if isWordRune(r) {
			if !inWord && b.Len() > 0 {
				b.WriteByte(' ')
			}

			inWord = true
			if r < utf8.RuneSelf {
				b.WriteByte(byte(r))
			} else {
				b.WriteRune(r)
			}

			continue
		}
		inWord = false
	}

	return b.String()
}

// foldedWords is the index form of a text: folded, then cut into words.
func foldedWords(s string) string { return joinWords(vn.Fold(s)) }

// hasDiacritics reports whether a canonical word differs from its folded
// form, that is whether the writer chose marks or a đ that a reader may
// want matched exactly.
func hasDiacritics(canon string) bool {
	for i := 0; i < len(canon); i++ {
		if canon[i] >= utf8.RuneSelf {
			return vn.Fold(canon) != canon
		}
	}
	return false
}

// markedWords returns the distinct canonical words of s that carry
// diacritics, space-separated: what re-ranking needs to know about a
// body, at a fraction of its size. s must be NFC (makeDoc's text is).
//
// It is the index build's hottest loop, so it canonicalises word by word
// and only what can carry marks: a plain ASCII word has none, and a word
// already seen gives nothing new. That equals cutting vn.Canon(s) into
// words as long as Canon works word by word, which holds for text made of
// ASCII, Latin letters and general punctuation (Canon retones within
// words, lowers rune by rune, and NFC leaves such runes alone); anything
// else takes the whole-text way. FuzzMarkedWords checks the two agree.
func markedWords(s string, limit int, sc *scratch) string {
	if !latinOnly(s) {
		return markedWordsWhole(s, limit)
	}
	if sc == nil {
		sc = newScratch()
	}

	clear(sc.kept)
	var b strings.Builder
	full := false
	add := func(w string) {
		if full || isASCII(w) {
			return
		}
		for _, cw := range sc.marked(w) {
			if sc.kept[cw] {
				continue
			}

			sc.kept[cw] = true
			if b.Len()+len(cw)+1 > limit {
				full = true
				return
			}

			if b.Len() > 0 {
				b.WriteByte(' ')
			}

			b.WriteString(cw)
		}
	}

	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			add(s[start:i])
			start = -1
			if full {
				break
			}
		}
	}

	if start >= 0 {
		add(s[start:])
	}

	return b.String()
}

// scratch is what one goroutine building index entries keeps between
// articles: the canonical words with diacritics of each word form seen
// (a language of a few thousand syllables repeats them endlessly), and a
// set to reuse.
type scratch struct {
	canon map[string][]string
	kept  map[string]bool
}

// maxScratchWords bounds the cache; past it (a corpus of codes and
// names) it starts over.
const maxScratchWords = 1 << 16

func newScratch() *scratch {
	return &scratch{canon: map[string][]string{}, kept: map[string]bool{}}
}

// marked returns the canonical words that carry diacritics among the
// words of vn.Canon(w): usually w's one canonical form, or nothing.
func (sc *scratch) marked(w string) []string {
	if cw, ok := sc.canon[w]; ok {
		return cw
	}

	var out []string
	c := vn.Canon(w)
	for _, sp := range wordSpans(c) { // one word, but stay exact
		if cw := c[sp.start:sp.end]; hasDiacritics(cw) {
			out = append(out, cw)
		}
	}

	if len(sc.canon) >= maxScratchWords {
		clear(sc.canon)
	}

	sc.canon[strings.Clone(w)] = out // w points into a whole article
	return out
}

// markedWordsWhole is markedWords by definition: Canon of the whole text,
// cut into words.
func markedWordsWhole(s string, limit int) string {
	canon := vn.Canon(s)
	seen := map[string]bool{}
	var b strings.Builder
	for _, sp := range wordSpans(canon) {
		w := canon[sp.start:sp.end]
		if seen[w] || !hasDiacritics(w) {
			continue
		}

		seen[w] = true
		if b.Len()+len(w)+1 > limit {
			break
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}

		b.WriteString(w)
	}

	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// latinOnly reports whether every rune of s is ASCII, Latin-1, Latin
// Extended-A or -B, Latin Extended Additional or general punctuation:
// the runes for which canonicalising word by word is exact.
func latinOnly(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}

		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError:
			return false
		case r >= 0x80 && r < 0x250, r >= 0x1E00 && r < 0x1F00, r >= 0x2010 && r < 0x2028:
		default:
			return false
		}

		i += size
	}
	return true
}

// containsWord reports whether the space-separated list holds w.
func containsWord(list, w string) bool {
	for len(list) > 0 {
		i := strings.Index(list, w)
		if i < 0 {
			return false
		}

		end := i + len(w)
		if (i == 0 || list[i-1] == ' ') && (end == len(list) || list[end] == ' ') {
			return true
		}

		list = list[i+1:]
	}
	return false
}

// containsWordBytes is containsWord on a list the driver holds.
func containsWordBytes(list, w []byte) bool {
	for len(list) > 0 {
		i := bytes.Index(list, w)
		if i < 0 {
			return false
		}

		end := i + len(w)
		if (i == 0 || list[i-1] == ' ') && (end == len(list) || list[end] == ' ') {
			return true
		}

		list = list[i+1:]
	}
	return false
}
