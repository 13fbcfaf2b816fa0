package joomla

import (
	"context"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/vn"
)

// ---- categories ----

func (im *importer) importCategories(ctx context.Context) error {
	list, err := im.sourceCategories(ctx)
	if err != nil {
		return err
	}

	descs, err := im.categoryDescriptions(ctx)
	if err != nil {
		return err
	}

	slugs, current, err := im.categorySlugs(ctx)
	if err != nil {
		return err
	}

	im.prog.start("categories", len(list))
	for i, c := range list {
		im.prog.step()
		im.cats[c.jid] = c
		im.catOrder = append(im.catOrder, c)
		c.title = cleanText(c.title)
		c.live = c.published
		if par, ok := im.cats[c.parent]; ok {
			c.live = c.live && par.live
		}
		if err := im.putCategory(ctx, c, descs[c.jid], i+1, slugs, current); err != nil {
			im.rep.skip("category", c.jid, skipReason(err))
		}
	}

	return nil
}

// sourceCategories reads the categories in the order they are made, each
// after its parent: 1.5's sections and then their categories, or 1.6+'s
// nested categories.
func (im *importer) sourceCategories(ctx context.Context) ([]*category, error) {
	if im.ver.legacy() {
		return im.legacyCategories(ctx)
	}

	var list []*category
	err := scanAll(ctx, im.src, `SELECT id, parent_id, path, title, alias, published FROM `+im.p+`categories
			WHERE extension = 'com_content' ORDER BY lft`, func(r row) error {
		parent := ""
		if r.i(1) > 1 {
			parent = r.s(1)
		}

		list = append(list, &category{jid: r.s(0), num: r.i(0), parent: parent, path: r.s(2), title: r.s(3),
			alias: r.s(4), published: r.i(5) == 1})

		return nil
	})

	return list, err
}

// legacyCategories reads 1.5's sections, then the categories under them.
// Descriptions are read separately to keep these rows light.
func (im *importer) legacyCategories(ctx context.Context) ([]*category, error) {
	var list []*category
	err := scanAll(ctx, im.src, `SELECT id, title, alias, description, published FROM `+im.p+`sections
			WHERE scope = 'content' ORDER BY ordering, id`, func(r row) error {
		list = append(list, &category{jid: "section:" + r.s(0), num: r.i(0), alias: r.s(2), title: r.s(1),
			published: r.i(4) == 1, path: r.s(2)})
		return nil
	})
	if err != nil {
		return nil, err
	}

	err = scanAll(ctx, im.src, `SELECT id, section, title, alias, description, published FROM `+im.p+`categories
			WHERE section REGEXP '^[0-9]+$' ORDER BY ordering, id`, func(r row) error {
		list = append(list, &category{jid: r.s(0), num: r.i(0), parent: "section:" + r.s(1), alias: r.s(3),
			title: r.s(2), published: r.i(5) == 1, section: "section:" + r.s(1)})
		return nil
	})

	return list, err
}

// categoryDescriptions reads the description of every category (and 1.5
// section) by its jid.
func (im *importer) categoryDescriptions(ctx context.Context) (map[string]string, error) {
	descs := map[string]string{}
	dq := `SELECT id, description FROM ` + im.p + `categories WHERE extension = 'com_content'`
	if im.ver.legacy() {
		dq = `SELECT id, description FROM ` + im.p + `categories WHERE section REGEXP '^[0-9]+$'
			UNION ALL SELECT CONCAT('section:', id), description FROM ` + im.p + `sections WHERE scope = 'content'`
	}

	if err := scanAll(ctx, im.src, dq, func(r row) error { descs[r.s(0)] = r.s(1); return nil }); err != nil {
		return nil, err
	}

	return descs, nil
}

