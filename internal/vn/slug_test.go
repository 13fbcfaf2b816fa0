package vn

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

const longTitle = "Đảng bộ Sở Khoa học và Công nghệ Hải Dương: Nâng cao năng lực lãnh đạo, " +
	"sức chiến đấu của tổ chức cơ sở đảng trong giai đoạn mới"

// slug80 is a slug of exactly 80 bytes: a 10-letter word and seven
// 9-letter words.
var slug80 = "abcdefghij" + strings.Repeat("-abcdefghi", 7)

func TestSlug(t *testing.T) {
	if len(slug80) != slugMaxLen {
		t.Fatalf("len(slug80) = %d", len(slug80))
	}
	tests := []struct {
		name, in, want string
	}{
		{"basic", "Tổ chức Đảng", "to-chuc-dang"},
		{"dash in title", "Tin tức - Sự kiện", "tin-tuc-su-kien"},
		{"dash in title 2", "Văn bản - Chính sách", "van-ban-chinh-sach"},
		{"đ and Đ", "Đồng Đăng đi Đà Lạt", "dong-dang-di-da-lat"},
		{"all tones", "ma mà má mả mã mạ", "ma-ma-ma-ma-ma-ma"},
		{"all vowels", "a ă â e ê i o ô ơ u ư y", "a-a-a-e-e-i-o-o-o-u-u-y"},
		{"upper vowels with tones", "ẶẦẺỄÌỎỐỜỦỪỸ", "aaeeiooouuy"},
		{"NFD", norm.NFD.String("Tổ chức Đảng"), "to-chuc-dang"},
		{"tổ hợp", "Ti\u00ea\u0301ng Vi\u00ea\u0323t", "tieng-viet"},
		{"old style tones", "Hoà Bình, Thuỷ", "hoa-binh-thuy"},
		{"colon", "Hải Dương: Nâng cao", "hai-duong-nang-cao"},
		{"quotes", "“Tiếng nói” của ‘nhân dân’", "tieng-noi-cua-nhan-dan"},
		{"ascii quotes and apostrophe", `"Đắk Lắk" isn't`, "dak-lak-isn-t"},
		{"digits", "Năm 2024: 31.262.600 đồng, 15%", "nam-2024-31-262-600-dong-15"},
		{"leading and trailing punctuation", "  --- (Thông báo) !!! ", "thong-bao"},
		{"emoji", "🎉 Chúc mừng năm mới 🎆🇻🇳", "chuc-mung-nam-moi"},
		{"invalid UTF-8", "Vi\xe1\xbbt \xffNam", "vi-t-nam"},
		{"foreign letters without ASCII base", "Straße Øre", "stra-e-re"},
		{"tabs and newlines", "Tin\t\ttức\r\nmới", "tin-tuc-moi"},
		{"empty", "", ""},
		{"only punctuation", "!!! --- ???", ""},
		{"only emoji", "😀😀", ""},
		{"only marks", "\u0301\u0300", ""},
		{"long title", longTitle, "dang-bo-so-khoa-hoc-va-cong-nghe-hai-duong-nang-cao-nang-luc-lanh-dao-suc-chien"},
		{"exactly 80", strings.ReplaceAll(slug80, "-", " "), slug80},
		{"80 then another word", strings.ReplaceAll(slug80, "-", " ") + " x", slug80},
		{"last word crosses 80", strings.ReplaceAll(slug80, "-", " ") + "k", slug80[:70]},
		{"79 then a 1-byte word", strings.ReplaceAll(slug80[1:], "-", " ") + " x", slug80[1:]},
		{"single long word", strings.Repeat("đ", 100), strings.Repeat("d", 80)},
		{"long word after short", "tin " + strings.Repeat("x", 100), "tin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Slug(tt.in)
			if got != tt.want {
				t.Errorf("Slug(%+q) = %q, want %q", tt.in, got, tt.want)
			}
			if got != "" && !slugPattern.MatchString(got) || len(got) > slugMaxLen {
				t.Errorf("Slug(%+q) = %q is not a valid slug", tt.in, got)
			}
			if again := Slug(got); again != got {
				t.Errorf("Slug not idempotent: %q then %q", got, again)
			}
		})
	}
}

// TestSlugCutsAtWords checks long slugs against the untruncated form:
// the result must be a prefix made of whole words.
func TestSlugCutsAtWords(t *testing.T) {
	words := strings.Fields("Đảng bộ Sở Khoa học và Công nghệ Hải Dương nâng cao năng lực lãnh đạo sức chiến đấu của tổ chức cơ sở đảng")
	for n := 1; n <= len(words); n++ {
		for shift := 0; shift < 5; shift++ {
			title := strings.Repeat("x", shift) + " " + strings.Join(words[:n], " ")
			got := Slug(title)
			full := strings.Trim(strings.ReplaceAll(Fold(title), " ", "-"), "-")
			if len(full) <= slugMaxLen {
				if got != full {
					t.Errorf("Slug(%q) = %q, want %q", title, got, full)
				}
				continue
			}
			if len(got) > slugMaxLen || !strings.HasPrefix(full, got+"-") {
				t.Errorf("Slug(%q) = %q, not a whole-word prefix of %q", title, got, full)
			}
			if next := full[len(got)+1:]; len(got)+1+strings.IndexByte(next+"-", '-') <= slugMaxLen {
				t.Errorf("Slug(%q) = %q, stopped before a word that fits", title, got)
			}
		}
	}
}
