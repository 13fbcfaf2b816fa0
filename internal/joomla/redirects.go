package joomla

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/content"
)

// The redirect phase writes one row per key an old address reduces to
// (see LinkKeys): the numeric forms of every article, category, section
// and poll; every menu item's path and ?Itemid=; the category routes
// under each menu item in the three router styles; and the id-less
// 4.x/5.x article routes. Numbered article paths need no row of their
// own: LinkKeys falls back to the article's id.

func articleTarget(catSlug string, a artInfo) redirect {
	switch a.status {
	case content.StatusTrashed:
		return redirect{status: 410}
	case content.StatusDraft, content.StatusPending, content.StatusUnpublished:
		return redirect{status: 404}
	}
	return redirect{target: "/" + catSlug + "/" + strconv.FormatInt(a.target, 10) + "-" + a.slug, status: 301}
}

func categoryTarget(c *category) redirect {
	if !c.live || c.target == 0 {
		return redirect{status: 404}
	}
	return redirect{target: "/" + c.slug + "/", status: 301}
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
	put := func(key string, r redirect) {
		if key == "" {
			return
		}
		if _, ok := im.redirects[key]; !ok {
			im.redirects[key] = r
		}
	}
	// Numeric forms.
	byCat := map[string][]artInfo{}
	for _, a := range im.articles {
		c := im.cats[a.cat]
		put(ArticleKey(strconv.FormatInt(a.jid, 10)), articleTarget(c.slug, a))
		byCat[a.cat] = append(byCat[a.cat], a)
	}
	for _, c := range im.catOrder {
		if sec, ok := strings.CutPrefix(c.jid, "section:"); ok {
			put(CategoryKey("section", sec), categoryTarget(c))
		} else {
			put(CategoryKey("category", c.jid), categoryTarget(c))
		}
	}
	for sid, e := range im.imap["poll"] {
		put(PollKey(sid), redirect{target: "/binh-chon/" + strconv.FormatInt(e.target, 10), status: 301})
	}
	put("/", redirect{target: "/", status: 301})

	// The 4.x/5.x component route without a menu item.
	for _, a := range im.articles {
		if c := im.cats[a.cat]; c != nil && a.alias != "" && c.num != 0 {
			put(key("/component/content/article/"+a.alias, url.Values{"catid": {strconv.FormatInt(c.num, 10)}}),
				articleTarget(c.slug, a))
		}
	}

	items, err := im.menu(ctx)
	if err != nil {
		im.rep.Notes = append(im.rep.Notes, "menu not read, menu routes have no redirects: "+err.Error())
	}
	children := map[string][]*category{}
	for _, c := range im.catOrder {
		children[c.parent] = append(children[c.parent], c)
	}
	byID := map[string]*menuItem{}
	for _, m := range items {
		byID[m.id] = m
	}
	for _, m := range items {
		link := m.link
		if m.typ == "alias" || m.typ == "menulink" {
			target := byID[m.params["aliasoptions"]]
			if target == nil {
				target = byID[m.params["menu_item"]]
			}
			if target == nil {
				continue
			}
			link = target.link
		} else if m.typ != "component" {
			continue
		}
		lk := linkKey(link)
		r, ok := im.redirects[lk]
		if !ok {
			continue
		}
		put(ItemKey(m.id), r)
		if m.home || m.path == "" {
			continue
		}
		put(key("/"+m.path, nil), r)
		// Categories and articles below a category or section menu item.
		u, _ := url.Parse(link)
		q := u.Query()
		view, id := q.Get("view"), leadingID(q.Get("id"))
		var root *category
		switch {
		case q.Get("option") != "com_content" || id == "":
		case view == "section" && im.ver.legacy():
			root = im.cats["section:"+id]
		case view == "category" || view == "categories":
			root = im.cats[id]
		}
		if root == nil {
			continue
		}
		im.routesBelow(put, "/"+m.path, root, nil, children, byCat)
	}
	im.prog.start("redirects", len(im.redirects))
	return im.writeRedirects(ctx)
}

// routesBelow adds the routes of root's descendants under menu path base,
// chain being the categories between root and the current one.
func (im *importer) routesBelow(put func(string, redirect), base string, root *category, chain []*category,
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
	ks := LinkKeys(path, q)
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
		q = `SELECT id, '', link, type, params, home, parent, alias, published FROM ` + im.p + `menu ORDER BY sublevel, ordering, id`
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

// writeRedirects stores the rows in multi-row statements; existing rows
// with the same key are updated, so a second run adds nothing.
func (im *importer) writeRedirects(ctx context.Context) error {
	const per = 200
	old := map[string]redirect{}
	rows, err := im.w.tx.QueryContext(ctx, `SELECT old_path, target, status FROM redirects WHERE site_id = $1`, im.opts.SiteID)
	if err != nil {
		return err
	}
	for rows.Next() {
		var k string
		var r redirect
		if err := rows.Scan(&k, &r.target, &r.status); err != nil {
			rows.Close()
			return err
		}
		old[k] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	c := im.rep.count("redirect")
	var keys []string
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
		keys = append(keys, k)
	}
	old = nil
	for i := 0; i < len(keys); i += per {
		chunk := keys[i:min(i+per, len(keys))]
		var b strings.Builder
		b.WriteString(`INSERT INTO redirects (site_id, old_path, target, status) VALUES `)
		args := make([]any, 0, len(chunk)*4)
		for j, k := range chunk {
			if j > 0 {
				b.WriteString(", ")
			}
			n := len(args)
			b.WriteString("($" + strconv.Itoa(n+1) + ", $" + strconv.Itoa(n+2) + ", $" + strconv.Itoa(n+3) + ", $" + strconv.Itoa(n+4) + ")")
			r := im.redirects[k]
			args = append(args, im.opts.SiteID, k, r.target, r.status)
		}
		b.WriteString(` ON CONFLICT (site_id, old_path) DO UPDATE SET target = excluded.target, status = excluded.status`)
		if _, err := im.w.tx.ExecContext(ctx, b.String(), args...); err != nil {
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
