package vn

import "unicode/utf8"

// Hangul syllables decompose by arithmetic instead of by table, and x/text
// does not expose that decomposition per character. Fold needs it so that
// a syllable and its conjoining jamo (which NFC would compose) give the
// same key; the constants are those of the Unicode Standard, section 3.12.
const (
	hangulBase     = 0xAC00
	hangulCount    = 11172
	jamoLeadBase   = 0x1100
	jamoVowelBase  = 0x1161
	jamoTailBase   = 0x11A7
	jamoVowelCount = 21
	jamoTailCount  = 28
)

func isHangulSyllable(r rune) bool {
	return r >= hangulBase && r < hangulBase+hangulCount
}

func appendHangulJamo(dst []byte, r rune) []byte {
	i := r - hangulBase
	lead := jamoLeadBase + i/(jamoVowelCount*jamoTailCount)
	vow := jamoVowelBase + (i%(jamoVowelCount*jamoTailCount))/jamoTailCount
	dst = utf8.AppendRune(dst, lead)
	dst = utf8.AppendRune(dst, vow)
	if tail := i % jamoTailCount; tail != 0 {
		dst = utf8.AppendRune(dst, jamoTailBase+tail)
	}

	return dst
}
