package joomla

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/oldlink"
)

// The redirect phase writes one row per key an old address reduces to
// (see oldlink.Keys): the numeric forms of every article, category, section
// and poll; every menu item's path and ?Itemid=; the category routes
// under each menu item in the three router styles; and the id-less
// 4.x/5.x article routes. Numbered article paths need no row of their
// own: oldlink.Keys falls back to the article's id.

func articleTarget(catSlug string, a artInfo) oldlink.Redirect {
	switch a.status {
	case content.StatusTrashed:
		return oldlink.Redirect{Status: 410}
	case content.StatusDraft, content.StatusPending, content.StatusUnpublished:
		return oldlink.Redirect{Status: 404}
	}
	return oldlink.Redirect{Target: "/" + catSlug + "/" + strconv.FormatInt(a.target, 10) + "-" + a.slug, Status: 301}
}

func categoryTarget(c *category) oldlink.Redirect {
	if !c.live || c.target == 0 {
		return oldlink.Redirect{Status: 404}
	}
	return oldlink.Redirect{Target: "/" + c.slug + "/", Status: 301}
}

type menuItem struct {
	id      string
	path    string
	link    string
	typ     string
	params  map[string]string
	home    bool
	parent  string
	alias   string
	trashed bool
}

func (im *importer) importRedirects(ctx context.Context) error {
	byCat := im.numericRedirects()

	// The 4.x/5.x component route without a menu item.
	for _, a := range im.articles {
		if c := im.cats[a.cat]; c != nil && a.alias != "" && c.num != 0 {
			catid := url.Values{"catid": {strconv.FormatInt(c.num, 10)}}
			im.addRedirect(key("/component/content/article/"+a.alias, catid), articleTarget(c.slug, a))
		}
	}

	items, err := im.menu(ctx)
	if err != nil {
		im.rep.Notes = append(im.rep.Notes, "menu not read, menu routes have no redirects: "+err.Error())
	}

	im.menuRedirects(items, byCat)

	im.prog.start("redirects", len(im.redirects))
	return im.writeRedirects(ctx)
}

// addRedirect keeps r for key, unless key is empty or already has one:
// the first row written for a key is the most specific.
func (im *importer) addRedirect(key string, r oldlink.Redirect) {
	if key == "" {
		return
	}
	if _, ok := im.redirects[key]; !ok {
		im.redirects[key] = r
	}
}

// numericRedirects adds the numeric forms of every article, category,
// section and poll, and the home page; it returns the articles by
// category for the menu routes.
func (im *importer) numericRedirects() map[string][]artInfo {
	byCat := map[string][]artInfo{}
	for _, a := range im.articles {
		c := im.cats[a.cat]
		im.addRedirect(oldlink.ArticleKey(strconv.FormatInt(a.jid, 10)), articleTarget(c.slug, a))
		byCat[a.cat] = append(byCat[a.cat], a)
	}

	for _, c := range im.catOrder {
		if sec, ok := strings.CutPrefix(c.jid, "section:"); ok {
			im.addRedirect(oldlink.CategoryKey("section", sec), categoryTarget(c))
		} else {
			im.addRedirect(oldlink.CategoryKey("category", c.jid), categoryTarget(c))
		}
	}

	for sid, e := range im.imap["poll"] {
		im.addRedirect(oldlink.PollKey(sid),
			oldlink.Redirect{Target: "/binh-chon/" + strconv.FormatInt(e.target, 10), Status: 301})
	}

	im.addRedirect("/", oldlink.Redirect{Target: "/", Status: 301})
	return byCat
}

// menuRedirects adds, for every menu item that leads to a page with a
// redirect, its ?Itemid= and its path, and the routes of the categories
// and articles below a category or section item.
func (im *importer) menuRedirects(items []*menuItem, byCat map[string][]artInfo) {
	children := map[string][]*category{}
	for _, c := range im.catOrder {
		children[c.parent] = append(children[c.parent], c)
	}

	byID := map[string]*menuItem{}
	for _, m := range items {
		byID[m.id] = m
	}

	for _, m := range items {
		link, ok := menuLink(m, byID)
		if !ok {
			continue
		}

		r, ok := im.redirects[linkKey(link)]
		if !ok {
			continue
		}

		im.addRedirect(oldlink.ItemKey(m.id), r)
		if m.home || m.path == "" {
			continue
		}

		im.addRedirect(key("/"+m.path, nil), r)
		if root := im.menuRoot(link); root != nil {
			im.routesBelow(im.addRedirect, "/"+m.path, root, nil, children, byCat)
		}
	}
}

// menuLink is the link menu item m leads to: its own for a component
// item, its target's for an alias; false for other items.
func menuLink(m *menuItem, byID map[string]*menuItem) (string, bool) {
	switch m.typ {
	case "alias", "menulink":
		target := byID[m.params["aliasoptions"]]
		if target == nil {
			target = byID[m.params["menu_item"]]
		}
		if target == nil {
			return "", false
		}

		return target.link, true
	case "component":
		return m.link, true
	}
	return "", false
}

