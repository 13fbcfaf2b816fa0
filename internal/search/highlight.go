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
	text = vn.NFC(text)
	spans := wordSpans(text)
	if len(spans) == 0 {
		return html.EscapeString(text)
	}
	match := matcher(words)
	// which[i] is the index of the query word that word i matches, or -1;
	// exact[i] says it also keeps the diacritics the reader typed.
	which := make([]int, len(spans))
	exact := make([]bool, len(spans))
	for i, sp := range spans {
		w := text[sp.start:sp.end]
		which[i] = match(w)
		if k := which[i]; k >= 0 && words[k].Marked() {
			exact[i] = vn.Canon(w) == words[k].Canon
		}
	}
	// The best window holds the most distinct query words, each counting
	// double where it is spelt as typed; the earliest wins a tie.
	bestStart, bestScore := 0, 0
	seen := make([]int, len(words)) // best value of each query word in the window
	for i := range spans {
		if which[i] < 0 {
			continue
		}
		start := max(0, i-snippetBefore)
		clear(seen)
		for j := start; j < min(len(spans), start+snippetWords); j++ {
			if k := which[j]; k >= 0 {
				v := 1
				if exact[j] {
					v = 2
				}
				seen[k] = max(seen[k], v)
			}
		}
		score := 0
		for _, v := range seen {
			score += v
		}
		if score > bestScore {
			bestStart, bestScore = start, score
		}
	}
	end := min(len(spans), bestStart+snippetWords)
	from, to := 0, len(text)
	if bestStart > 0 {
		from = spans[bestStart].start
	}
	if end < len(spans) {
		to = spans[end-1].end
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("… ")
	}
	b.WriteString(markSpans(text, spans[bestStart:end], from, to, match))
	if to < len(text) {
		b.WriteString(" …")
	}
	return b.String()
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
