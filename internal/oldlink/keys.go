package oldlink

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/congtin/congtin/internal/vn"
)

// Old Joomla addresses come in many spellings for one page: with or
// without index.php/, with or without .html, a language prefix, query
// parameters in any order, an Itemid that depends on the page the link was
// made on. Keys reduces an address to the few keys the redirects table
// is searched by.

// ArticleKey is the key of Joomla article id, whatever form linked it.
func ArticleKey(id string) string { return "/?option=com_content&view=article&id=" + id }

// CategoryKey is the key of a category (view "category", or "section" in 1.5).
func CategoryKey(view, id string) string { return "/?option=com_content&view=" + view + "&id=" + id }

// PollKey is the key of a Joomla 1.5 poll.
func PollKey(id string) string { return "/?option=com_poll&id=" + id }

// ItemKey is the key of a menu item reached by ?Itemid=N alone.
func ItemKey(id string) string { return "/?Itemid=" + id }

var (
	numSeg  = regexp.MustCompile(`^([0-9]{1,10})(?:[-:].*)?$`)
	langSeg = regexp.MustCompile(`^[a-z]{2}(?:-[a-z]{2})?$`)
)

// LeadingID returns the numeric id of "123", "123:alias" or "123-alias",
// and "" when s does not start with one.
func LeadingID(s string) string {
	m := numSeg.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	return strings.TrimLeft(m[1], "0")
}

// normalizePath reduces an old path to its key form: decoded, NFC, lower
// case, without control characters (PostgreSQL refuses a NUL in text, and
// no old link has one), index.php/, a trailing slash or an .html suffix.
func normalizePath(p string) string {
	p = strings.ToLower(vn.NFC(p))
	if strings.IndexFunc(p, unicode.IsControl) >= 0 {
		p = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return -1
			}
			return r
		}, p)
	}
	if p == "/index.php" || p == "index.php" {
		return "/"
	}

	p = strings.TrimPrefix(p, "/index.php/")
	p = strings.TrimPrefix(p, "index.php/")
	p = strings.Trim(p, "/")
	for _, suf := range []string{".html", ".htm"} {
		p = strings.TrimSuffix(p, suf)
	}

	return "/" + p
}

// Keys returns the redirect keys of an old address, most specific
// first. path is the decoded URL path; q its query.
func Keys(path string, q url.Values) []string {
	get := func(k string) string {
		if vs := q[k]; len(vs) > 0 {
			return vs[0]
		}

		// Another spelling of the name: the first in sort order, so an
		// address carrying two ("id" and "ID") always gives the same keys.
		name := ""
		for key, vs := range q {
			if strings.EqualFold(key, k) && len(vs) > 0 && (name == "" || key < name) {
				name = key
			}
		}
		if name == "" {
			return ""
		}
		return q[name][0]
	}

	switch strings.ToLower(get("option")) {
	case "com_content":
		id := LeadingID(get("id"))
		view := strings.ToLower(get("view"))
		switch {
		case id == "":
		case view == "article" || strings.EqualFold(get("task"), "view") || (view == "" && get("task") == ""):
			return []string{ArticleKey(id)}
		case view == "category" || view == "section" || view == "categories":
			if view == "categories" {
				view = "category"
			}
			return []string{CategoryKey(view, id)}
		}

		if view == "frontpage" || view == "featured" {
			return []string{"/"}
		}

		return nil
	case "com_poll":
		if id := LeadingID(get("id")); id != "" {
			return []string{PollKey(id)}
		}
		return nil
	case "":
	default:
		return nil
	}

	p := normalizePath(path)
	suffix := ""
	if c := LeadingID(get("catid")); c != "" && strings.HasPrefix(p, "/component/content/article/") {
		suffix = "?catid=" + c
	}

	var keys []string
	if item := LeadingID(get("Itemid")); item != "" && p == "/" {
		keys = append(keys, ItemKey(item))
	}

	keys = append(keys, p+suffix)
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	if len(segs) > 1 && langSeg.MatchString(segs[0]) {
		segs = segs[1:]
		keys = append(keys, "/"+strings.Join(segs, "/")+suffix)
	}

	if p != "/" {
		last := segs[len(segs)-1]
		if id := LeadingID(last); id != "" {
			switch {
			case len(segs) >= 2 && segs[0] == "component" && segs[1] == "poll":
				keys = append(keys, PollKey(id))
			case len(segs) >= 3 && segs[0] == "component" && (segs[2] == "category" || segs[2] == "section"):
				keys = append(keys, CategoryKey(segs[2], id))
			default:
				keys = append(keys, ArticleKey(id), CategoryKey("category", id))
			}
		}
	}

	return keys
}
