package search

import (
	"strings"
	"unicode"

	"github.com/congtin/congtin/internal/vn"
)

// Limits on what a query may ask for. A search box is for a few words; the
// limits keep a pasted page of text or a hostile request from turning
// into a huge full-text expression.
const (
	maxQueryBytes = 400
	maxClauses    = 12
	maxWords      = 24
)

// Word is one word of a query in its two search forms.
type Word struct {
	Fold  string // vn.Fold: what the index matches
	Canon string // vn.Canon: what exact-diacritic ranking compares
}

// Marked reports whether the reader typed this word with diacritics (or
// đ), in which case articles that spell it the same way rank higher.
func (w Word) Marked() bool { return w.Canon != w.Fold }

// Clause is a word or a phrase of a query, required or excluded.
type Clause struct {
	Words   []Word // one word, or a phrase of several in order
	Exclude bool   // written with a leading '-'
}

// Query is a parsed search query: every clause that is not excluded must
// match, and no excluded one may.
type Query struct {
	Clauses []Clause
}

// Parse reads what a reader typed. It never fails: anything that is not a
// word (punctuation, operators of some search syntax, stray quotes,
// invalid UTF-8) only separates words, so every input gives a query that
// is safe to run, possibly an empty one.
//
// The syntax: words separated by spaces must all match; "quoted words"
// must match as a phrase (straight or curly quotes; an unclosed quote runs
// to the end); a leading - excludes a word or phrase. A word joined by
// punctuation, such as covid-19 or 9001:2015, is a phrase too.
func Parse(s string) Query {
	if len(s) > maxQueryBytes {
		cut := maxQueryBytes
		for cut > 0 && !isCharStart(s[cut]) {
			cut--
		}

		s = s[:cut]
	}

	s = vn.NFC(s) // also turns invalid UTF-8 into U+FFFD
	var q Query
	words := 0
	rs := []rune(s)
	for i := 0; i < len(rs) && len(q.Clauses) < maxClauses && words < maxWords; {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}

		exclude := false
		if (rs[i] == '-' || rs[i] == '+') && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			exclude = rs[i] == '-'
			i++
		}

		var text string
		if isQuote(rs[i]) {
			j := i + 1
			for j < len(rs) && !isQuote(rs[j]) {
				j++
			}

			text = string(rs[i+1 : j])
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && !isQuote(rs[j]) {
				j++
			}

			text = string(rs[i:j])
			i = j
		}

		c := Clause{Exclude: exclude}
		for _, sp := range wordSpans(text) {
			if words == maxWords {
				break
			}

			w := text[sp.start:sp.end]
			// A word's folded form may still hold runes that are not
			// word runes (rare marks); keep only what the index holds.
			f := joinWords(vn.Fold(w))
			if f == "" {
				continue
			}

			for _, part := range strings.Split(f, " ") {
				c.Words = append(c.Words, Word{Fold: part, Canon: canonFor(w, part)})
				words++
			}
		}

		if len(c.Words) > 0 {
			q.Clauses = append(q.Clauses, c)
		}
	}

	return q
}

// canonFor is the canonical form of the original word w whose folded
// form is fold. When folding split the word (rare), the parts have no
// canonical form of their own and only match folded.
func canonFor(w, fold string) string {
	c := vn.Canon(w)
	if vn.Fold(c) != fold {
		return fold
	}
	return c
}

func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

func isCharStart(b byte) bool { return b&0xC0 != 0x80 }

// Empty reports whether the query can match nothing: it has no required
// clause (only exclusions, or nothing at all).
func (q Query) Empty() bool {
	for _, c := range q.Clauses {
		if !c.Exclude {
			return false
		}
	}
	return true
}

// Words returns the words of the required clauses, each once: what the
// highlighter marks and the ranking looks for.
func (q Query) Words() []Word {
	seen := map[string]bool{}
	var out []Word
	for _, c := range q.Clauses {
		if c.Exclude {
			continue
		}
		for _, w := range c.Words {
			if !seen[w.Canon] {
				seen[w.Canon] = true
				out = append(out, w)
			}
		}
	}

	return out
}

// String writes the query back in its own syntax, normalised: what the
// search box shows after a search.
func (q Query) String() string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteByte(' ')
		}
		if c.Exclude {
			b.WriteByte('-')
		}
		if len(c.Words) > 1 {
			b.WriteByte('"')
		}

		for j, w := range c.Words {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w.Canon)
		}

		if len(c.Words) > 1 {
			b.WriteByte('"')
		}
	}

	return b.String()
}

// ftsMatch is the FTS5 MATCH expression for the query. Every token is a
// double-quoted string, so FTS5 reads none of it as syntax (NEAR, AND,
// *, ^, column filters); tokens hold only word runes, and a quote is
// still doubled in case that ever changes. The caller checks Empty first.
func (q Query) ftsMatch() string {
	var pos, neg []string
	for _, c := range q.Clauses {
		toks := make([]string, len(c.Words))
		for i, w := range c.Words {
			toks[i] = w.Fold
		}

		term := `"` + strings.ReplaceAll(strings.Join(toks, " "), `"`, `""`) + `"`
		if c.Exclude {
			neg = append(neg, term)
		} else {
			pos = append(pos, term)
		}
	}

	expr := strings.Join(pos, " AND ")
	if len(neg) > 0 {
		expr = "(" + expr + ")"
		for _, n := range neg {
			expr += " NOT " + n
		}
	}

	return expr
}

// tsQuery is the text for PostgreSQL's to_tsquery('simple', ...): each
// token a quoted lexeme, phrases joined with <->, exclusions with !.
func (q Query) tsQuery() string {
	var parts []string
	for _, c := range q.Clauses {
		toks := make([]string, len(c.Words))
		for i, w := range c.Words {
			toks[i] = "'" + strings.NewReplacer(`\`, `\\`, `'`, `''`).Replace(w.Fold) + "'"
		}

		term := strings.Join(toks, " <-> ")
		if len(toks) > 1 {
			term = "(" + term + ")"
		}
		if c.Exclude {
			term = "!" + term
		}

		parts = append(parts, term)
	}

	return strings.Join(parts, " & ")
}
