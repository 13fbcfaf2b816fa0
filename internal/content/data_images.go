package content

import (
	"encoding/base64"
	"regexp"
	"strings"
)

// dataImageSrc finds a picture carried inside the HTML as a base64 data:
// URL, as Word and LibreOffice paste them, in either kind of quotes.
var dataImageSrc = regexp.MustCompile(`(?i)\bsrc\s*=\s*(?:"data:(image/[a-z]+);base64,([^"]*)"|` +
	`'data:(image/[a-z]+);base64,([^']*)')`)

// MoveDataImages gives every data: picture in html to keep (which stores
// the bytes and answers their address) and puts the address in its
// place, so an article does not carry megabytes of base64 in its text.
// A picture whose bytes do not decode is left for the sanitiser to judge;
// keep's first error stops the work and is returned.
func MoveDataImages(html string, keep func(data []byte) (string, error)) (string, error) {
	if !strings.Contains(html, "data:") {
		return html, nil
	}
	var failed error
	out := dataImageSrc.ReplaceAllStringFunc(html, func(attr string) string {
		if failed != nil {
			return attr
		}
		m := dataImageSrc.FindStringSubmatch(attr)
		encoded := m[2] + m[4]
		data, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(encoded), ""))
		if err != nil {
			return attr
		}
		url, err := keep(data)
		if err != nil {
			failed = err
			return attr
		}
		return `src="` + url + `"`
	})
	if failed != nil {
		return html, failed
	}
	return out, nil
}
