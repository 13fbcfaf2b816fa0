package content

import (
	"regexp"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The policy keeps no style beyond text-align and underline, yet three
// pieces of layout that only styles and attributes carry matter to a
// reader: where a picture sits (the editor writes float or auto margins,
// Word align=left), whether a table has rules (Word's border=0 for the
// letterhead of an official document, border=1 for a data table), and
// in-page anchors (Word's footnotes are <a name> pairs). prepare turns
// the first two into our own classes before the policy runs and names
// anchors by id; keepAnchors, after the policy, keeps only the ids some
// link in the same body points to.
//
// Both steps leave the policy's own output unchanged (it has no style on
// images, no border attribute, no name, only prefixed ids that are linked
// to), so sanitising twice gives what sanitising once gave.

// allowedClasses are the classes the policy keeps; see sanitize.go.
var allowedClasses = map[string]bool{
	"align-left": true, "align-right": true, "align-center": true,
	"text-left": true, "text-right": true, "text-center": true, "text-justify": true,
	"table-bordered": true, "table-borderless": true,
}

// layoutTriggers find, cheaply and in lower case, the markup prepare may
// rewrite, so that a body with none of it is not parsed twice. Missing
// one costs only that rewrite, never safety: the policy runs either way.
// Each pattern starts with a literal and runs only when its words occur.
var layoutTriggers = []struct {
	words []string
	re    *regexp.Regexp
}{
	{[]string{"<img"}, regexp.MustCompile(`<img\s[^>]*\b(?:float|margin|align\s*=)`)},
	{[]string{"<table", "border"}, regexp.MustCompile(`<table\s[^>]*\bborder\s*=\s*["']?\s*0`)},
	{[]string{"<table", "border"}, regexp.MustCompile(`border[a-z-]*\s*:\s*(?:none|0|hidden)`)},
	{[]string{"<a", "name"}, regexp.MustCompile(`<a\s[^>]*\bname\s*=`)},
	{[]string{"class", "align-"}, regexp.MustCompile(`class\s*=\s*["'][^"'>]*\balign-`)},
	{[]string{"class", "text-"}, regexp.MustCompile(`class\s*=\s*["'][^"'>]*\btext-(?:left|right|center|justify)`)},
	{[]string{"class", "table-border"}, regexp.MustCompile(`class\s*=\s*["'][^"'>]*\btable-border`)},
}

func hasLayout(lower string) bool {
next:
	for _, t := range layoutTriggers {
		for _, w := range t.words {
			if !strings.Contains(lower, w) {
				continue next
			}
		}
		if t.re.MatchString(lower) {
			return true
		}
	}
	return false
}

// prepare returns s with Word's fake lists made real and layout moved to
// classes and ids, or s itself when there is nothing to change.
func prepare(s string) string {
	lower := strings.ToLower(s)
	lists := strings.Contains(lower, "mso-list")
	layout := hasLayout(lower)
	if !lists && !layout {
		return s
	}

	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return s
	}

	for _, n := range nodes {
		body.AppendChild(n)
	}

	changed := false
	if lists && convertWordLists(body) {
		changed = true
	}
	if layout && layoutToClasses(body) {
		changed = true
	}
	if !changed {
		return s
	}

	var b strings.Builder
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if err := xhtml.Render(&b, c); err != nil {
			return s
		}
	}

	return b.String()
}

// layoutToClasses walks the tree and reports whether it changed anything.
func layoutToClasses(n *xhtml.Node) bool {
	changed := false
	if n.Type == xhtml.ElementNode {
		switch n.DataAtom {
		case atom.Img:
			if a := imageAlign(n); a != "" {
				// The class says it; align=left would float the picture
				// on a phone too.
				if v := strings.ToLower(strings.TrimSpace(attr(n, "align"))); v == "left" || v == "right" {
					removeAttr(n, "align")
					changed = true
				}
				if attr(n, "class") != "align-"+a {
					setAttr(n, "class", "align-"+a)
					changed = true
				}
			}
		case atom.Table:
			if tableBorderless(n) && attr(n, "class") != "table-borderless" {
				setAttr(n, "class", "table-borderless")
				changed = true
			}
		case atom.A:
			if name := attr(n, "name"); name != "" {
				if !anchorName.MatchString(attr(n, "id")) && anchorName.MatchString(name) {
					setAttr(n, "id", name)
				}

				removeAttr(n, "name")
				changed = true
			}
		}
		// The editor's captioned pictures are <figure class="image
		// align-left">: keep the class the policy knows.
		if c := attr(n, "class"); c != "" {
			for _, f := range strings.Fields(c) {
				if allowedClasses[f] {
					if f != c {
						setAttr(n, "class", f)
						changed = true
					}
					break
				}
			}
		}
	}

	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if layoutToClasses(c) {
			changed = true
		}
	}

	return changed
}

// styleDecls returns the declarations of a style attribute, properties
// lower-cased, the last one winning as in a browser.
func styleDecls(style string) map[string]string {
	d := map[string]string{}
	for _, decl := range strings.Split(style, ";") {
		prop, val, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		val = strings.ToLower(strings.Join(strings.Fields(val), " "))
		d[strings.ToLower(strings.TrimSpace(prop))] = strings.TrimSuffix(val, " !important")
	}

	return d
}