// categorySlugs reads the site's categories: their ids by slug, and their
// slugs by id.
func (im *importer) categorySlugs(ctx context.Context) (map[string]int64, map[int64]string, error) {
	rows, err := im.w.tx.QueryContext(ctx, `SELECT id, slug FROM categories WHERE site_id = $1`, im.opts.SiteID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()

	slugs := map[string]int64{}
	current := map[int64]string{}
	for rows.Next() {
		var id int64
		var slug string
		if err := rows.Scan(&id, &slug); err != nil {
			return nil, nil, err
		}

		slugs[slug] = id
		current[id] = slug
	}

	return slugs, current, rows.Err()
}

func (im *importer) putCategory(
	ctx context.Context,
	c *category,
	desc string,
	pos int,
	slugs map[string]int64,
	current map[int64]string,
) error {
	var parentID int64
	if par, ok := im.cats[c.parent]; ok {
		parentID = par.target
	}

	sum := checksum(c.title, c.alias, desc, strconv.FormatBool(c.published), strconv.FormatInt(parentID, 10),
		strconv.Itoa(pos))

	prev, mapped := im.mapped("category", c.jid)
	if mapped {
		if slug, ok := current[prev.target]; ok {
			c.target, c.slug = prev.target, slug
			if prev.checksum == sum {
				im.rep.count("category").Unchanged++
				return nil
			}
		} else {
			mapped = false // deleted in congtin since: make it again
		}
	}

	if c.slug == "" {
		base := vn.Slug(c.title)
		if base == "" {
			base = vn.Slug(c.alias)
		}
		if base == "" {
			base = "chuyen-muc-" + strconv.FormatInt(c.num, 10)
		}

		c.slug = base
		for n := 2; slugs[c.slug] != 0; n++ {
			c.slug = base + "-" + strconv.Itoa(n)
		}
	}

	if c.title == "" {
		c.title = c.alias
	}

	cc := &content.Category{ID: c.target, SiteID: im.opts.SiteID, ParentID: parentID, Slug: c.slug, Name: c.title,
		Description: cleanHTML(desc), Position: pos, Published: c.published}

	err := im.w.row(context.Background(), func() error {
		if err := im.content.PutImportedCategory(ctx, im.w.tx, cc, im.now.Unix()); err != nil {
			return err
		}
		return im.remember("category", c.jid, cc.ID, sum)
	})
	if err != nil {
		return err
	}

	c.target = cc.ID
	slugs[c.slug] = cc.ID
	current[cc.ID] = c.slug
	if mapped {
		im.rep.count("category").Updated++
	} else {
		im.rep.count("category").Created++
	}

	return im.w.commitIfDue(ctx, false)
}

// uncategorised is where articles without a (known) category go.
func (im *importer) uncategorised(ctx context.Context) *category {
	if c, ok := im.cats["uncategorised"]; ok {
		return c
	}

	// 1.5 "static content" (no section, no category) was public through
	// menu items, so this category is published.
	c := &category{jid: "uncategorised", title: "Chưa phân loại", alias: "uncategorised", published: true, live: true}
	im.cats[c.jid] = c
	// Without the slugs in use the category could be made twice: leave it
	// out, with the reason in the report.
	slugs, current, err := im.categorySlugs(ctx)
	if err != nil {
		im.rep.skip("category", c.jid, skipReason(err))
		return c
	}

	if err := im.putCategory(ctx, c, "", 1000, slugs, current); err != nil {
		im.rep.skip("category", c.jid, skipReason(err))
	}

	return c
}

// ---- tags ----

func (im *importer) importTags(ctx context.Context) error {
	if im.ver.Major < 3 {
		return nil
	}

	type tag struct {
		id          int64
		title, slug string
	}

	var list []tag
	query := `SELECT id, title, alias FROM ` + im.p + `tags WHERE id > 1 AND published >= 0 ORDER BY lft`
	err := scanAll(ctx, im.src, query, func(r row) error {
		t := tag{id: r.i(0), title: cleanText(r.s(1))}
		t.slug = vn.Slug(t.title)
		if t.slug == "" {
			t.slug = vn.Slug(r.s(2))
		}

		list = append(list, t)
		return nil
	})
	if err != nil {
		return err
	}

	im.prog.start("tags", len(list))
	for _, t := range list {
		im.prog.step()
		sid := strconv.FormatInt(t.id, 10)
		if t.slug == "" || t.title == "" {
			im.rep.skip("tag", sid, "no name")
			continue
		}

		sum := checksum(t.title, t.slug)
		if prev, ok := im.mapped("tag", sid); ok && prev.checksum == sum {
			im.tags[t.id] = prev.target
			im.rep.count("tag").Unchanged++
			continue
		}

		var id int64
		err := im.w.row(ctx, func() error {
			err := im.w.tx.QueryRowContext(ctx, `INSERT INTO tags (site_id, slug, name) VALUES ($1, $2, $3)
				ON CONFLICT (site_id, slug) DO UPDATE SET name = excluded.name RETURNING id`,
				im.opts.SiteID, t.slug, t.title).Scan(&id)
			if err != nil {
				return err
			}

			return im.remember("tag", sid, id, sum)
		})
		if err != nil {
			im.rep.skip("tag", sid, skipReason(err))
			continue
		}

		im.tags[t.id] = id
		im.rep.count("tag").Created++
	}

	return nil
}

// ---- settings ----

func (im *importer) importSettings(ctx context.Context) error {
	offset := im.opts.VisitsOffset
	if offset < 0 {
		v, note, ok := im.counterVisits(ctx)
		im.rep.Notes = append(im.rep.Notes, note)
		if !ok {
			return nil
		}

		offset = v
	}

	im.rep.VisitsOffset = offset
	values := map[string]string{site.KeyVisitsOffset: strconv.FormatInt(offset, 10)}
	return site.Save(ctx, im.w.tx, im.opts.SiteID, values)
}

// imagesField reads the 1.6+ images JSON.
func imagesField(s string) map[string]string {
	out := map[string]string{}
	if !strings.HasPrefix(strings.TrimSpace(s), "{") {
		return out
	}

	var m map[string]any
	if json.Unmarshal([]byte(s), &m) != nil {
		return out
	}

	for k, v := range m {
		if str, ok := v.(string); ok {
			out[k] = str
		}
	}

	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
