package vn

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"tin tuc", "tin tuc"},
		{"Tin Tuc 2024", "tin tuc 2024"},
		{"Đảng", "dang"},
		{"đang", "dang"},
		{"ĐẢNG", "dang"},
		{"Tiếng Việt", "tieng viet"},
		{"Tie\u0302\u0301ng Vie\u0323\u0302t", "tieng viet"}, // NFD
		{"Ti\u00ea\u0301ng", "tieng"},                        // tổ hợp
		{"người Ưu tú", "nguoi uu tu"},
		{"ăn ấm Ơn", "an am on"},
		{"hoà hòa HOÀ", "hoa hoa hoa"},
		{"“Trích dẫn” – 100%!", "“trich dan” – 100%!"},
		{"Café Noël Zürich", "cafe noel zurich"},
		{"Straße Øresund", "straße øresund"}, // no canonical decomposition
		{"Ελληνικά", "ελληνικα"},
		{"中文 日本語", "中文 日本語"},
		{"한국어", "\u1112\u1161\u11ab\u1100\u116e\u11a8\u110b\u1165"},
		{"😀 tin", "😀 tin"},
		{"a\xffb", "a\uFFFDb"},
		{"\u0301\u0300", ""}, // stray marks
		{"K\u212a", "kk"},    // Kelvin sign
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func TestFoldASCIIDoesNotAllocate(t *testing.T) {
	s := "bao cao tong ket nam 2024"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold on lower-case ASCII allocates %v times", n)
	}
}

// Every Vietnamese vowel, each with no tone and the five tones, written
// out literally so that the test does not share the tables under test.
var vowelForms = []struct {
	forms string
	base  byte
}{
	{"aàáảãạ", 'a'}, {"ăằắẳẵặ", 'a'}, {"âầấẩẫậ", 'a'},
	{"eèéẻẽẹ", 'e'}, {"êềếểễệ", 'e'},
	{"iìíỉĩị", 'i'},
	{"oòóỏõọ", 'o'}, {"ôồốổỗộ", 'o'}, {"ơờớởỡợ", 'o'},
	{"uùúủũụ", 'u'}, {"ưừứửữự", 'u'},
	{"yỳýỷỹỵ", 'y'},
	{"AÀÁẢÃẠ", 'a'}, {"ĂẰẮẲẴẶ", 'a'}, {"ÂẦẤẨẪẬ", 'a'},
	{"EÈÉẺẼẸ", 'e'}, {"ÊỀẾỂỄỆ", 'e'},
	{"IÌÍỈĨỊ", 'i'},
	{"OÒÓỎÕỌ", 'o'}, {"ÔỒỐỔỖỘ", 'o'}, {"ƠỜỚỞỠỢ", 'o'},
	{"UÙÚỦŨỤ", 'u'}, {"ƯỪỨỬỮỰ", 'u'},
	{"YỲÝỶỸỴ", 'y'},
}

func TestFoldVowelForms(t *testing.T) {
	count := 0
	for _, v := range vowelForms {
		if !norm.NFC.IsNormalString(v.forms) {
			t.Fatalf("test table %q is not NFC", v.forms)
		}
		for _, r := range v.forms {
			count++
			if got := Fold(string(r)); got != string(v.base) {
				t.Errorf("Fold(%q) = %q, want %q", r, got, v.base)
			}
			if got := Fold(norm.NFD.String(string(r))); got != string(v.base) {
				t.Errorf("Fold(NFD %q) = %q, want %q", r, got, v.base)
			}
		}
	}
	// 12 letters × 6 tones × 2 cases.
	if count != 144 {
		t.Errorf("checked %d vowel forms, want 144", count)
	}
}

// foldReference is Fold written the slow, obvious way with x/text, to
// check the table-driven version against.
func foldReference(s string) string {
	s = norm.NFD.String(strings.ToLower(NFC(s)))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 'đ':
			b.WriteByte('d')
		case unicode.In(r, unicode.Mn, unicode.Me):
		case norm.NFD.PropertiesString(string(r)).CCC() != 0:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestFoldEveryRune checks, for every code point, that Fold agrees with
// the reference, ignores canonical equivalence and case, and is stable.
func TestFoldEveryRune(t *testing.T) {
	if testing.Short() {
		t.Skip("walks all of Unicode")
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		got := Fold(s)
		if want := foldReference(s); got != want {
			t.Fatalf("Fold(%U) = %+q, reference gives %+q", r, got, want)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold not idempotent on %U: %+q then %+q", r, got, again)
		}
		if nfd := Fold(norm.NFD.String(s)); nfd != got {
			t.Fatalf("Fold(NFD %U) = %+q, Fold = %+q", r, nfd, got)
		}
		if nfc := Fold(norm.NFC.String(s)); nfc != got {
			t.Fatalf("Fold(NFC %U) = %+q, Fold = %+q", r, nfc, got)
		}
		if low := Fold(string(unicode.ToLower(r))); low != got {
			t.Fatalf("Fold(lower %U) = %+q, Fold = %+q", r, low, got)
		}
	}
}

// TestFoldMatchesReference compares random mixtures of Vietnamese,
// combining marks, Hangul jamo and invalid bytes.
func TestFoldMatchesReference(t *testing.T) {
	pieces := []string{
		"a", "Đ", "đ", "ư", "Ơ", "ế", "\u0301", "\u0323", "\u031b", "\u0302",
		"\u1100", "\u1161", "\u11a8", "한", " ", "-", "\xff", "\xe1", "I", "\u0307",
		"ß", "K", "\u212b", "\U0001d165", "\U0001d16d", "\u0f71", "\u0f72",
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.Intn(8); n >= 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := b.String()
		got := Fold(s)
		if want := foldReference(s); got != want {
			t.Fatalf("Fold(%+q) = %+q, reference gives %+q", s, got, want)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%+q) = %+q is not valid UTF-8", s, got)
		}
	}
}
