package vn

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizeTones(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Old and new habits for open oa, oe, uy.
		{"oa open", "hoà", "hòa"},
		{"oa open capital", "Hoà", "Hòa"},
		{"oa open upper", "HOÀ", "HÒA"},
		{"oa dot below", "hoạ sĩ", "họa sĩ"},
		{"oa hook", "toả sáng", "tỏa sáng"},
		{"oe open", "khoẻ", "khỏe"},
		{"oe acute", "loé", "lóe"},
		{"uy open", "thuỷ", "thủy"},
		{"uy acute", "Thuý", "Thúy"},
		{"uy alone", "Uỷ ban", "Ủy ban"},
		{"bare oà", "oà", "òa"},
		{"bare oá", "oá", "óa"},
		{"bare uỳ", "uỳ", "ùy"},
		{"bare uý", "uý", "úy"},
		{"already canonical", "hòa thủy khỏe", "hòa thủy khỏe"},

		// qu and gi belong to the onset.
		{"qu acute", "Qúy", "Quý"},
		{"qu upper", "QÚY", "QUÝ"},
		{"qu grave", "qùy", "quỳ"},
		{"qu hook", "qủa", "quả"},
		{"qu acute a", "qúa", "quá"},
		{"qu canonical", "quý quốc quyết", "quý quốc quyết"},
		{"gi grave", "gìa", "già"},
		{"gi capital", "Gìa", "Già"},
		{"gi acute u", "gíup", "giúp"},
		{"gi before ươ", "gìương", "giường"},
		{"gì keeps i", "gì", "gì"},
		{"gìn keeps i", "gìn giữ", "gìn giữ"},

		// Closed syllables: second vowel.
		{"oa closed", "hoàng", "hoàng"},
		{"oa closed misplaced", "hòang", "hoàng"},
		{"oa closed upper", "TÒAN", "TOÀN"},
		{"uy closed misplaced", "hủynh", "huỷnh"},
		{"uy closed", "huỳnh", "huỳnh"},
		{"oo closed", "soóc", "soóc"},

		// Vowels with breve, circumflex or horn keep the mark.
		{"uyê", "thuyết", "thuyết"},
		{"oă", "khoắn", "khoắn"},
		{"uơ", "thuở", "thuở"},
		{"uơ misplaced", "thủơ", "thuở"},
		{"ươi", "người", "người"},
		{"ươi misplaced", "ngừơi", "người"},
		{"uôi", "tuổi", "tuổi"},
		{"uyê open", "chuyện", "chuyện"},
		{"uâ misplaced", "túân", "tuấn"},
		{"ưu", "cứu", "cứu"},
		{"Nguyễn", "Nguyễn", "Nguyễn"},

		// Three plain vowels: middle.
		{"oai misplaced", "ngòai", "ngoài"},
		{"uyu misplaced", "khủyu", "khuỷu"},
		{"oay", "xoáy", "xoáy"},

		// Left alone.
		{"no tone", "nghiêng", "nghiêng"},
		{"Italian più", "più", "più"},
		{"falling pair on second", "muà", "muà"},
		{"French où", "où", "où"},
		{"French très", "très", "très"},
		{"French café", "café", "café"},
		{"Portuguese não", "São Paulo não", "São Paulo não"},
		{"two tones", "hóà", "hóà"},
		{"digit in word", "hoà2", "hoà2"},
		{"run-together syllables", "HoàBình", "HoàBình"},
		{"f not Vietnamese", "foà", "foà"},
		{"stray mark stays", "hoà\u0301", "hoà\u0301"},
		{"invalid byte splits words", "h\xffoà", "h\uFFFDòa"},

		// Mixed text and input forms.
		{"sentence", "Thuỷ điện Hoà Bình, café và Qúy vị", "Thủy điện Hòa Bình, café và Quý vị"},
		{"NFD input", norm.NFD.String("Thuỷ điện Hoà Bình"), "Thủy điện Hòa Bình"},
		{"tổ hợp input", "thu\u01a1\u0309 kho\u0309e", "thuở khỏe"},
		{"punctuation around", "(hoà)-[khoẻ]", "(hòa)-[khỏe]"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NormalizeTones(tt.in)
			if got != tt.want {
				t.Errorf("NormalizeTones(%+q) = %+q, want %+q", tt.in, got, tt.want)
			}
			if again := NormalizeTones(got); again != got {
				t.Errorf("not idempotent: %+q then %+q", got, again)
			}
		})
	}
}

// moveTone returns word with its tone mark moved onto the k-th vowel
// letter (counting every a, e, i, o, u, y, including the u of qu and the
// i of gi), or false if there is no such vowel.
func moveTone(word string, k int) (string, bool) {
	var clusters [][]rune
	var tone rune
	for _, r := range norm.NFD.String(word) {
		switch r {
		case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
			tone = r
		case '\u0302', '\u0306', '\u031b':
			clusters[len(clusters)-1] = append(clusters[len(clusters)-1], r)
		default:
			clusters = append(clusters, []rune{r})
		}
	}
	var b strings.Builder
	n := 0
	moved := false
	for _, c := range clusters {
		b.WriteString(string(c))
		if strings.ContainsRune("aeiouyAEIOUY", c[0]) {
			if n == k {
				b.WriteRune(tone)
				moved = true
			}
			n++
		}
	}
	return norm.NFC.String(b.String()), moved
}

// TestNormalizeTonesRecoversMisplacedMarks puts the mark of correctly
// written syllables on each of their other vowels and expects it back.
func TestNormalizeTonesRecoversMisplacedMarks(t *testing.T) {
	canonical := []string{
		"hòa", "khỏe", "thủy", "Ủy", "hoàng", "toán", "huỳnh", "thuyết",
		"khoắn", "thuở", "người", "tuổi", "chuyện", "Nguyễn", "ngoài",
		"khuỷu", "quý", "quả", "quốc", "quyển", "già", "giữa", "giếng",
		"tuấn", "rượu", "cứu", "khuấy", "xoáy", "ngoẹo", "thuế", "khuếch",
		"yếu", "kiếm", "NGƯỜI", "Quỳnh", "giường", "huấn", "soóc",
	}
	for _, want := range canonical {
		for k := 0; ; k++ {
			in, ok := moveTone(want, k)
			if !ok {
				break
			}
			if got := NormalizeTones(in); got != want {
				t.Errorf("NormalizeTones(%q) = %q, want %q", in, got, want)
			}
		}
	}
}
