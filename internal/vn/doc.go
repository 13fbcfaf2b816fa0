// Package vn holds the Vietnamese text rules the portal relies on:
// Unicode normalisation, tone-mark placement, search keys with and
// without diacritics, URL slugs, and the date and number formats that
// readers of government sites expect.
//
// Articles reach the portal from several generations of tools: legacy
// Windows keyboards that emit "Unicode tổ hợp", macOS and some browsers
// that emit decomposed (NFD) text, and writers who follow either the
// older or the newer tone-placement habit. The same word can therefore
// arrive as different code points, and everything that stores, compares
// or indexes text should pass it through this package first.
package vn
