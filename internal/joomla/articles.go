package joomla

import (
	"context"
	"html"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/vn"
)

type srcArticle struct {
	id                                 int64
	title, alias, intro, full          string
	state                              int64
	catid                              string
	created, createdBy, byline, mod    string
	up, down, images, metadesc, access string
	hits                               int64
	featured                           bool
}

func (im *importer) importArticles(ctx context.Context) error {
	p := im.p
	// Every article id in use, to know which Joomla ids can be kept.
	used := map[int64]bool{}
	var maxID int64
	rows, err := im.w.tx.QueryContext(ctx, `SELECT id FROM articles`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		used[id] = true
		maxID = max(maxID, id)
	}
	rows.Close()
	var srcMax int64
	im.src.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) FROM `+p+`content`).Scan(&srcMax)
	next := max(maxID, srcMax) + 1

	tagsOf := map[int64][]int64{}
	if im.ver.Major >= 3 {
		err := scanAll(ctx, im.src, `SELECT content_item_id, tag_id FROM `+p+`contentitem_tag_map
			WHERE type_alias = 'com_content.article' ORDER BY content_item_id, tag_id`, func(r row) error {
			tagsOf[r.i(0)] = append(tagsOf[r.i(0)], r.i(1))
			return nil
		})
		if err != nil {
			return err
		}
	}
	featured := "c.featured"
	if im.ver.legacy() {
		featured = `(SELECT count(*) FROM ` + p + `content_frontpage f WHERE f.content_id = c.id)`
	}
	total := im.count(ctx, `SELECT count(*) FROM `+p+`content`)
	im.articles = make([]artInfo, 0, total)
	im.prog.start("articles", total)
	q := `SELECT c.id, c.title, c.alias, c.introtext, c.` + "`fulltext`" + `, c.state, c.catid, c.created, c.created_by,
		c.created_by_alias, c.modified, c.publish_up, c.publish_down, c.images, c.metadesc, c.access, c.hits, ` +
		featured + ` FROM ` + p + `content c ORDER BY c.id`
	return scanAll(ctx, im.src, q, func(r row) error {
		defer im.prog.step()
		a := srcArticle{id: r.i(0), title: r.s(1), alias: r.s(2), intro: r.s(3), full: r.s(4), state: r.i(5),
			catid: r.s(6), created: r.s(7), createdBy: r.s(8), byline: r.s(9), mod: r.s(10), up: r.s(11),
			down: r.s(12), images: r.s(13), metadesc: r.s(14), access: r.s(15), hits: r.i(16), featured: r.i(17) != 0}
		im.putArticle(ctx, &a, tagsOf[a.id], used, &next)
		return im.w.commitIfDue(ctx, false)
	})
}

func (im *importer) statusOf(state int64) content.Status {
	switch {
	case state == 1:
		return content.StatusPublished
	case state == -2:
		return content.StatusTrashed
	case state == 2 && !im.ver.legacy(), state == -1 && im.ver.legacy():
		return content.StatusArchived
	}
	return content.StatusDraft
}

func (im *importer) putArticle(ctx context.Context, s *srcArticle, tags []int64, used map[int64]bool, next *int64) {
	sid := strconv.FormatInt(s.id, 10)
	cat, ok := im.cats[s.catid]
	if !ok || cat.target == 0 {
		cat = im.uncategorised(ctx)
		if cat.target == 0 {
			im.rep.skip("article", sid, "no category")
			return
		}
	}
	title := cleanText(s.title)
	if title == "" {
		title = cleanText(s.alias)
	}
	slug := vn.Slug(title)
	if slug == "" {
		slug = "bai-viet"
	}
	status := im.statusOf(s.state)
	public := s.access == "1" || s.access == "5" || s.access == ""
	if im.ver.legacy() {
		public = s.access == "0" || s.access == ""
	}
	if status == content.StatusPublished && !cat.live {
		status = content.StatusUnpublished
	}
	info := artInfo{jid: s.id, alias: strings.ToLower(s.alias), cat: cat.jid, slug: slug, status: status}
	parts := []string{title, s.alias, s.intro, s.full, strconv.FormatInt(s.state, 10), cat.jid, strconv.FormatInt(cat.target, 10),
		strconv.FormatBool(cat.live), s.created, s.createdBy, s.byline, s.mod, s.up, s.down, s.images, s.metadesc, s.access,
		strconv.FormatInt(s.hits, 10), strconv.FormatBool(s.featured), strconv.FormatBool(im.opts.ImagesRoot != ""), im.baseHost,
		string(int64sBytes(tags))}
	sum := checksum(parts...)
	prev, mapped := im.mapped("article", sid)
	if mapped && !used[prev.target] {
		mapped = false // deleted in congtin since
	}
	if mapped && prev.checksum == sum {
		info.target = prev.target
		im.articles = append(im.articles, info)
		im.rep.count("article").Unchanged++
		return
	}
	target := s.id
	switch {
	case mapped:
		target = prev.target
	case used[s.id]:
		target = *next
		*next++
	}

	a := &content.Article{ID: target, SiteID: im.opts.SiteID, CategoryID: cat.target, Slug: slug, Title: title,
		Status: status, Hits: s.hits, Featured: s.featured, MetaDescription: cleanText(s.metadesc)}
	a.AuthorAlias = cleanText(s.byline)
	jUser, _ := strconv.ParseInt(s.createdBy, 10, 64)
	if a.AuthorAlias == "" {
		a.AuthorAlias = im.names[jUser]
	}
	a.CreatedBy = im.userIDs[jUser]
	created := parseTime(s.created)
	if created == nil {
		created = parseTime(s.mod)
	}
	if created == nil {
		created = &im.now
	}
	a.CreatedAt = *created
	if m := parseTime(s.mod); m != nil {
		a.UpdatedAt = *m
	}
	a.PublishAt = parseTime(s.up)
	if a.PublishAt == nil && (status == content.StatusPublished || status == content.StatusArchived || status == content.StatusUnpublished) {
		a.PublishAt = created
	}
	a.UnpublishAt = parseTime(s.down)

	intro, full := s.intro, s.full
	if im.ver.legacy() {
		intro, full = mosImages(intro, s.images), mosImages(full, s.images)
	}
	intro, full = cleanHTML(intro), cleanHTML(full)
	if strings.TrimSpace(full) == "" {
		intro, full = "", intro
	}
	before := countUnsafe(intro) + countUnsafe(full)
	intro = im.rewriteRefs(ctx, intro, target)
	full = im.rewriteRefs(ctx, full, target)
	if !im.ver.legacy() {
		imgs := imagesField(s.images)
		var lead storedMedia
		if rel := im.localPath(imgs["image_intro"]); rel != "" {
			if sm, ok := im.file(ctx, rel, target); ok && strings.HasPrefix(im.mediaMime[sm.id], "image/") {
				lead = sm
				a.ImageID = sm.id
			}
		}
		if rel := im.localPath(imgs["image_fulltext"]); rel != "" {
			if sm, ok := im.file(ctx, rel, target); ok && strings.HasPrefix(im.mediaMime[sm.id], "image/") {
				if a.ImageID == 0 {
					a.ImageID = sm.id
				} else if sm.id != lead.id {
					full = `<p><img src="` + sm.url + `" alt="` + html.EscapeString(cleanText(imgs["image_fulltext_alt"])) + `"></p>` + full
				}
			}
		}
	}
	a.IntroHTML, a.BodyHTML = intro, full
	access := content.AccessPublic
	if !public {
		access = content.AccessRegistered
	}
	err := im.w.row(ctx, func() error {
		if err := im.content.PutImportedArticle(ctx, im.w.tx, a, access, mapped); err != nil {
			return err
		}
		if mapped {
			if _, err := im.w.tx.ExecContext(ctx, `DELETE FROM article_tags WHERE article_id = $1`, a.ID); err != nil {
				return err
			}
		}
		for _, t := range tags {
			if id := im.tags[t]; id != 0 {
				if _, err := im.w.tx.ExecContext(ctx, `INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2)
					ON CONFLICT DO NOTHING`, a.ID, id); err != nil {
					return err
				}
			}
		}
		return im.remember("article", sid, a.ID, sum)
	})
	if err != nil {
		im.rep.skip("article", sid, err.Error())
		return
	}
	used[a.ID] = true
	info.target = a.ID
	im.articles = append(im.articles, info)
	if removed := before - countUnsafe(a.IntroHTML+a.BodyHTML); removed > 0 {
		im.rep.Unsafe = append(im.rep.Unsafe, Unsafe{ArticleID: a.ID, Title: title, Removed: removed})
	}
	if !public {
		im.rep.Registered = append(im.rep.Registered, ArticleRef{ID: a.ID, Title: title})
	}
	if s.state == 1 && status == content.StatusUnpublished {
		im.rep.Hidden = append(im.rep.Hidden, ArticleRef{ID: a.ID, Title: title})
	}
	if mapped {
		im.rep.count("article").Updated++
	} else {
		im.rep.count("article").Created++
	}
}

func int64sBytes(ids []int64) []byte {
	var b []byte
	for _, id := range ids {
		b = strconv.AppendInt(b, id, 10)
		b = append(b, ',')
	}
	return b
}
