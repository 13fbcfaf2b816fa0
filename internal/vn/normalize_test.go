package vn

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNFC(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"ascii", "Tin tuc", "Tin tuc"},
		{"already NFC", "Tiếng Việt", "Tiếng Việt"},
		{"NFD", "Tie\u0302\u0301ng Vie\u0323\u0302t", "Tiếng Việt"},
		{"to hop: precomposed base plus tone", "Ti\u00ea\u0301ng Vi\u00ea\u0323t", "Tiếng Việt"},
		{"to hop with horn letters", "ng\u01b0\u01a1\u0300i", "người"},
		{"dot below before horn is reordered", "o\u0323\u031b", "ợ"},
		{"deprecated tone marks U+0340/U+0341", "a\u0340 a\u0341", "à á"},
		{"invalid byte", "a\xffb", "a\uFFFDb"},
		{"each invalid byte replaced", "\xe1\x80", "\uFFFD\uFFFD"},
		{"truncated Vietnamese letter", "Vi\xe1\xbb", "Vi\uFFFD\uFFFD"},
		{"surrogate encoding", "\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
		{"invalid then combining mark", "\xffe\u0302\u0301", "\uFFFDế"},
		{"latin-1 leftover", "Vi\xeat", "Vi\uFFFDt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NFC(tt.in)
			if got != tt.want {
				t.Errorf("NFC(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("NFC(%+q) is not valid UTF-8", tt.in)
			}
		})
	}
}

// toHop rewrites s the way legacy Windows keyboards do: every vowel stays
// precomposed with its breve, circumflex or horn, but the tone mark comes
// after it as a separate combining character.
func toHop(s string) string {
	var b strings.Builder
	for _, r := range s {
		var base, tones []rune
		for _, c := range norm.NFD.String(string(r)) {
			switch c {
			case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
				tones = append(tones, c)
			default:
				base = append(base, c)
			}
		}
		b.WriteString(norm.NFC.String(string(base)))
		b.WriteString(string(tones))
	}
	return b.String()
}

func TestNFCSpellingsAgree(t *testing.T) {
	sentences := []string{
		"Cộng hòa xã hội chủ nghĩa Việt Nam",
		"Độc lập - Tự do - Hạnh phúc",
		"Ủy ban nhân dân tỉnh Hải Dương",
		"Sở Khoa học và Công nghệ tổ chức hội nghị tổng kết",
		"ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH",
		"người, tuổi, chuyện, thuở, khuỷu, nghiêng, giữa, quyết",
	}
	for _, want := range sentences {
		nfd := norm.NFD.String(want)
		hop := toHop(want)
		if nfd == want || hop == want || hop == nfd {
			t.Fatalf("test input %q: spellings are not distinct", want)
		}
		for name, in := range map[string]string{"NFC": want, "NFD": nfd, "tổ hợp": hop} {
			if got := NFC(in); got != want {
				t.Errorf("NFC(%s %+q) = %+q, want %+q", name, in, got, want)
			}
		}
	}
}

func TestNFCIdempotent(t *testing.T) {
	for _, in := range []string{"a\xff\xfe", strings.Repeat("\u0301", 100), "e\u0302\u0301\u0323"} {
		once := NFC(in)
		if twice := NFC(once); twice != once {
			t.Errorf("NFC not idempotent on %+q: %+q then %+q", in, once, twice)
		}
	}
}

// TestNFCInertRanges backs the shortcut in NFC: every rune it trusts must
// be normalised, of class 0, and unable to compose with what precedes it.
func TestNFCInertRanges(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !nfcInert(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("nfcInert(%U) but the rune is not inert under NFC", r)
		}
	}
}
