package content

import (
	"encoding/base64"
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"

	"github.com/congtin/congtin/internal/vn"
)

// policy is the one sanitiser for every piece of HTML that reaches a
// visitor: the newsroom editor, the Joomla importer and the demo loader
// all pass through it. It keeps what government news needs (paragraphs,
// headings, emphasis, lists, tables, images, links, alignment) and drops
// scripts, event handlers, javascript: URLs, styles other than
// text-align (Word's mso- clutter among them) and Office's <o:p> tags.
// Picture alignment and borderless tables reach it as our own classes,
// and anchors as prefixed ids (sanitize_layout.go).
var policy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowElements("figure", "figcaption", "u", "s", "sub", "sup", "caption", "colgroup", "col")
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[0-9]{1,3}$`)).OnElements("td", "th")
	p.AllowAttrs("width", "height").Matching(regexp.MustCompile(`^[0-9]{1,4}%?$`)).
		OnElements("img", "table", "td", "th", "col")
	layoutClass := `^(align-(left|right|center)|text-(left|right|center|justify)|table-border(ed|less))$`
	p.AllowAttrs("class").Matching(regexp.MustCompile(layoutClass)).Globally()
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")
	// Alignment is the one piece of layout authors rely on: the editor's
	// align buttons write style="text-align: …", Word writes both that and
	// align=center, LibreOffice only align="center".
	p.AllowStyles("text-align").MatchingEnum("left", "right", "center", "justify").Globally()
	// The editor's underline button, and Joomla's editors before it,
	// write <span style="text-decoration: underline">.
	p.AllowStyles("text-decoration").MatchingEnum("underline", "line-through").OnElements("span")
	p.AllowAttrs("align").Matching(regexp.MustCompile(`(?i)^(left|right|center|justify)$`)).
		OnElements("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th")
	// Word's numbered lists that resume after a paragraph keep their number.
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.RequireNoFollowOnLinks(false)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	// LibreOffice puts pictures on the clipboard as data: URLs, and an
	// editor that cannot upload keeps them so. Raster images only: an SVG
	// opened as a document may run script.
	p.AllowURLSchemeWithCustomPolicy("data", dataImage)
	return p
})

var dataImagePrefix = regexp.MustCompile(`^image/(png|jpeg|gif|webp);base64,`)

// dataImage reports whether u is a base64 PNG, JPEG, GIF or WebP data URL.
func dataImage(u *url.URL) bool {
	if u.RawQuery != "" || u.Fragment != "" {
		return false
	}

	prefix := dataImagePrefix.FindString(u.Opaque)
	if prefix == "" {
		return false
	}

	_, err := base64.StdEncoding.DecodeString(u.Opaque[len(prefix):])
	return err == nil
}

var (
	officeTag = regexp.MustCompile(`(?i)</?o:p[^>]*>`)
	// imgTag finds images in the policy's output, where every attribute
	// value is quoted and escaped, so a '>' or '"' cannot hide inside one.
	imgTag = regexp.MustCompile(`<img\b[^>]*>`)
)

// SanitizeHTML returns html normalised to NFC and reduced to the safe
// subset every page may show. Word's fake lists become real ones first.
func SanitizeHTML(html string) string {
	if html == "" {
		return ""
	}

	html = officeTag.ReplaceAllString(vn.NFC(html), "")
	html = prepare(html)
	out := policy().Sanitize(html)
	// An image whose source the policy removed (Word's file:///C:/…
	// pictures, javascript: sources) would show as a broken frame.
	out = imgTag.ReplaceAllStringFunc(out, func(tag string) string {
		attrs, _ := readTag(tag)
		for _, a := range attrs {
			if a.key == "src" {
				return tag
			}
		}

		return ""
	})

	return strings.TrimSpace(keepAnchors(out))
}
