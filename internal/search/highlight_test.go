package search

import (
	"html"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/vn"
)

func TestHighlight(t *testing.T) {
	for _, tc := range []struct{ text, q, want string }{
		{"Đảng bộ Sở", "dang bo", "<mark>Đảng</mark> <mark>bộ</mark> Sở"},
		{"Đảng bộ Sở", "đảng", "<mark>Đảng</mark> bộ Sở"},
		{"<b>Đảng</b> & \"bộ\"", "dang", "&lt;b&gt;<mark>Đảng</mark>&lt;/b&gt; &amp; &#34;bộ&#34;"},
		{"hoà bình", "hòa", "<mark>hoà</mark> bình"},
		{"e\u0301 x", "é", "<mark>é</mark> x"}, // NFD text is composed first
		{"dangdang dang", "dang", "dangdang <mark>dang</mark>"},
		{"no match", "xyz", "no match"},
	} {
		if got := Highlight(tc.text, Parse(tc.q).Words()); got != tc.want {
			t.Errorf("Highlight(%q, %q) = %q, want %q", tc.text, tc.q, got, tc.want)
		}
	}
}

func TestSnippetWindow(t *testing.T) {
	filler := strings.Repeat("lorem ipsum ", 40)
	text := filler + "Việc học tập tấm gương đạo đức Hồ Chí Minh " + filler
	got := Snippet(text, Parse("tam guong").Words())
	if !strings.HasPrefix(got, "… ") || !strings.HasSuffix(got, " …") {
		t.Errorf("snippet not cut on both sides: %q", got)
	}
	if !strings.Contains(got, "<mark>tấm</mark> <mark>gương</mark> đạo đức") {
		t.Errorf("snippet misses the match: %q", got)
	}
	// Without a match in the text, the beginning.
	if got := Snippet("Một hai ba", Parse("xyz").Words()); got != "Một hai ba" {
		t.Errorf("Snippet without match = %q", got)
	}
	// The window prefers the spelling the reader typed.
	text = "đang " + filler + filler + "Đảng"
	if got := Snippet(text, Parse("đảng").Words()); !strings.Contains(got, "<mark>Đảng</mark>") {
		t.Errorf("snippet for đảng shows %q", got)
	}
}

func TestSnippetNeverLeaksMarkup(t *testing.T) {
	for _, text := range []string{
		`<script>alert(1)</script> dang`,
		`</mark><img src=x onerror=alert(1)> dang`,
		`dang "' & <`,
		"dang \xff\xfe <",
	} {
		for _, out := range []string{Snippet(text, Parse("dang").Words()), Highlight(text, Parse("dang").Words())} {
			stripped := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(out)
			if strings.ContainsAny(stripped, "<>\"'") {
				t.Errorf("%q → %q leaks markup", text, out)
			}
		}
	}
}

// snippetWhole is Snippet by definition: every word's span, which query
// word it matches, and every window tried. The snippet made in one pass
// over the text must cut and mark exactly as it does.
func snippetWhole(text string, words []Word) string {
	text = vn.NFC(text)
	spans := wordSpans(text)
	if len(spans) == 0 {
		return html.EscapeString(text)
	}
	match := matcher(words)
	which := make([]int, len(spans))
	exact := make([]bool, len(spans))
	for i, sp := range spans {
		w := text[sp.start:sp.end]
		which[i] = match(w)
		if k := which[i]; k >= 0 && words[k].Marked() {
			exact[i] = vn.Canon(w) == words[k].Canon
		}
	}
	bestStart, bestScore := 0, 0
	for i := range spans {
		if which[i] < 0 {
			continue
		}
		start := max(0, i-snippetBefore)
		seen := make([]int, len(words))
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

func TestSnippetAsDefined(t *testing.T) {
	filler := strings.Repeat("lorem ipsum ", 40)
	texts := []string{
		"", " ", "…", "Đảng", "dang", "a & b < c > d \" e ' f dang",
		filler + "Việc học tập tấm gương đạo đức Hồ Chí Minh " + filler,
		"đang " + filler + filler + "Đảng bộ",
		strings.Repeat("đảng bộ sở khoa học ", 30) + "dang bo",
		"e\u0301 x dang \xff\xfe đẢng",
	}
	for _, text := range texts {
		for _, q := range []string{"dang", "đảng", "dang bo", "đảng bộ sở", `"tam guong" dao`, "xyz", "lorem"} {
			words := Parse(q).Words()
			if got, want := Snippet(text, words), snippetWhole(text, words); got != want {
				t.Errorf("Snippet(%.60q, %q)\n got %q\nwant %q", text, q, got, want)
			}
		}
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("Đảng bộ & <đang> dạng "+strings.Repeat("x ", 50)+"đảng bộ", "đảng bộ")
	f.Add("lorem "+strings.Repeat("ipsum dang ", 20), "dang ipsum")
	f.Fuzz(func(t *testing.T, text, q string) {
		words := Parse(q).Words()
		if got, want := Snippet(text, words), snippetWhole(text, words); got != want {
			t.Errorf("Snippet(%q, %q)\n got %q\nwant %q", text, q, got, want)
		}
	})
}

// The matcher's first-byte shortcut never turns away a word whose fold
// is a query word's.
func FuzzMatcher(f *testing.F) {
	for _, s := range []string{"Đảng", "ưu", "\u0301a", "ẤP", "dang", "Ꞵ"} {
		f.Add(s, "đảng ưu ấp a dang")
	}
	f.Fuzz(func(t *testing.T, w, q string) {
		if w == "" {
			return
		}
		words := Parse(q).Words()
		want := -1
		for i, qw := range words {
			if vn.Fold(w) == qw.Fold {
				want = i
				break
			}
		}
		if got := matcher(words)(w); got != want {
			t.Errorf("matcher(%q)(%q) = %d, want %d", q, w, got, want)
		}
	})
}
