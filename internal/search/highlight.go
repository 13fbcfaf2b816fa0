package search

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/vn"
)

// snippetWords is the length of a snippet, in words: two lines or so of
// a results page.
const (
	snippetWords  = 36
	snippetBefore = 6 // words of context kept before the first match
)

// Highlight returns text as HTML, escaped, with every word that matches
// one of words (compared folded, so "Đảng" is marked for "dang") wrapped
// in <mark>. The result is safe to insert into a page: nothing of text
// reaches it unescaped, and the only tags are the <mark>s added here.
func Highlight(text string, words []Word) string {
	text = vn.NFC(text)
	return markSpans(text, wordSpans(text), 0, len(text), matcher(words))
}

// Snippet returns a passage of text around the place where most of the
// query's words occur, as HTML like Highlight's, with an ellipsis where
// the text was cut. Without matches (a hit on the title or the author
// only) it is the beginning of the text.
func Snippet(text string, words []Word) string {
	return snippetNFC(vn.NFC(text), words)
}

// snippetHit is a word of a text that matches the query: its place among
// the text's words, the query word it matches, and its value to a window
// (2 when it keeps the diacritics the reader typed, else 1).
type snippetHit struct{ at, k, v int }

// snippetNFC is Snippet on text already in NFC (the index keeps it so).
// An article runs to thousands of words and a snippet shows 36: one pass
// counts the words and notes only those that match, the window is chosen
// among the matches, and a second pass, which stops at the window's end,
// finds where its words lie.
func snippetNFC(text string, words []Word) string {
	match := matcher(words)
	var hits []snippetHit
	n := 0 // words in text
	for start, end := 0, 0; ; n++ {
		if start, end = nextWord(text, end); start < 0 {
			break
		}
		w := text[start:end]
		if k := match(w); k >= 0 {
			v := 1
			if words[k].Marked() && vn.Canon(w) == words[k].Canon {
				v = 2
			}
			hits = append(hits, snippetHit{n, k, v})
		}
	}
	if n == 0 {
		return html.EscapeString(text)
	}
	// The best window holds the most distinct query words, each counting
	// double where it is spelt as typed; the earliest wins a tie. A
	// window starts snippetBefore words before a match.
	bestStart, bestScore := 0, 0
	seen := make([]int, len(words)) // best value of each query word in the window
	first := 0                      // the first hit inside the window
	for _, h := range hits {
		start := max(0, h.at-snippetBefore)
		for hits[first].at < start {
			first++
		}
		clear(seen)
		for _, in := range hits[first:] {
			if in.at >= start+snippetWords {
				break
			}
			seen[in.k] = max(seen[in.k], in.v)
		}
		score := 0
		for _, v := range seen {
			score += v
		}
		if score > bestScore {
			bestStart, bestScore = start, score
		}
	}
	last := min(n, bestStart+snippetWords) - 1 // the window's last word
	var spans [snippetWords]span
	from, to := 0, len(text)
	for i, start, end := 0, 0, 0; i <= last; i++ {
		start, end = nextWord(text, end)
		if i >= bestStart {
			spans[i-bestStart] = span{start, end}
		}
	}
	if bestStart > 0 {
		from = spans[0].start
	}
	if last < n-1 {
		to = spans[last-bestStart].end
	}
	var b strings.Builder
	b.Grow(to - from + 64)
	if from > 0 {
		b.WriteString("… ")
	}
	pos := from
	for _, h := range hits {
		if h.at < bestStart {
			continue
		}
		if h.at > last {
			break
		}
		sp := spans[h.at-bestStart]
		writeEscaped(&b, text[pos:sp.start])
		b.WriteString("<mark>")
		writeEscaped(&b, text[sp.start:sp.end])
		b.WriteString("</mark>")
		pos = sp.end
	}
	writeEscaped(&b, text[pos:to])
	if to < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

// nextWord returns the byte range of the first word of s at or after
// byte from, or -1, -1 when there is none.
func nextWord(s string, from int) (int, int) {
	start := -1
	for i := from; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return start, i
		}
		i += size
	}
	if start >= 0 {
		return start, len(s)
	}
	return -1, -1
}

// writeEscaped writes s to b escaped as html.EscapeString escapes it,
// without the copy EscapeString makes of a string that needs escaping.
func writeEscaped(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// matcher returns a function telling which query word, if any, an
// original word matches (-1 for none).
func matcher(words []Word) func(string) int {
	folds := make(map[string]int, len(words))
	for i, w := range words {
		if _, ok := folds[w.Fold]; !ok {
			folds[w.Fold] = i
		}
	}
	// A word that starts with an ASCII letter or digit folds to a word
	// starting with it in lower case: most words of a text are told apart
	// from the query's by that byte alone.
	var first [utf8.RuneSelf]bool
	for f := range folds {
		if f[0] < utf8.RuneSelf {
			first[f[0]] = true
		}
	}
	var buf []byte // folds every word of a text without allocating
	return func(w string) int {
		if c := w[0]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if !first[c] {
				return -1
			}
		}
		buf = vn.AppendFold(buf[:0], w)
		if i, ok := folds[string(buf)]; ok {
			return i
		}
		return -1
	}
}

// markSpans writes text[from:to] as escaped HTML, wrapping the spans that
// match in <mark>. spans must lie inside from..to, in order.
func markSpans(text string, spans []span, from, to int, match func(string) int) string {
	var b strings.Builder
	b.Grow(to - from + 32)
	pos := from
	for _, sp := range spans {
		if sp.start < from || sp.end > to {
			continue
		}
		if match(text[sp.start:sp.end]) < 0 {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:sp.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[sp.start:sp.end]))
		b.WriteString("</mark>")
		pos = sp.end
	}
	b.WriteString(html.EscapeString(text[pos:to]))
	return b.String()
}
