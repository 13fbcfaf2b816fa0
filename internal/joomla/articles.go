package joomla

import (
	"context"
	"errors"
	"html"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/store"
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
	tags                               []int64
}

// Articles go through a pipeline: one goroutine reads the source rows in
// id order, workers prepare them (everything that needs no destination
// database: cleaning, link rewriting, the sanitiser, the checksum), and
// the importer's goroutine writes them in the order they were read. What
// the writer decides (target ids, files copied into the media store, the
// report) is therefore the same as one article at a time would give.
//
// Workers cannot copy files: they look at them (probe) and rewrite links
// to the address the copy will have. The writer then copies the files in
// the same order and, should any copy turn out differently (a torn
// image the media store refuses), prepares that article again itself.

// artJob is one source article on its way through the pipeline.
type artJob struct {
	src  srcArticle
	prep *artPrep
	done chan struct{}
}

// artPrep is what a worker made of a source article.
type artPrep struct {
	cat    *category
	title  string
	slug   string
	status content.Status
	public bool
	sum    string
	// text is nil when the checksum says the article did not change
	// since the last import (the writer prepares it should it need it).
	text *artText
}

// artText is an article's prepared HTML and the file lookups it made.
type artText struct {
	html    content.ImportedHTML
	leadRel string // the lead image's file, "" for none
	before  int    // unsafe parts before the sanitiser
	after   int    // and after
	lookups []lookup
}

// fileRef is what a file of the old site becomes: its address in congtin
// and whether it is an image; ok is false when it cannot be copied.
type fileRef struct {
	url   string
	image bool
	ok    bool
}

type lookup struct {
	rel string
	ref fileRef
}

func (im *importer) importArticles(ctx context.Context) error {
	used, next, err := im.articleIDs(ctx)
	if err != nil {
		return err
	}

	tagsOf, err := im.articleTags(ctx)
	if err != nil {
		return err
	}

	// The category for articles without a (known) one is made now, so the
	// categories stay as they are while the workers read them.
	if err := im.makeUncategorisedIfNeeded(ctx); err != nil {
		return err
	}

	// What the last import recorded, for the workers (im.imap changes as
	// the writer goes).
	prevSums := make(map[string]string, len(im.imap["article"]))
	for sid, e := range im.imap["article"] {
		prevSums[sid] = e.checksum
	}

	total := im.count(ctx, `SELECT count(*) FROM `+im.p+`content`)
	im.articles = make([]artInfo, 0, total)
	im.prog.start("articles", total)
	return im.articlePipeline(ctx, tagsOf, prevSums, func(s *srcArticle, p *artPrep) {
		im.putArticle(ctx, s, p, used, &next)
	})
}