// menuRoot is the category (or 1.5 section) a menu item's link shows,
// under which its categories and articles have routes; nil for others.
func (im *importer) menuRoot(link string) *category {
	u, _ := url.Parse(link)
	q := u.Query()
	view, id := q.Get("view"), oldlink.LeadingID(q.Get("id"))
	switch {
	case q.Get("option") != "com_content" || id == "":
	case view == "section" && im.ver.legacy():
		return im.cats["section:"+id]
	case view == "category" || view == "categories":
		return im.cats[id]
	}

	return nil
}

// routesBelow adds the routes of root's descendants under menu path base,
// chain being the categories between root and the current one.
func (im *importer) routesBelow(put func(string, oldlink.Redirect), base string, root *category, chain []*category,
	children map[string][]*category, byCat map[string][]artInfo) {
	cur := root
	if len(chain) > 0 {
		cur = chain[len(chain)-1]
		leaf := cur
		var plain, ids []string
		for _, c := range chain {
			plain = append(plain, strings.ToLower(c.alias))
			ids = append(ids, strconv.FormatInt(c.num, 10)+"-"+strings.ToLower(c.alias))
		}

		legacy := append([]string{strconv.FormatInt(leaf.num, 10) + "-" + plain[0]}, plain[1:]...)
		for _, segs := range [][]string{plain, ids, legacy} {
			put(key(base+"/"+strings.Join(segs, "/"), nil), categoryTarget(leaf))
		}

		if len(chain) > 8 {
			return
		}
	}

	// 4.x/5.x with sef_ids: articles by alias under the category path.
	var prefix string
	for _, c := range chain {
		prefix += "/" + strings.ToLower(c.alias)
	}

	for _, a := range byCat[cur.jid] {
		if a.alias != "" {
			put(key(base+prefix+"/"+a.alias, nil), articleTarget(cur.slug, a))
		}
	}

	for _, ch := range children[cur.jid] {
		im.routesBelow(put, base, root, append(append([]*category{}, chain...), ch), children, byCat)
	}
}

func key(path string, q url.Values) string {
	ks := oldlink.Keys(path, q)
	if len(ks) == 0 {
		return ""
	}
	return ks[0]
}

func linkKey(link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil {
		return ""
	}
	return key("/", u.Query())
}

// menu reads the site menu items, with their SEF path (1.5 builds it from
// the alias chain).
func (im *importer) menu(ctx context.Context) ([]*menuItem, error) {
	var items []*menuItem
	q := `SELECT id, path, link, type, params, home, parent_id, alias, published FROM ` + im.p + `menu
		WHERE client_id = 0 AND id > 1 ORDER BY lft`
	if im.ver.legacy() {
		q = `SELECT id, '', link, type, params, home, parent, alias, published FROM ` + im.p +
			`menu ORDER BY sublevel, ordering, id`
	}

	err := scanAll(ctx, im.src, q, func(r row) error {
		m := &menuItem{id: r.s(0), path: strings.ToLower(r.s(1)), link: r.s(2), typ: r.s(3), params: params(r.s(4)),
			home: r.i(5) == 1, parent: r.s(6), alias: strings.ToLower(r.s(7)), trashed: r.i(8) == -2}
		if !m.trashed {
			items = append(items, m)
		}

		return nil
	})
	if err != nil {
		return nil, err
	}

	if im.ver.legacy() {
		byID := map[string]*menuItem{}
		for _, m := range items {
			byID[m.id] = m
		}

		for _, m := range items {
			var segs []string
			for cur, n := m, 0; cur != nil && n < 10; cur, n = byID[cur.parent], n+1 {
				segs = append([]string{cur.alias}, segs...)
			}

			m.path = strings.Join(segs, "/")
		}
	}

	return items, nil
}

// writeRedirects stores the rows that are new or changed; existing rows
// with the same key are updated, so a second run adds nothing.
func (im *importer) writeRedirects(ctx context.Context) error {
	const per = 200
	old, err := oldlink.Stored(ctx, im.w.tx, im.opts.SiteID)
	if err != nil {
		return err
	}

	c := im.rep.count("redirect")
	var changed []oldlink.Entry
	for _, k := range sortedKeys(im.redirects) {
		prev, ok := old[k]
		switch {
		case !ok:
			c.Created++
		case prev != im.redirects[k]:
			c.Updated++
		default:
			c.Unchanged++
			continue
		}

		changed = append(changed, oldlink.Entry{Key: k, Redirect: im.redirects[k]})
	}

	old = nil

	for i := 0; i < len(changed); i += per {
		chunk := changed[i:min(i+per, len(changed))]
		if err := oldlink.Save(ctx, im.w.tx, im.opts.SiteID, chunk); err != nil {
			return err
		}

		for range chunk {
			im.prog.step()
		}

		if err := im.w.commitIfDue(ctx, false); err != nil {
			return err
		}
	}

	return nil
}