// imageAlign returns left, right or center for an image the editor or
// Word aligned, "" otherwise. The editor writes float: left|right, or
// display: block with auto side margins for a centred picture; Word and
// LibreOffice write align=left|right for a picture text wraps around.
func imageAlign(img *xhtml.Node) string {
	d := styleDecls(attr(img, "style"))
	switch d["float"] {
	case "left", "right":
		return d["float"]
	}

	if d["display"] == "block" {
		left, right := d["margin-left"], d["margin-right"]
		if m := strings.Fields(d["margin"]); len(m) >= 2 {
			right, left = m[1], m[1]
			if len(m) == 4 {
				left = m[3]
			}
			if v, ok := d["margin-left"]; ok {
				left = v
			}
			if v, ok := d["margin-right"]; ok {
				right = v
			}
		}

		if left == "auto" && right == "auto" {
			return "center"
		}
	}

	switch a := strings.ToLower(strings.TrimSpace(attr(img, "align"))); a {
	case "left", "right":
		return a
	}

	return ""
}

// visibleBorder matches a border declaration that draws a line.
var visibleBorder = regexp.MustCompile(`\b(solid|double|dashed|dotted|groove|ridge|inset|outset)\b`)

// tableBorderless reports whether a table was meant to show no rules:
// border="0" (Word's letterhead tables, the editor with border 0) or
// cells that say border: none (LibreOffice), and no cell that draws a
// line. Every other table keeps the rules the site gives all tables.
func tableBorderless(table *xhtml.Node) bool {
	zero := false
	if b, ok := attrOK(table, "border"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(b))
		zero = err == nil && n == 0
	}

	none, drawn := false, false
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != xhtml.ElementNode || c.DataAtom == atom.Table {
				continue
			}
			if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				for prop, val := range styleDecls(attr(c, "style")) {
					if prop != "border" && !strings.HasPrefix(prop, "border-") {
						continue
					}
					switch {
					case visibleBorder.MatchString(val):
						drawn = true
					case val == "none" || val == "0" || val == "hidden":
						none = true
					}
				}
			}

			walk(c)
		}
	}

	walk(table)
	return !drawn && (zero || none)
}

func attrOK(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func setAttr(n *xhtml.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, xhtml.Attribute{Key: key, Val: val})
}

func removeAttr(n *xhtml.Node, key string) {
	out := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key != key {
			out = append(out, a)
		}
	}
	n.Attr = out
}

// In-page anchors. An id is kept only when a link in the same body
// points to it, and then with the prefix fn- (the link rewritten to
// match), so that neither a pasted id="header" nor Word's hidden
// bookmarks (_GoBack, _Toc…) can take a name the page itself uses.
const anchorPrefix = "fn-"

var (
	anchorName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,63}$`)
	// The policy writes every attribute as key="value" with the value
	// escaped, so no '"' or '>' hides inside one and a start tag can be
	// read attribute by attribute.
	startTag     = regexp.MustCompile(`<[a-z][a-z0-9]*(?:\s[^>]*)?>`)
	tagAttribute = regexp.MustCompile(`^\s([^\s"'>/=]+)="([^"]*)"`)
)

// tagAttr is one attribute of a start tag: its key, value and where the
// whole ` key="value"` lies in the tag.
type tagAttr struct {
	key, val   string
	start, end int
}

// readTag returns the attributes of a start tag the policy wrote, or
// false if it is not in that form.
func readTag(tag string) ([]tagAttr, bool) {
	i := 1
	for i < len(tag) && tag[i] != ' ' && tag[i] != '/' && tag[i] != '>' {
		i++
	}

	var attrs []tagAttr
	for {
		m := tagAttribute.FindStringSubmatchIndex(tag[i:])
		if m == nil {
			break
		}
		attrs = append(attrs, tagAttr{key: tag[i+m[2] : i+m[3]], val: tag[i+m[4] : i+m[5]], start: i, end: i + m[1]})
		i += m[1]
	}

	rest := tag[i:]
	return attrs, rest == ">" || rest == "/>"
}

// inPageID returns the prefixed form of an anchor name and whether both
// the name and its prefixed form are acceptable ids.
func inPageID(name string) (string, bool) {
	if !anchorName.MatchString(name) {
		return "", false
	}
	if !strings.HasPrefix(name, anchorPrefix) {
		name = anchorPrefix + name
	}
	return name, anchorName.MatchString(name)
}

// keepAnchors applies the rule above to the policy's output.
func keepAnchors(out string) string {
	if !strings.Contains(out, ` id="`) {
		return out
	}

	targets := map[string]bool{}
	for _, tag := range startTag.FindAllString(out, -1) {
		attrs, _ := readTag(tag)
		for _, a := range attrs {
			if a.key == "href" && strings.HasPrefix(a.val, "#") {
				if id, ok := inPageID(a.val[1:]); ok {
					targets[id] = true
				}
			}
		}
	}

	kept := map[string]bool{}
	strayLink := false
	out = startTag.ReplaceAllStringFunc(out, func(tag string) string {
		attrs, ok := readTag(tag)
		if !ok {
			return tag
		}

		for _, a := range attrs {
			if a.key != "id" {
				continue
			}

			id, ok := inPageID(a.val)
			if ok && targets[id] && !kept[id] {
				kept[id] = true
				return tag[:a.start] + ` id="` + id + `"` + tag[a.end:]
			}

			if strings.HasPrefix(tag, "<a ") {
				strayLink = true
			}

			return tag[:a.start] + tag[a.end:]
		}

		return tag
	})
	if len(kept) > 0 {
		out = startTag.ReplaceAllStringFunc(out, func(tag string) string {
			attrs, ok := readTag(tag)
			if !ok {
				return tag
			}

			for _, a := range attrs {
				if a.key != "href" || !strings.HasPrefix(a.val, "#") {
					continue
				}
				if id, ok := inPageID(a.val[1:]); ok && kept[id] && id != a.val[1:] {
					return tag[:a.start] + ` href="#` + id + `"` + tag[a.end:]
				}
			}

			return tag
		})
	}

	if strayLink {
		// A bookmark that was only an id is now a bare <a>; the policy
		// drops it and keeps its text.
		out = policy().Sanitize(out)
	}

	return out
}
