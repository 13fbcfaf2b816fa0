package vn

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestCanon(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Đảng", "đảng"},
		{"ĐẢNG", "đảng"},
		{"đang", "đang"},
		{"Hoà Bình", "hòa bình"},
		{"THUỶ ĐIỆN", "thủy điện"},
		{"Qúy Khách", "quý khách"},
		{norm.NFD.String("Ủy Ban Nhân Dân"), "ủy ban nhân dân"},
		{"Ti\u00ea\u0301ng Vi\u00ea\u0323t", "tiếng việt"},
		{"Café PIÙ", "café più"},
		{"a\xffB", "a\uFFFDb"},
		{"I\u0307", "i"}, // NFC first gives İ, whose lower case is i
	}
	for _, tt := range tests {
		got := Canon(tt.in)
		if got != tt.want {
			t.Errorf("Canon(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
		if again := Canon(got); again != got {
			t.Errorf("Canon not idempotent on %+q: %+q then %+q", tt.in, got, again)
		}
		if f, g := Fold(got), Fold(tt.in); f != g {
			t.Errorf("Fold(Canon(%+q)) = %+q, Fold = %+q", tt.in, f, g)
		}
	}
}

func TestCanonKeepsDiacriticDistinctions(t *testing.T) {
	pairs := [][2]string{
		{"đảng", "đang"},
		{"Bác", "bạc"},
		{"mua", "múa"},
		{"ma", "mà"},
		{"thu", "thư"},
	}
	for _, p := range pairs {
		if Canon(p[0]) == Canon(p[1]) {
			t.Errorf("Canon(%q) == Canon(%q) = %q", p[0], p[1], Canon(p[0]))
		}
		if Fold(p[0]) != Fold(p[1]) {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q, want equal", p[0], Fold(p[0]), p[1], Fold(p[1]))
		}
	}
}

func TestCanonEquatesSpellings(t *testing.T) {
	groups := [][]string{
		{"Hòa Bình", "Hoà Bình", "HOÀ BÌNH", norm.NFD.String("Hoà Bình")},
		{"quý", "qúy", "QUÝ", "Qúy"},
		{"thủy", "thuỷ", "Thuỷ", "thu\u0079\u0309"},
	}
	for _, g := range groups {
		want := Canon(g[0])
		for _, s := range g[1:] {
			if got := Canon(s); got != want {
				t.Errorf("Canon(%+q) = %+q, want %+q", s, got, want)
			}
		}
	}
}