// articleIDs returns every article id in use, to know which Joomla ids
// can be kept, and the first id above both congtin's and Joomla's.
func (im *importer) articleIDs(ctx context.Context) (map[int64]bool, int64, error) {
	used := map[int64]bool{}
	var maxID int64
	ids, err := store.QueryAll(ctx, im.w.tx, store.ScanInt64, `SELECT id FROM articles`)
	if err != nil {
		return nil, 0, err
	}

	for _, id := range ids {
		used[id] = true
		maxID = max(maxID, id)
	}

	var srcMax int64
	im.src.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) FROM `+im.p+`content`).Scan(&srcMax)
	return used, max(maxID, srcMax) + 1, nil
}

// articleTags maps each article to its tags (3.x and later).
func (im *importer) articleTags(ctx context.Context) (map[int64][]int64, error) {
	tagsOf := map[int64][]int64{}
	if im.ver.Major < 3 {
		return tagsOf, nil
	}

	err := scanAll(ctx, im.src, `SELECT content_item_id, tag_id FROM `+im.p+`contentitem_tag_map
			WHERE type_alias = 'com_content.article' ORDER BY content_item_id, tag_id`, func(r row) error {
		tagsOf[r.i(0)] = append(tagsOf[r.i(0)], r.i(1))
		return nil
	})
	if err != nil {
		return nil, err
	}

	return tagsOf, nil
}

// makeUncategorisedIfNeeded makes the category for articles without a
// (known) one when some article has none.
func (im *importer) makeUncategorisedIfNeeded(ctx context.Context) error {
	needUncat := false
	err := scanAll(ctx, im.src, `SELECT DISTINCT catid FROM `+im.p+`content`, func(r row) error {
		if c, ok := im.cats[r.s(0)]; !ok || c.target == 0 {
			needUncat = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	if needUncat {
		im.uncategorised(ctx)
	}

	return nil
}

// articleQuery reads every source article in id order.
func (im *importer) articleQuery() string {
	featured := "c.featured"
	if im.ver.legacy() {
		featured = `(SELECT count(*) FROM ` + im.p + `content_frontpage f WHERE f.content_id = c.id)`
	}
	return `SELECT c.id, c.title, c.alias, c.introtext, c.` + "`fulltext`" + `, c.state, c.catid, c.created,
		c.created_by,
		c.created_by_alias, c.modified, c.publish_up, c.publish_down, c.images, c.metadesc, c.access, c.hits, ` +
		featured + ` FROM ` + im.p + `content c ORDER BY c.id`
}

// articlePipeline runs the reader, the workers and the writer (put, on
// this goroutine, in the order the articles were read) described above.
func (im *importer) articlePipeline(ctx context.Context, tagsOf map[int64][]int64, prevSums map[string]string,
	put func(*srcArticle, *artPrep)) error {
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan *artJob, 256)
	order := make(chan *artJob, 256)
	readErr := make(chan error, 1)
	go func() {
		defer close(work)
		defer close(order)
		readErr <- im.readArticles(pctx, tagsOf, work, order)
	}()

	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				j.prep = im.prepareArticle(&j.src, prevSums)
				close(j.done)
			}
		}()
	}

	err := im.writeArticles(ctx, order, put)

	cancel()
	for range order {
		// Let the reader see the cancellation and stop.
	}

	wg.Wait()
	rerr := <-readErr
	if err != nil {
		return err
	}
	if rerr != nil && !errors.Is(rerr, context.Canceled) {
		return rerr
	}

	return ctx.Err()
}

// readArticles sends every source article to the workers and, in the same
// order, to the writer.
func (im *importer) readArticles(ctx context.Context, tagsOf map[int64][]int64, work, order chan<- *artJob) error {
	return scanAll(ctx, im.src, im.articleQuery(), func(r row) error {
		j := &artJob{done: make(chan struct{}), src: srcArticle{id: r.i(0), title: r.s(1), alias: r.s(2), intro: r.s(3),
			full: r.s(4), state: r.i(5), catid: r.s(6), created: r.s(7), createdBy: r.s(8), byline: r.s(9),
			mod: r.s(10), up: r.s(11), down: r.s(12), images: r.s(13), metadesc: r.s(14), access: r.s(15),
			hits: r.i(16), featured: r.i(17) != 0}}

		j.src.tags = tagsOf[j.src.id]
		for _, ch := range []chan<- *artJob{order, work} {
			select {
			case ch <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
		}

		return nil
	})
}

// writeArticles puts each article once its worker is done with it, in the
// order they were read, committing as batches fill.
func (im *importer) writeArticles(ctx context.Context, order <-chan *artJob, put func(*srcArticle, *artPrep)) error {
	for j := range order {
		select {
		case <-j.done:
		case <-ctx.Done():
			return ctx.Err()
		}

		put(&j.src, j.prep)
		im.prog.step()
		if err := im.w.commitIfDue(ctx, false); err != nil {
			return err
		}
	}
	return nil
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

// category returns where article s goes, or nil. The categories are not
// changed during the articles phase, so workers may call it.
func (im *importer) category(s *srcArticle) *category {
	cat, ok := im.cats[s.catid]
	if !ok || cat.target == 0 {
		cat = im.cats["uncategorised"]
	}
	if cat == nil || cat.target == 0 {
		return nil
	}
	return cat
}

// prepareArticle is a worker's part of an article: it reads only what
// does not change during the articles phase (categories, users, the
// options) and the old site's files.
func (im *importer) prepareArticle(s *srcArticle, prevSums map[string]string) *artPrep {
	p := &artPrep{cat: im.category(s)}
	if p.cat == nil {
		return p
	}

	p.title = cleanText(s.title)
	if p.title == "" {
		p.title = cleanText(s.alias)
	}

	p.slug = vn.Slug(p.title)
	if p.slug == "" {
		p.slug = "bai-viet"
	}

	p.status = im.statusOf(s.state)
	p.public = s.access == "1" || s.access == "5" || s.access == ""
	if im.ver.legacy() {
		p.public = s.access == "0" || s.access == ""
	}
	if p.status == content.StatusPublished && !p.cat.live {
		p.status = content.StatusUnpublished
	}

	p.sum = im.articleSum(s, p)
	if prev, ok := prevSums[strconv.FormatInt(s.id, 10)]; ok && prev == p.sum {
		return p
	}

	var looked []lookup
	p.text = im.articleText(s, func(rel string) fileRef {
		ref := im.probe(rel)
		looked = append(looked, lookup{rel, ref})
		return ref
	})

	p.text.lookups = looked
	return p
}

// articleSum is the checksum import_map keeps for an article: any change
// of the source row or of where it goes makes the next run update it.
func (im *importer) articleSum(s *srcArticle, p *artPrep) string {
	return checksum(p.title, s.alias, s.intro, s.full, strconv.FormatInt(s.state, 10), p.cat.jid,
		strconv.FormatInt(p.cat.target, 10), strconv.FormatBool(p.cat.live), s.created, s.createdBy, s.byline,
		s.mod, s.up, s.down, s.images, s.metadesc, s.access, strconv.FormatInt(s.hits, 10),
		strconv.FormatBool(s.featured), strconv.FormatBool(im.opts.ImagesRoot != ""), im.baseHost,
		string(int64sBytes(s.tags)))
}

// articleText turns an article's HTML into what congtin stores: 1.5
// {mosimage} markers expanded, cleaned, links to the old site's files
// pointed at their copies (found through resolve), the fulltext image of
// the images field put at the head of the body when it is not the lead
// image, and everything through the sanitiser. It depends only on its
// arguments and on what resolve answers.
func (im *importer) articleText(s *srcArticle, resolve func(rel string) fileRef) *artText {
	t := &artText{}
	intro, full := s.intro, s.full
	if im.ver.legacy() {
		intro, full = mosImages(intro, s.images), mosImages(full, s.images)
	}

	intro, full = cleanHTML(intro), cleanHTML(full)
	if strings.TrimSpace(full) == "" {
		intro, full = "", intro
	}

	t.before = countUnsafe(intro) + countUnsafe(full)
	intro = im.rewriteRefs(intro, resolve)
	full = im.rewriteRefs(full, resolve)
	if !im.ver.legacy() {
		imgs := imagesField(s.images)
		if rel := im.localPath(imgs["image_intro"]); rel != "" {
			if ref := resolve(rel); ref.ok && ref.image {
				t.leadRel = rel
			}
		}

		if rel := im.localPath(imgs["image_fulltext"]); rel != "" {
			if ref := resolve(rel); ref.ok && ref.image {
				if t.leadRel == "" {
					t.leadRel = rel
				} else if rel != t.leadRel {
					alt := html.EscapeString(cleanText(imgs["image_fulltext_alt"]))
					full = `<p><img src="` + ref.url + `" alt="` + alt + `"></p>` + full
				}
			}
		}
	}

	t.html = content.SanitizeImported(intro, full)
	t.after = countUnsafe(t.html.Intro() + t.html.Body())
	return t
}

// putArticle is the writer's part of an article.
func (im *importer) putArticle(ctx context.Context, s *srcArticle, p *artPrep, used map[int64]bool, next *int64) {
	sid := strconv.FormatInt(s.id, 10)
	if p.cat == nil {
		im.rep.skip("article", sid, "no category")
		return
	}

	info := artInfo{jid: s.id, alias: strings.ToLower(s.alias), cat: p.cat.jid, slug: p.slug, status: p.status}
	prev, mapped := im.mapped("article", sid)
	if mapped && !used[prev.target] {
		mapped = false // deleted in congtin since
	}

	if mapped && prev.checksum == p.sum {
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

	t := im.storedText(ctx, s, p, target)
	a := im.newArticle(s, p, t, target)
	err := im.w.row(ctx, func() error {
		return im.writeArticle(ctx, s, p, t, a, mapped)
	})
	if err != nil {
		im.rep.skip("article", sid, skipReason(err))
		return
	}

	used[a.ID] = true
	if im.indexer != nil {
		im.toIndex = append(im.toIndex, a)
	}

	info.target = a.ID
	im.articles = append(im.articles, info)
	im.reportArticle(s, p, t, a)
	if mapped {
		im.rep.count("article").Updated++
	} else {
		im.rep.count("article").Created++
	}
}

// storedText copies the files of article s (to be article target) in the
// order the worker looked them up; when one copy differs from what the
// worker expected, the text is made again from the copies.
func (im *importer) storedText(ctx context.Context, s *srcArticle, p *artPrep, target int64) *artText {
	stored := func(rel string) fileRef {
		sm, ok := im.file(ctx, rel, target)
		if !ok {
			return fileRef{}
		}

		return fileRef{url: sm.url, image: strings.HasPrefix(im.mediaMime[sm.id], "image/"), ok: true}
	}

	t := p.text
	if t != nil {
		for _, l := range t.lookups {
			if stored(l.rel) != l.ref {
				t = nil
			}
		}
	}

	if t == nil {
		t = im.articleText(s, stored)
	}

	return t
}

// newArticle is the congtin article made of s, with id target: its
// byline, author, dates and lead image.
func (im *importer) newArticle(s *srcArticle, p *artPrep, t *artText, target int64) *content.Article {
	a := &content.Article{ID: target, SiteID: im.opts.SiteID, CategoryID: p.cat.target, Slug: p.slug, Title: p.title,
		Status: p.status, Hits: s.hits, Featured: s.featured, MetaDescription: cleanText(s.metadesc)}

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
	if a.PublishAt == nil && (p.status == content.StatusPublished || p.status == content.StatusArchived ||
		p.status == content.StatusUnpublished) {
		a.PublishAt = created
	}

	a.UnpublishAt = parseTime(s.down)

	if t.leadRel != "" {
		a.ImageID = im.files[t.leadRel].id
	}

	return a
}

// writeArticle stores a, the article made of s, with its HTML and tags.
func (im *importer) writeArticle(ctx context.Context, s *srcArticle, p *artPrep, t *artText, a *content.Article,
	mapped bool) error {
	access := content.AccessPublic
	if !p.public {
		access = content.AccessRegistered
	}
	if err := im.content.PutImportedArticleHTML(ctx, im.w.tx, a, t.html, access, mapped); err != nil {
		return err
	}

	if mapped {
		if _, err := im.w.tx.ExecContext(ctx, `DELETE FROM article_tags WHERE article_id = $1`, a.ID); err != nil {
			return err
		}
	}

	for _, tag := range s.tags {
		if id := im.tags[tag]; id != 0 {
			if _, err := im.w.tx.ExecContext(ctx, `INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2)
					ON CONFLICT DO NOTHING`, a.ID, id); err != nil {
				return err
			}
		}
	}

	return im.remember("article", strconv.FormatInt(s.id, 10), a.ID, p.sum)
}

// reportArticle lists article a in the report where it belongs: unsafe
// HTML removed, registered-only, hidden by its category.
func (im *importer) reportArticle(s *srcArticle, p *artPrep, t *artText, a *content.Article) {
	if removed := t.before - t.after; removed > 0 {
		im.rep.Unsafe = append(im.rep.Unsafe, Unsafe{ArticleID: a.ID, Title: p.title, Removed: removed})
	}
	if !p.public {
		im.rep.Registered = append(im.rep.Registered, ArticleRef{ID: a.ID, Title: p.title})
	}
	if s.state == 1 && p.status == content.StatusUnpublished {
		im.rep.Hidden = append(im.rep.Hidden, ArticleRef{ID: a.ID, Title: p.title})
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
