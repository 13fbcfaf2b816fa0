package vn

import (
	"unicode"
	"unicode/utf8"
)

// NormalizeTones returns NFC(s) with the tone mark of every Vietnamese
// syllable on one agreed vowel, so that the two habits of tone placement
// (and the most common misplacements) compare equal.
//
// Which habit is canonical matters less than picking one. The choice here
// is the one printed in state documents ("Cộng hòa", "Ủy ban") and already
// relied on by the rest of the portal. It is often called the traditional
// or "old" style (kiểu cũ); the 1980s spelling rules, and several
// keyboards by default, write hoà, thuỷ, khoẻ instead. The rules:
//
//   - oa, oe, uy with no final consonant: first vowel (hòa, khỏe, thủy);
//     hoà, khoẻ, thuỷ are rewritten.
//   - the same pairs with a final consonant: second vowel (hoàng, toán,
//     huỳnh); hòang is rewritten.
//   - a vowel with a breve, circumflex or horn takes the mark, the last
//     one if there are two (tuổi, chuyện, người, thuở).
//   - three plain vowels: the middle one (ngoài, khuỷu).
//   - other pairs: first vowel if open (mùa, hai), second if closed.
//   - in qu and gi the u and i belong to the consonant, so a mark there
//     moves to the vowel that follows (qúy→quý, gìa→già).
//
// Only words that parse as one Vietnamese syllable — a known initial
// consonant, a known vowel group, a known final consonant, Latin letters
// only, exactly one tone mark — are touched; anything else (foreign words,
// names, codes, several syllables run together) is left as it is. Open
// falling pairs such as "iu" or "ai" are never moved from the second
// vowel to the first: no Vietnamese habit writes them that way, so such a
// word is far more likely foreign (Italian "più") than misspelt.
//
// Letter case is preserved. NormalizeTones(NormalizeTones(s)) equals
// NormalizeTones(s).
func NormalizeTones(s string) string {
	s = NFC(s)
	var out []byte
	changed := false
	copied := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}

		start := i
		ascii := true
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			if !isWordRune(r) {
				break
			}
			if r >= utf8.RuneSelf {
				ascii = false
			}

			i += size
		}

		if ascii {
			continue // no tone marks in plain ASCII
		}

		if w, ok := retone(s[start:i]); ok {
			if !changed {
				out = make([]byte, 0, len(s))
				changed = true
			}

			out = append(out, s[copied:start]...)
			out = append(out, w...)
			copied = i
		}
	}

	if !changed {
		return s
	}

	out = append(out, s[copied:]...)
	return string(out)
}

// isWordRune decides what counts as part of a word. Digits and marks are
// included so that "hoà2" or a vowel followed by a stray combining mark
// form one token that fails to parse, instead of a syllable being cut
// out of something that is not a syllable.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// maxSyllable bounds the letters in one syllable; the longest Vietnamese
// syllables ("nghiêng", "nghiễng") have seven.
const maxSyllable = 8

// letter is one character of a candidate syllable. cons is the lower-case
// consonant ('D' stands for đ so every consonant fits in a byte) and is 0
// for vowels.
type letter struct {
	r    rune
	v    vowel
	cons byte
}

func classify(r rune) (letter, bool) {
	if v := lookupVowel(r); v != 0 {
		return letter{r: r, v: v}, true
	}

	switch {
	case r == 'đ' || r == 'Đ':
		return letter{r: r, cons: 'D'}, true
	case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
		c := byte(r) | 0x20 // ASCII lower case
		switch c {
		case 'f', 'j', 'w', 'z':
			return letter{}, false // not in the Vietnamese alphabet
		}

		return letter{r: r, cons: c}, true
	}

	return letter{}, false
}

// retone returns the word with its tone mark on the canonical vowel, and
// false when the word is not a syllable or is already canonical.
func retone(word string) (string, bool) {
	var buf [maxSyllable]letter
	n, marked := 0, -1
	for _, r := range word {
		if n == len(buf) {
			return "", false
		}

		l, ok := classify(r)
		if !ok {
			return "", false
		}

		if l.v != 0 && l.v.tone() != 0 {
			if marked >= 0 {
				return "", false
			}
			marked = n
		}

		buf[n] = l
		n++
	}

	if marked < 0 {
		return "", false
	}

	syl := buf[:n]
	target, ok := tonePosition(syl, marked)
	if !ok || target == marked {
		return "", false
	}

	tone := syl[marked].v.tone()
	out := make([]byte, 0, len(word)+2)
	for i, l := range syl {
		r := l.r
		switch i {
		case marked:
			r = composed[l.v.base()][0]
		case target:
			r = composed[l.v.base()][tone]
		}

		out = utf8.AppendRune(out, r)
	}

	return string(out), true
}

