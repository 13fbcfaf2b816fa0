package content

import (
	"regexp"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"

	"github.com/congtin/congtin/internal/vn"
)

// policy is the one sanitiser for every piece of HTML that reaches a
// visitor: the newsroom editor, the Joomla importer and the demo loader
// all pass through it. It keeps what government news needs (paragraphs,
// headings, emphasis, lists, tables, images, links) and drops scripts,
// event handlers, javascript: URLs, styles (Word's mso- clutter among
// them) and Office's <o:p> tags.
var policy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowElements("figure", "figcaption", "u", "s", "sub", "sup", "caption", "colgroup", "col")
	p.AllowAttrs("colspan", "rowspan").Matching(regexp.MustCompile(`^[0-9]{1,3}$`)).OnElements("td", "th")
	p.AllowAttrs("width", "height").Matching(regexp.MustCompile(`^[0-9]{1,4}%?$`)).OnElements("img", "table", "td", "th", "col")
	p.AllowAttrs("class").Matching(regexp.MustCompile(`^(align-(left|right|center)|text-(left|right|center|justify))$`)).Globally()
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^lazy$`)).OnElements("img")
	p.RequireNoFollowOnLinks(false)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	p.AllowURLSchemes("http", "https", "mailto", "tel")
	return p
})

var officeTag = regexp.MustCompile(`(?i)</?o:p[^>]*>`)

// SanitizeHTML returns html normalised to NFC and reduced to the safe
// subset every page may show.
func SanitizeHTML(html string) string {
	if html == "" {
		return ""
	}
	html = officeTag.ReplaceAllString(vn.NFC(html), "")
	return strings.TrimSpace(policy().Sanitize(html))
}
