package vn

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The twelve Vietnamese vowel letters without a tone. vowelBases puts
// the upper-case ones after the lower-case ones in the same order, so an
// index modulo 12 names the letter regardless of case.
const (
	lowerVowels = "aăâeêioôơuưy"
	vowelBases  = lowerVowels + "AĂÂEÊIOÔƠUƯY"
)

const numVowels = 12

// toneMarks are the combining characters for the six tones, in the
// order schoolbooks teach them: ngang (none), huyền, sắc, hỏi, ngã, nặng.
var toneMarks = [6]rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}

// vowel packs a vowel letter and its tone into one byte so the lookup
// tables stay small: 0 means "not a Vietnamese vowel", otherwise the
// value is 1 + base*6 + tone.
type vowel uint8

func (v vowel) base() int { return int(v-1) / 6 }
func (v vowel) tone() int { return int(v-1) % 6 }

// lowerBase is the toneless lower-case letter, used when the spelling
// rules care about which vowel it is but not about case.
func (v vowel) lowerBase() rune { return vowelRunes[v.base()%numVowels] }

var (
	vowelRunes [2 * numVowels]rune
	// composed[base][tone] is the precomposed NFC letter.
	composed [2 * numVowels][6]rune
	// Every one of the 144 forms lives in one of these two ranges, which
	// keeps the lookup an array index instead of a map probe.
	vowelLow [0x1B1]vowel           // U+0000..U+01B0
	vowelExt [0x1EFA - 0x1EA0]vowel // U+1EA0..U+1EF9
)

// The tables are derived from the Unicode data in x/text rather than
// typed in, so a typo cannot silently break one of the 144 forms.
func init() {
	b := 0
	for _, r := range vowelBases {
		vowelRunes[b] = r
		for t, mark := range toneMarks {
			c := r
			if mark != 0 {
				s := norm.NFC.String(string([]rune{r, mark}))
				var size int
				c, size = utf8.DecodeRuneInString(s)
				if size != len(s) {
					panic("vn: no precomposed form for " + s)
				}
			}

			composed[b][t] = c
			setVowel(c, vowel(1+b*6+t))
		}

		b++
	}
}

func setVowel(r rune, v vowel) {
	switch {
	case int(r) < len(vowelLow):
		vowelLow[r] = v
	case r >= 0x1EA0 && int(r-0x1EA0) < len(vowelExt):
		vowelExt[r-0x1EA0] = v
	default:
		panic("vn: vowel outside lookup ranges: " + string(r))
	}
}

// lookupVowel reports which Vietnamese vowel and tone r is, or 0.
func lookupVowel(r rune) vowel {
	switch {
	case r >= 0 && int(r) < len(vowelLow):
		return vowelLow[r]
	case r >= 0x1EA0 && int(r-0x1EA0) < len(vowelExt):
		return vowelExt[r-0x1EA0]
	}
	return 0
}

// hasQualityMark reports whether a toneless lower-case vowel carries a
// breve, circumflex or horn. Those letters always take the tone mark.
func hasQualityMark(r rune) bool {
	switch r {
	case 'ă', 'â', 'ê', 'ô', 'ơ', 'ư':
		return true
	}
	return false
}
