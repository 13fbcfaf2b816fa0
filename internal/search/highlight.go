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
// the text's words and its bytes, the query word it matches, its value
// to a window (2 when it keeps the diacritics the reader typed, else 1),
// and where a window starting snippetBefore words earlier begins.
type snippetHit struct{ at, start, end, k, v, from int }

// snippetNFC is Snippet on text already in NFC (the index keeps it so).
// An article runs to thousands of words and a snippet shows 36: one pass
// notes only the words that match, each with where a window around it
// would begin, and scores each window as soon as its last word is read.
// A window holding every query word as typed cannot be beaten (the
// earliest wins a tie): the pass stops a word after it.
func snippetNFC(text string, words []Word) string {
	match := matcher(words)
	most := 0 // the best score a window can have
	for _, w := range words {
		most++
		if w.Marked() {
			most++
		}
	}

	var hits []snippetHit
	var recent [snippetBefore + 1]int // where the last words begin, by place modulo the length
	// The best window holds the most distinct query words, each counting
	// double where it is spelt as typed; the earliest wins a tie. A
	// window starts snippetBefore words before a match.
	bestStart, bestScore, bestFrom := 0, 0, 0
	seen := make([]int, len(words)) // best value of each query word in the window
	first := 0                      // the first hit inside the window scored
	scored := 0                     // hits whose window is scored
	score := func(h snippetHit) {
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
			bestStart, bestScore, bestFrom = start, score, h.from
		}
	}

	n := 0 // words read
	for end := 0; bestScore < most || n <= bestStart+snippetWords; n++ {
		start, e := nextWord(text, end)
		if start < 0 {
			break
		}

		end = e
		recent[n%len(recent)] = start
		if bestScore < most {
			w := text[start:end]
			if k := match(w); k >= 0 {
				v := 1
				if words[k].Marked() && vn.Canon(w) == words[k].Canon {
					v = 2
				}

				from := recent[max(0, n-snippetBefore)%len(recent)]
				hits = append(hits, snippetHit{n, start, end, k, v, from})
			}

			for bestScore < most && scored < len(hits) && n >= max(0, hits[scored].at-snippetBefore)+snippetWords-1 {
				score(hits[scored])
				scored++
			}
		}
	}

	if n == 0 {
		return html.EscapeString(text)
	}

	for bestScore < most && scored < len(hits) { // windows cut short by the end of the text
		score(hits[scored])
		scored++
	}

	last := min(n, bestStart+snippetWords) - 1 // the window's last word
	from, to := 0, len(text)
	if bestStart > 0 {
		from = bestFrom
	}

	if last < n-1 {
		end := bestFrom
		for range last - bestStart + 1 {
			_, end = nextWord(text, end)
		}

		to = end
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

		writeEscaped(&b, text[pos:h.start])
		b.WriteString("<mark>")
		writeEscaped(&b, text[h.start:h.end])
		b.WriteString("</mark>")
		pos = h.end
	}

	writeEscaped(&b, text[pos:to])
	if to < len(text) {
		b.WriteString(" …")
	}

	return b.String()
}

// asciiWord is isWordRune for the ASCII runes, as a table.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = isWordRune(r)
	}
	return t
}()

// nextWord returns the byte range of the first word of s at or after
// byte from, or -1, -1 when there is none. It is the loop of every
// snippet over a whole article: ASCII bytes, most of Vietnamese text,
// are told by a table without decoding.
func nextWord(s string, from int) (int, int) {
	i := from
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				break
			}
			i++
			continue
		}

		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}

	if i == len(s) {
		return -1, -1
	}

	start := i
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				return start, i
			}

			i++
			continue
		}

		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			return start, i
		}

		i += size
	}

	return start, len(s)
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

	// Most words of a text are told apart from the query's by the first
	// byte of their folded form: an ASCII letter or digit in lower case,
	// or the fold of the first rune (đ, ư, ấ ... fold to ASCII too). A
	// first rune that folds to nothing (a mark) takes the whole fold.
	var first [256]bool
	for f := range folds {
		first[f[0]] = true
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
		} else {
			_, size := utf8.DecodeRuneInString(w)
			if buf = vn.AppendFold(buf[:0], w[:size]); len(buf) > 0 && !first[buf[0]] {
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
