package search

import (
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
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
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
// body, at a fraction of its size.
func markedWords(s string, limit int) string {
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
