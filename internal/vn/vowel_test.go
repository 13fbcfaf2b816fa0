package vn

import (
	"testing"
	"unicode"
)

// TestVowelTables checks the derived tables against the literal list in
// fold_test.go: exactly the 144 forms are vowels, each with the right
// letter and tone, and composing gives the form back.
func TestVowelTables(t *testing.T) {
	want := map[rune]bool{}
	for b, v := range vowelForms {
		for tone, r := range []rune(v.forms) {
			want[r] = true
			got := lookupVowel(r)
			if got == 0 {
				t.Errorf("lookupVowel(%q) = 0", r)
				continue
			}
			if got.base() != b || got.tone() != tone {
				t.Errorf("lookupVowel(%q) = base %d tone %d, want %d %d", r, got.base(), got.tone(), b, tone)
			}
			if c := composed[b][tone]; c != r {
				t.Errorf("composed[%d][%d] = %q, want %q", b, tone, c, r)
			}
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if lookupVowel(r) != 0 && !want[r] {
			t.Errorf("lookupVowel(%U) is a vowel but not one of the 144 forms", r)
		}
	}
}
