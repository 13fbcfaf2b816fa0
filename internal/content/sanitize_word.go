package content

import (
	"regexp"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Word does not put lists on the clipboard as <ol>/<ul>: each item is a
// paragraph whose style says mso-list:l1 level2 lfo3, and the number or
// bullet is typed text inside <![if !supportLists]> … <![endif]>. Left
// alone the sanitiser would keep "1." and "·" as text in plain paragraphs.
// convertWordLists (called by prepare) rebuilds the list so the page,
// the feed and a screen reader all see one.

var msoList = regexp.MustCompile(`(?i)mso-list\s*:\s*l[0-9]+\s+level([0-9]+)`)

// orderedMarker matches the numbers Word types: 1. 2) (3) 1.2. a) A. iv.
var orderedMarker = regexp.MustCompile(`^\(?([0-9]+(?:\.[0-9]+)*|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)]$`)

// wordListLevel returns the list level (1-9) of a Word list paragraph.
func wordListLevel(n *xhtml.Node) (int, bool) {
	if n.Type != xhtml.ElementNode || n.DataAtom != atom.P {
		return 0, false
	}

	m := msoList.FindStringSubmatch(attr(n, "style"))
	if m == nil {
		return 0, false
	}

	l, _ := strconv.Atoi(m[1])
	return min(max(l, 1), 9), true
}

func convertWordLists(parent *xhtml.Node) bool {
	changed := false
	for c := parent.FirstChild; c != nil; {
		if _, ok := wordListLevel(c); !ok {
			if convertWordLists(c) {
				changed = true
			}

			c = c.NextSibling
			continue
		}

		var items []*xhtml.Node
		end := c
		for n := c; n != nil; n = n.NextSibling {
			if _, ok := wordListLevel(n); ok {
				items = append(items, n)
				end = n
				continue
			}

			if n.Type == xhtml.CommentNode || (n.Type == xhtml.TextNode && strings.TrimSpace(n.Data) == "") {
				continue
			}
			break
		}

		next := end.NextSibling
		parent.InsertBefore(buildWordList(items), c)
		for n := c; n != next; {
			after := n.NextSibling
			parent.RemoveChild(n)
			n = after
		}

		changed = true
		c = next
	}

	return changed
}

// buildWordList nests the items by their level; each list is ordered or
// not by the marker of the item that opens it.
func buildWordList(items []*xhtml.Node) *xhtml.Node {
	var root *xhtml.Node
	var stack []*xhtml.Node
	for _, p := range items {
		level, _ := wordListLevel(p)
		marker := takeWordMarker(p)
		for len(stack) > level {
			stack = stack[:len(stack)-1]
		}

		for len(stack) < level {
			list := newWordList(marker)
			if len(stack) == 0 {
				root = list
			} else {
				top := stack[len(stack)-1]
				li := top.LastChild
				if li == nil {
					li = element(atom.Li)
					top.AppendChild(li)
				}

				li.AppendChild(list)
			}

			stack = append(stack, list)
		}

		li := element(atom.Li)
		for c := p.FirstChild; c != nil; c = p.FirstChild {
			p.RemoveChild(c)
			li.AppendChild(c)
		}

		stack[len(stack)-1].AppendChild(li)
	}

	return root
}

func newWordList(marker string) *xhtml.Node {
	m := orderedMarker.FindStringSubmatch(marker)
	if m == nil {
		return element(atom.Ul)
	}

	ol := element(atom.Ol)
	num := m[1]
	start := 1
	switch {
	case num[0] >= '0' && num[0] <= '9':
		first, _, _ := strings.Cut(num, ".")
		start, _ = strconv.Atoi(first)
	case num == "i" || num == "I" || len(num) > 1:
		ol.Attr = append(ol.Attr, xhtml.Attribute{Key: "type", Val: num[:1]})
		start = roman(strings.ToLower(num))
	case num[0] >= 'a' && num[0] <= 'z':
		ol.Attr = append(ol.Attr, xhtml.Attribute{Key: "type", Val: "a"})
		start = int(num[0]-'a') + 1
	default:
		ol.Attr = append(ol.Attr, xhtml.Attribute{Key: "type", Val: "A"})
		start = int(num[0]-'A') + 1
	}

	if start > 1 && start < 100000 {
		ol.Attr = append(ol.Attr, xhtml.Attribute{Key: "start", Val: strconv.Itoa(start)})
	}

	return ol
}

// roman returns the value of a lower-case Roman numeral, 0 if it is none.
func roman(s string) int {
	val := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	n := 0
	for i := range len(s) {
		v := val[s[i]]
		if v == 0 {
			return 0
		}

		if i+1 < len(s) && val[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}

	return n
}

// takeWordMarker removes the typed number or bullet from a list paragraph
// and returns it. Word wraps it in <![if !supportLists]> … <![endif]>
// (which parse as comments around it) and in a span styled
// mso-list:Ignore; an editor may have dropped the comments, so the span
// is the fallback.
func takeWordMarker(p *xhtml.Node) string {
	if open := findNode(p, func(n *xhtml.Node) bool {
		return n.Type == xhtml.CommentNode && strings.EqualFold(strings.TrimSpace(n.Data), "[if !supportLists]")
	}); open != nil {
		parent := open.Parent
		var text strings.Builder
		for n := open; n != nil; {
			after := n.NextSibling
			done := n != open && n.Type == xhtml.CommentNode && strings.EqualFold(strings.TrimSpace(n.Data), "[endif]")
			textOf(n, &text)
			parent.RemoveChild(n)
			if done {
				break
			}

			n = after
		}

		pruneEmpty(parent, p)
		return firstField(text.String())
	}

	if span := findNode(p, func(n *xhtml.Node) bool {
		style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
		return n.Type == xhtml.ElementNode && strings.Contains(style, "mso-list:ignore")
	}); span != nil {
		var text strings.Builder
		textOf(span, &text)
		parent := span.Parent
		parent.RemoveChild(span)
		pruneEmpty(parent, p)
		return firstField(text.String())
	}

	return ""
}

// pruneEmpty removes n and its ancestors below stop while they are empty
// elements, such as the span that only held Word's bullet font.
func pruneEmpty(n, stop *xhtml.Node) {
	for n != nil && n != stop && n.Type == xhtml.ElementNode && n.FirstChild == nil {
		parent := n.Parent
		parent.RemoveChild(n)
		n = parent
	}
}

func findNode(n *xhtml.Node, match func(*xhtml.Node) bool) *xhtml.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if match(c) {
			return c
		}
		if f := findNode(c, match); f != nil {
			return f
		}
	}
	return nil
}

func textOf(n *xhtml.Node, b *strings.Builder) {
	if n.Type == xhtml.TextNode {
		b.WriteString(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		textOf(c, b)
	}
}

func firstField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func element(a atom.Atom) *xhtml.Node {
	return &xhtml.Node{Type: xhtml.ElementNode, Data: a.String(), DataAtom: a}
}
