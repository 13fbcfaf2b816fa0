package vn

import "strings"

// Canon returns the search key that keeps diacritics: tone marks in their
// canonical place (see NormalizeTones) and everything in lower case, Đ
// included. Unlike Fold it still tells "đảng" from "đang", so exact-word
// matches and tag names use it.
//
// Fold(Canon(s)) == Fold(s) for every s, which lets a search try the
// precise key first and fall back to the folded one.
func Canon(s string) string {
	// Lower-casing a normalised string can, for a handful of non-Latin
	// characters, leave it un-normalised again; the final NFC is a no-op
	// for Vietnamese but keeps Canon idempotent for everything.
	return NFC(strings.ToLower(NormalizeTones(s)))
}
