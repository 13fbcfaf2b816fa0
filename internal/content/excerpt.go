package content

import (
	"strings"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// excerptLength is how many characters of plain text lists and feeds show.
const excerptLength = 260

// Excerpt returns the plain text of intro (or of body when intro is
// empty), cut at a word boundary near max characters with an ellipsis.
func Excerpt(introHTML, bodyHTML string, max int) string {
	src := introHTML
	if strings.TrimSpace(PlainText(src)) == "" {
		src = bodyHTML
	}

	text := PlainText(src)
	if utf8.RuneCountInString(text) <= max {
		return text
	}

	cut := 0
	for i := range text {
		if cut >= max {
			text = text[:i]
			break
		}
		cut++
	}

	if sp := strings.LastIndexByte(text, ' '); sp > len(text)/2 {
		text = text[:sp]
	}

	return strings.TrimRight(text, " ,.;:-–") + "…"
}

// PlainText returns the text of an HTML fragment with tags removed,
// entities decoded and runs of white space folded to one space. Block
// elements separate words so "<p>a</p><p>b</p>" reads "a b".
func PlainText(fragment string) string {
	if fragment == "" {
		return ""
	}

	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(fragment))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case xhtml.TextToken:
			b.Write(z.Text()) // already unescaped by the tokenizer
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			b.WriteByte(' ')
		}
	}
}
