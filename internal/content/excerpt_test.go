package content

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"<p>Đảng bộ</p><p>Sở KH&amp;CN</p>", "Đảng bộ Sở KH&CN"},
		{"<p>a<br>b</p>\n\n<ul><li>một</li><li>hai</li></ul>", "a b một hai"},
		{"&lt;script&gt; không phải thẻ", "<script> không phải thẻ"},
		{"<b>đậm</b>thường", "đậm thường"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	long := "<p>" + strings.Repeat("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh. ", 20) + "</p>"
	tests := []struct {
		name, intro, body string
		check             func(string) bool
	}{
		{"intro wins", "<p>Tóm tắt.</p>", "<p>Thân bài.</p>", func(s string) bool { return s == "Tóm tắt." }},
		{"body when no intro", "", "<p>Thân bài.</p>", func(s string) bool { return s == "Thân bài." }},
		{"blank intro", "<p> </p>", "<p>Thân bài.</p>", func(s string) bool { return s == "Thân bài." }},
		{"cut at a word", "", long, func(s string) bool {
			return strings.HasSuffix(s, "…") && utf8.RuneCountInString(s) <= 261 && !strings.HasSuffix(strings.TrimSuffix(s, "…"), " ")
		}},
	}
	for _, tt := range tests {
		if got := Excerpt(tt.intro, tt.body, 260); !tt.check(got) {
			t.Errorf("%s: %q", tt.name, got)
		}
	}
}