// tonePosition finds where the mark belongs in syl, given that it is now
// on syl[marked]. It returns false when syl is not a Vietnamese syllable
// or when moving the mark would be a guess rather than a correction.
func tonePosition(syl []letter, marked int) (int, bool) {
	on, ok := onsetLen(syl)
	if !ok {
		return 0, false
	}

	end := on
	for end < len(syl) && syl[end].v != 0 {
		end++
	}

	if end == on || !validCoda(syl[end:]) {
		return 0, false
	}

	nucleus := syl[on:end]
	closed := end < len(syl)

	if len(nucleus) > 3 {
		return 0, false
	}

	var key [3 * utf8.UTFMax]byte
	k := 0
	last := -1 // last vowel with a breve, circumflex or horn
	for i, l := range nucleus {
		b := l.v.lowerBase()
		k += utf8.EncodeRune(key[k:], b)
		if hasQualityMark(b) {
			last = i
		}
	}

	shape, known := nuclei[string(key[:k])]
	if !known || closed && shape&closedOK == 0 || !closed && shape&openOK == 0 {
		return 0, false
	}

	var pos int
	switch {
	case last >= 0:
		pos = last
	case len(nucleus) == 1:
		pos = 0
	case len(nucleus) == 3:
		pos = 1
	case closed:
		pos = 1
	default:
		pos = 0
		// A mark on the second vowel of an open falling pair is left
		// alone; see the note on "più" above.
		if marked == on+1 && shape&styleVariant == 0 {
			return 0, false
		}
	}

	return on + pos, true
}

// onsetLen returns how many letters make up the initial consonant.
func onsetLen(syl []letter) (int, bool) {
	c := 0
	for c < len(syl) && syl[c].v == 0 {
		c++
	}

	// qu and gi: the u or i is written as a vowel but spoken as part of
	// the consonant, so they count as the onset only when a real vowel
	// follows ("quý", "gia"); "gì" keeps i as its vowel.
	if c == 1 && len(syl) > 2 && syl[2].v != 0 {
		next := syl[1].v
		switch {
		case syl[0].cons == 'q' && next != 0 && next.lowerBase() == 'u':
			return 2, true
		case syl[0].cons == 'g' && next != 0 && next.lowerBase() == 'i':
			return 2, true
		}
	}

	var b [3]byte
	if c > len(b) {
		return 0, false
	}

	for i := 0; i < c; i++ {
		b[i] = syl[i].cons
	}

	switch string(b[:c]) {
	case "", "b", "c", "ch", "d", "D", "g", "gh", "h", "k", "kh", "l", "m",
		"n", "ng", "ngh", "nh", "p", "ph", "r", "s", "t", "th", "tr", "v", "x":
		return c, true
	}

	return 0, false
}

// validCoda reports whether the letters after the vowels form one of the
// eight final consonants Vietnamese allows.
func validCoda(coda []letter) bool {
	var b [2]byte
	if len(coda) > len(b) {
		return false
	}

	for i, l := range coda {
		if l.v != 0 {
			return false
		}
		b[i] = l.cons
	}

	switch string(b[:len(coda)]) {
	case "", "c", "ch", "m", "n", "ng", "nh", "p", "t":
		return true
	}

	return false
}

// Vowel groups that occur in Vietnamese, after qu and gi have been taken
// into the onset, and whether each may end the syllable (open) or be
// followed by a final consonant (closed). styleVariant marks the three
// pairs whose open spelling differs between the old and new habits.
const (
	openOK = 1 << iota
	closedOK
	styleVariant
)

var nuclei = buildNuclei()

func buildNuclei() map[string]uint8 {
	nuclei := map[string]uint8{}
	for _, r := range lowerVowels {
		nuclei[string(r)] = openOK | closedOK
	}

	for _, g := range []string{"oa", "oe", "uy"} {
		nuclei[g] = openOK | closedOK | styleVariant
	}

	nuclei["uê"] = openOK | closedOK // thuế, khuếch
	for _, g := range []string{
		"ai", "ao", "au", "âu", "ay", "ây", "eo", "êu", "ia", "iu",
		"oi", "ôi", "ơi", "ua", "ưa", "ui", "ưi", "ưu", "uơ",
		"oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu",
		"iêu", "yêu", "uyu", "uya",
	} {
		nuclei[g] = openOK
	}

	for _, g := range []string{"oă", "uâ", "iê", "yê", "uô", "ươ", "oo", "uyê"} {
		nuclei[g] = closedOK
	}

	return nuclei
}
