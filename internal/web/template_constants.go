package web

import (
	"regexp"
	"strings"
)

// Most actions of a page's layout print a fixed text: an interface
// string from the catalog ({{t "nav.home"}}) or a static file's hashed
// address ({{asset "style.css"}}). Each action costs a reflective call and
// an escaper at every render, a tenth of a page made, for a text known
// when the server starts. foldConstants writes such texts into the
// template source before it is parsed, where they become template text
// like any other.

// constantAction is an action with one fixed argument and nothing else.
var constantAction = regexp.MustCompile(`\{\{(t|asset) "([A-Za-z0-9_.\-]+)"\}\}`)

// foldConstants replaces each constant action in src by value's answer,
// when that answer is plain text that needs no escaping anywhere an
// action may stand in a page (text, attribute values, addresses); any
// other action is left to be escaped at render time as before.
func foldConstants(src string, value func(fn, arg string) (string, bool)) string {
	return constantAction.ReplaceAllStringFunc(src, func(action string) string {
		m := constantAction.FindStringSubmatch(action)
		if v, ok := value(m[1], m[2]); ok && plainConstant(v) {
			return v
		}
		return action
	})
}

// plainConstant reports whether s reads the same escaped or not in every
// HTML context the templates use: no markup, quote, entity, template
// delimiter or character that changes a URL or script context.
func plainConstant(s string) bool {
	if s == "" || strings.ContainsAny(s, "<>&\"'`{}\\=\r\n\t") {
		return false
	}
	return !strings.Contains(strings.ToLower(s), "script:")
}
