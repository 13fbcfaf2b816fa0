package vn

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

var fuzzSeeds = []string{
	"",
	"Tổ chức Đảng",
	"Thuỷ điện Hoà Bình, khoẻ, Qúy vị, gìa",
	"Tie\u0302\u0301ng Vie\u0323\u0302t",
	"Ti\u00ea\u0301ng Vi\u00ea\u0323t",
	"“Tin tức” - Sự kiện 2024 🎉",
	"a\xffb\xe1\x80",
	"più où très São",
	"I\u0307 \u212a \u1100\u1161\u11a8 한",
	longTitle,
}

func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%+q) = %+q is not valid UTF-8", s, got)
		}
		if a := string(AppendFold([]byte("x"), s)); a != "x"+got {
			t.Fatalf("AppendFold(x, %+q) = %+q, want x+%+q", s, a, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold not idempotent on %+q: %+q then %+q", s, got, again)
		}
		if c := Fold(Canon(s)); c != got {
			t.Fatalf("Fold(Canon(%+q)) = %+q, Fold = %+q", s, c, got)
		}
		if d := Fold(norm.NFD.String(NFC(s))); d != got {
			t.Fatalf("Fold(NFD(%+q)) = %+q, Fold = %+q", s, d, got)
		}
	})
}

func FuzzSlug(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if len(got) > slugMaxLen {
			t.Fatalf("Slug(%+q) = %q is %d bytes", s, got, len(got))
		}
		if got != "" && !slugPattern.MatchString(got) {
			t.Fatalf("Slug(%+q) = %q is not a valid slug", s, got)
		}
		if again := Slug(got); again != got {
			t.Fatalf("Slug not idempotent on %+q: %q then %q", s, got, again)
		}
	})
}

func FuzzNormalizeTones(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := NormalizeTones(s)
		if !utf8.ValidString(got) {
			t.Fatalf("NormalizeTones(%+q) = %+q is not valid UTF-8", s, got)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Fatalf("NormalizeTones(%+q) = %+q is not NFC", s, got)
		}
		if again := NormalizeTones(got); again != got {
			t.Fatalf("NormalizeTones not idempotent on %+q: %+q then %+q", s, got, again)
		}
		if f1, f2 := Fold(got), Fold(s); f1 != f2 {
			t.Fatalf("NormalizeTones(%+q) changed letters: Fold %+q vs %+q", s, f1, f2)
		}
		c := Canon(s)
		if again := Canon(c); again != c {
			t.Fatalf("Canon not idempotent on %+q: %+q then %+q", s, c, again)
		}
	})
}
