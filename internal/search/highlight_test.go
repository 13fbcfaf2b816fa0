package search

import (
	"strings"
	"testing"
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
