package search

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// Sizes that bound one article's index entry. Bodies longer than this
// (a pasted annex) are indexed by their beginning: PostgreSQL refuses a
// tsvector over 1 MB, and nobody searches for the 300th page.
const (
	maxIndexedText  = 256 << 10
	maxMarkedWords  = 16 << 10
	maxTitleWordsSz = 2 << 10
)

// Indexer writes articles into the search index. It implements
// content.Indexer; give one to content.Store.WithIndexer.
type Indexer struct {
	b backend
}

// NewIndexer returns the indexer for a database of dialect d.
func NewIndexer(d store.Dialect) *Indexer { return &Indexer{b: backendFor(d)} }

var _ content.Indexer = (*Indexer)(nil)

// doc is one article as the index sees it.
type doc struct {
	id, siteID, categoryID int64
	publishAt              int64
	unpublishAt            sql.NullInt64
	title, body, meta      string // folded words, space-separated
	titleWords, words      string // canonical words, see the migration
	text                   string // the plain text snippets are cut from (NFC, whole)
}

// Index puts a published article into the index, or takes any other out.
// Scheduled and expiring articles are indexed with their times and
// filtered when searched, by the same rule as content's visibleSQL, so
// they appear and disappear on time without another write.
func (ix *Indexer) Index(ctx context.Context, q store.Querier, a *content.Article) error {
	public := a.Access == "" || a.Access == content.AccessPublic
	if a.Status != content.StatusPublished || a.PublishAt == nil || !public {
		return ix.Remove(ctx, q, a.ID)
	}

	var category string
	err := q.QueryRowContext(ctx, `SELECT name FROM categories WHERE id = $1`, a.CategoryID).Scan(&category)
	if err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("category of article %d: %w", a.ID, err)
	}

	d := makeDoc(a.ID, a.SiteID, a.CategoryID, a.PublishAt.Unix(), store.NullUnix(a.UnpublishAt),
		a.Title, a.IntroHTML, a.BodyHTML, a.AuthorAlias, category, nil)

	return ix.b.put(ctx, q, d)
}

// Remove takes an article out of the index; removing one that is not
// there is not an error.
func (ix *Indexer) Remove(ctx context.Context, q store.Querier, id int64) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM search_docs WHERE article_id = $1`, id); err != nil {
		return fmt.Errorf("unindex article %d: %w", id, err)
	}
	return nil
}

func makeDoc(id, siteID, categoryID, publishAt int64, unpublishAt sql.NullInt64,
	title, introHTML, bodyHTML, author, category string, sc *scratch) doc {
	whole := vn.NFC(strings.TrimSpace(content.PlainText(introHTML) + " " + content.PlainText(bodyHTML)))
	text := whole
	if len(text) > maxIndexedText {
		text = text[:maxIndexedText] // NFC of a cut rune gives U+FFFD, harmless
	}

	meta := vn.NFC(author + " " + category)
	title = vn.NFC(title)
	return doc{
		id: id, siteID: siteID, categoryID: categoryID, publishAt: publishAt, unpublishAt: unpublishAt,
		title:      foldedWords(title),
		body:       foldedWords(text),
		meta:       foldedWords(meta),
		titleWords: truncateWords(joinWords(vn.Canon(title)), maxTitleWordsSz),
		words:      markedWords(text+" "+meta, maxMarkedWords, sc),
		// Whole, not cut as the index is: a snippet is the best passage
		// of the text the reader will see.
		text: whole,
	}
}

func truncateWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		return s[:i]
	}
	return ""
}

// rebuildBatch is how many articles Rebuild reads, indexes and writes at
// a time: memory stays flat, and each write is one multi-row statement
// per table. FTS5 writes its pending entries to disk at every statement
// savepoint; once a batch instead of once an article, that halves the
// cost of the SQLite writes.
const rebuildBatch = 500

// Rebuild empties the site's index and indexes every published article
// again, in one transaction: after an import, when the index format
// changes, or for a database whose articles predate the index. It returns
// how many articles it indexed.
//
// The transaction's one connection alternates between reading a batch of
// articles and writing the index entries of the previous one, while other
// goroutines turn the batch just read into index entries (folding and
// canonicalising, the CPU-bound part), so on two cores the two overlap.
func Rebuild(ctx context.Context, db *store.DB, siteID int64) (int, error) {
	b := backendFor(db.Dialect)
	n := 0
	err := db.InTx(ctx, func(tx store.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_docs WHERE site_id = $1`, siteID); err != nil {
			return fmt.Errorf("empty search index: %w", err)
		}

		w := b.batchWriter(tx)
		defer w.close()
		var last int64
		var pending []doc
		for {
			rows, err := readBatch(ctx, tx, siteID, last, rebuildBatch)
			if err != nil {
				return err
			}

			made := make(chan []doc, 1)
			go func() { made <- makeDocs(siteID, rows) }()
			if len(pending) > 0 {
				if err := w.write(ctx, pending); err != nil {
					<-made
					return err
				}
				n += len(pending)
			}

			pending = <-made
			if len(rows) == 0 {
				return b.optimize(ctx, tx)
			}

			last = rows[len(rows)-1].id
		}
	})
	if err == nil && db.Dialect == store.Postgres {
		// Fresh statistics, or the planner, guessing a handful of rows,
		// filters every row's tsvector instead of using the GIN index
		// (85 ms against 15 ms for a common word over 5,000 articles).
		// VACUUM also moves the GIN index's pending list (where fastupdate
		// left every entry the rebuild wrote) into the index proper: the
		// planner charges a GIN scan for the pending list, and with it
		// full it never chose the index, seq-scanning every tsvector
		// instead.
		if _, aerr := db.ExecContext(ctx, `VACUUM (ANALYZE) search_docs, search_text`); aerr != nil {
			return n, fmt.Errorf("analyze search index: %w", aerr)
		}
	}

	return n, err
}

