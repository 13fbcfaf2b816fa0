package joomla

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/vn"
)

// cp1252 maps the characters Windows-1252 puts in 0x80-0x9F back to their
// bytes; mojibake made by a latin1 connection on Windows uses them.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
	'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
	'–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// repairMojibake undoes UTF-8 bytes that were read as latin1 (or
// cp1252) and stored again as UTF-8: "Tá»• chá»©c" → "Tổ chức". The
// text is left alone unless every character maps back to one byte and
// the bytes form valid UTF-8 with at least one multi-byte letter, so
// genuine Latin-1 text ("café", "©") is never touched.
func repairMojibake(s string) (string, bool) {
	if !strings.ContainsAny(s, "ÃÄÅÆáºâ") {
		return s, false
	}

	b := make([]byte, 0, len(s))
	multi := false
	for _, r := range s {
		switch {
		case r < 0x80:
			b = append(b, byte(r))
		case r <= 0xFF:
			b = append(b, byte(r))
			multi = true
		default:
			c, ok := cp1252[r]
			if !ok {
				return s, false
			}

			b = append(b, c)
			multi = true
		}
	}

	if !multi || !utf8.Valid(b) {
		return s, false
	}

	return string(b), true
}

// cleanText is for plain-text fields (titles, names, bylines, option
// labels): Joomla stored them htmlspecialchars-encoded in places.
func cleanText(s string) string {
	s, _ = repairMojibake(s)
	s = html.UnescapeString(s)
	return strings.TrimSpace(vn.NFC(s))
}

var (
	// unsafeHTML counts what the sanitiser is there to remove.
	unsafeHTML = regexp.MustCompile(`(?i)<script\b|<iframe\b|<object\b|<embed\b|<style\b|<link\b|<meta\b|<form\b|` +
		`<base\b|\son[a-z]+\s*=|javascript:|vbscript:`)
	// pluginTag is a Joomla content plugin call such as {loadposition x}:
	// the new site has nothing to expand it into.
	pluginTag = regexp.MustCompile(
		`\{(?:loadposition|loadmodule|loadmoduleid|mosimage|mospagebreak|module|component)[^}]{0,200}\}`)
)

// cleanHTML prepares a body for the sanitiser: mojibake repaired,
// double-encoded markup decoded, plugin tags dropped.
func cleanHTML(s string) string {
	s, _ = repairMojibake(s)
	if !strings.Contains(s, "<") && strings.Contains(s, "&lt;") {
		s = html.UnescapeString(s)
	}
	return vn.NFC(pluginTag.ReplaceAllString(s, ""))
}

// unsafeHints are cheap substring tests that every unsafeHTML match
// passes (in ASCII lower case), so the regexp runs only on the few bodies
// that may match.
var unsafeHints = []string{"<script", "<iframe", "<object", "<embed", "<style", "<link", "<meta", "<form", "<base",
	"script:", " on", "\ton", "\non", "\ron", "\fon", "\"on", "'on", "/on"}

func countUnsafe(s string) int {
	if s == "" {
		return 0
	}

	lower := asciiLower(s)
	for _, h := range unsafeHints {
		if strings.Contains(lower, h) {
			return len(unsafeHTML.FindAllStringIndex(s, -1))
		}
	}

	return 0
}

// asciiLower lowers the ASCII letters of s and leaves every other byte,
// which is all the hints need and much cheaper than strings.ToLower on
// Vietnamese text.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}

	if i == len(s) {
		return s
	}

	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}

	return string(b)
}

// parseTime reads a Joomla datetime, stored in UTC; zero dates and empty
// values are nil.
func parseTime(s string) *time.Time {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "0000-00-00") {
		return nil
	}

	t, err := time.ParseInLocation("2006-01-02 15:04:05", s, time.UTC)
	if err != nil {
		t, err = time.ParseInLocation("2006-01-02", s, time.UTC)
		if err != nil {
			return nil
		}
	}

	return &t
}

// params reads Joomla parameters: JSON (1.6+) or INI lines (1.5).
func params(s string) map[string]string {
	out := map[string]string{}
	s = strings.TrimSpace(s)
	if s == "" {
		return out
	}

	if strings.HasPrefix(s, "{") {
		var m map[string]any
		if jsonUnmarshal(s, &m) == nil {
			for k, v := range m {
				if str, ok := v.(string); ok {
					out[k] = str
				} else if v != nil {
					out[k] = strings.TrimSpace(jsonString(v))
				}
			}
		}

		return out
	}

	for _, line := range strings.Split(s, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}

	return out
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return strings.Trim(string(b), `"`)
}