// articleRow is an article as Rebuild reads it.
type articleRow struct {
	id, cat, pub                        int64
	unpub                               sql.NullInt64
	title, intro, body, author, catName string
}

// readBatch reads up to limit published articles after id, in id order.
func readBatch(ctx context.Context, q store.Querier, siteID, after int64, limit int) ([]articleRow, error) {
	rs, err := store.QueryAll(ctx, q, scanArticleRow, `SELECT a.id, a.category_id, a.publish_at, a.unpublish_at,
		a.title, a.intro_html, a.body_html, a.author_alias, COALESCE(c.name, '')
		FROM articles a LEFT JOIN categories c ON c.id = a.category_id
		WHERE a.site_id = $1 AND a.status = 'published' AND a.access = 'public' AND a.publish_at IS NOT NULL
			AND a.id > $2
		ORDER BY a.id LIMIT $3`, siteID, after, limit)
	if err != nil {
		return nil, fmt.Errorf("read articles to index: %w", err)
	}

	return rs, nil
}

func scanArticleRow(sc store.Scanner) (articleRow, error) {
	var r articleRow
	err := sc.Scan(&r.id, &r.cat, &r.pub, &r.unpub, &r.title, &r.intro, &r.body, &r.author, &r.catName)
	return r, err
}

// scratchPool keeps the word caches of makeDocs from batch to batch.
var scratchPool = sync.Pool{New: func() any { return newScratch() }}

// makeDocs turns rows into index entries, in order, on every core.
func makeDocs(siteID int64, rs []articleRow) []doc {
	out := make([]doc, len(rs))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(rs)/16))
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := scratchPool.Get().(*scratch)
			defer scratchPool.Put(sc)
			for i := k; i < len(rs); i += workers {
				r := rs[i]
				out[i] = makeDoc(r.id, siteID, r.cat, r.pub, r.unpub, r.title, r.intro, r.body, r.author, r.catName, sc)
			}
		}()
	}

	wg.Wait()
	return out
}

// IndexState counts the articles the index should hold and the entries
// it holds; they differ on the first start after the search migration,
// and after content was written by a store without an indexer (the demo
// loader).
func IndexState(ctx context.Context, db *store.DB, siteID int64) (articles, indexed int, err error) {
	err = db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles
			WHERE site_id = $1 AND status = 'published' AND access = 'public' AND publish_at IS NOT NULL),
		(SELECT count(*) FROM search_docs WHERE site_id = $1)`, siteID).Scan(&articles, &indexed)
	if err != nil {
		return 0, 0, fmt.Errorf("check search index: %w", err)
	}
	return articles, indexed, nil
}

// EnsureIndex rebuilds the site's index when it does not hold exactly the
// published articles (IndexState). It costs two counts when the index is
// in order.
func EnsureIndex(ctx context.Context, db *store.DB, siteID int64) (rebuilt bool, err error) {
	articles, indexed, err := IndexState(ctx, db, siteID)
	if err != nil || articles == indexed {
		return false, err
	}
	if _, err := Rebuild(ctx, db, siteID); err != nil {
		return false, err
	}
	return true, nil
}
