package search

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// Ranking constants. Relevance from the index is scaled to 0..1 within
// the candidates, so the bonuses have a fixed meaning: keeping every
// diacritic the reader typed (2) outweighs any difference in relevance
// and the title bonus together, so that "đảng" ranks "Đảng"
// above "đang" and "dạng"; a title holding every word (0.5) outweighs
// half the relevance range.
const (
	rerankWindow = 200
	// maxMatches bounds what one search counts and ranks (see the pool in
	// backend.go): a hundred pages of results.
	maxMatches  = 1000
	bonusMarked = 2.0
	bonusTitle  = 0.5
	maxPageSize = 50
)

// Options are the filters and paging of a search.
type Options struct {
	SiteID      int64
	Now         time.Time // what "published" is measured against
	CategoryIDs []int64   // empty: every category
	From, To    time.Time // zero: open; To is exclusive
	Newest      bool      // newest first instead of by relevance
	Limit       int
	Offset      int
}

// Results is one page of a search.
type Results struct {
	Total int  // matches, at most 1000
	More  bool // there are more than Total matches; only Total are reachable
	Hits  []Hit
}

// Hit is an article found, with what a results page shows of it.
type Hit struct {
	ID           int64
	Slug         string
	Title        string
	TitleHTML    string // the title, escaped, with matched words in <mark>
	Snippet      string // HTML: an escaped passage of the text with <mark>
	CategorySlug string
	CategoryName string
	PublishAt    time.Time
	Score        float64
}

// Searcher runs queries against the index of one database.
type Searcher struct {
	db *store.DB
	b  backend
}

// New returns a searcher on db.
func New(db *store.DB) *Searcher { return &Searcher{db: db, b: backendFor(db.Dialect)} }

// Search returns one page of the articles matching q. An empty query
// (see Query.Empty) finds nothing and costs nothing.
func (s *Searcher) Search(ctx context.Context, q Query, o Options) (*Results, error) {
	if err := site.Check(o.SiteID, "search"); err != nil {
		return nil, err
	}

	res := &Results{}
	if q.Empty() {
		return res, nil
	}
	if o.Limit <= 0 || o.Limit > maxPageSize {
		o.Limit = 10
	}
	if o.Offset < 0 {
		o.Offset = 0
	}

	f := filter{siteID: o.SiteID, now: o.Now.Unix(), categoryIDs: o.CategoryIDs}
	if !o.From.IsZero() {
		f.from = o.From.Unix()
	}
	if !o.To.IsZero() {
		f.to = o.To.Unix()
	}

	// A first pass without relevance tells a precise query from a vague
	// one. A vague query (more matches than maxMatches) is ranked without
	// the index's relevance: by the title and diacritic bonuses, then
	// newest first, which for a word found in most articles is the order
	// a news site's reader expects, at a fraction of the cost. A precise
	// one is read again with relevance.
	pool, err := s.b.pool(ctx, s.db, q, f, maxMatches+1, false)
	if err != nil {
		return nil, err
	}

	if len(pool) > 0 && len(pool) <= maxMatches && !o.Newest {
		if pool, err = s.b.scored(ctx, s.db, q, f, pool); err != nil {
			return nil, err
		}
	}

	for len(pool) > maxMatches {
		// The pool came newest first: what is cut is the oldest match
		// (one: the pool holds at most one more than maxMatches).
		oldest := 0
		for i, c := range pool {
			if c.id < pool[oldest].id {
				oldest = i
			}
		}

		pool[oldest] = pool[len(pool)-1]
		pool, res.More = pool[:len(pool)-1], true
	}

	res.Total = len(pool)
	if o.Offset >= res.Total {
		return res, nil
	}

	// Only the candidates up to the page shown need their order, and the
	// re-ranking window its members: of a thousand, the best two hundred
	// are picked and only they are sorted.
	order := byKey(func(c candidate) float64 { return c.score })
	if o.Newest {
		order = byKey(func(c candidate) float64 { return float64(c.publishAt) })
	}

	upTo := o.Offset + o.Limit
	if !o.Newest && o.Offset < rerankWindow {
		upTo = max(upTo, rerankWindow)
	}

	upTo = min(upTo, len(pool))
	selectTop(pool, upTo, order)
	slices.SortFunc(pool[:upTo], order)
	if !o.Newest && o.Offset < rerankWindow {
		// The best rerankWindow by the index's score are re-ranked with
		// the bonuses; below them the index's order stands. The window
		// is a fixed set, so paging never shows an article twice.
		top := pool[:min(len(pool), rerankWindow)]
		inText := func(cs []*candidate, marked []string) ([]uint32, error) {
			return s.markedInText(ctx, cs, marked)
		}
		err := rerank(top, q, min(len(top), o.Offset+o.Limit), inText)
		if err != nil {
			return nil, err
		}
	}

	if res.Hits, err = s.hits(ctx, window(pool, o.Offset, o.Limit), q); err != nil {
		return nil, err
	}

	return res, nil
}

// byKey orders by key, highest first, then newer first.
func byKey(key func(candidate) float64) func(a, b candidate) int {
	return func(a, b candidate) int {
		if ka, kb := key(a), key(b); ka != kb {
			return cmp.Compare(kb, ka)
		}
		if a.publishAt != b.publishAt {
			return cmp.Compare(b.publishAt, a.publishAt)
		}

		return cmp.Compare(b.id, a.id)
	}
}

// selectTop moves the k first candidates in the order of cmp, which must
// be total (ids break every tie), to cs[:k], in no set order: a quickselect,
// linear where sorting a thousand candidates to keep two hundred is not.
func selectTop(cs []candidate, k int, cmp func(a, b candidate) int) {
	lo, hi := 0, len(cs) // the boundary at k lies within cs[lo:hi]
	for lo < k && k < hi {
		// The median of three as pivot, moved to the end.
		mid := lo + (hi-lo)/2
		if cmp(cs[mid], cs[lo]) < 0 {
			cs[mid], cs[lo] = cs[lo], cs[mid]
		}
		if cmp(cs[hi-1], cs[lo]) < 0 {
			cs[hi-1], cs[lo] = cs[lo], cs[hi-1]
		}
		if cmp(cs[mid], cs[hi-1]) < 0 {
			cs[mid], cs[hi-1] = cs[hi-1], cs[mid]
		}

		p := hi - 1
		i := lo
		for j := lo; j < p; j++ {
			if cmp(cs[j], cs[p]) < 0 {
				cs[i], cs[j] = cs[j], cs[i]
				i++
			}
		}

		cs[i], cs[p] = cs[p], cs[i]
		// cs[lo:i] come before the pivot, now at i, and cs[i+1:hi] after.
		if k <= i {
			hi = i
		} else {
			lo = i + 1
		}
	}
}

// markedInText tells for each candidate which of the marked words its
// text holds, bit k for marked[k]. The marked words of a text run to
// kilobytes: they are looked at where the driver holds them, not copied.
func (s *Searcher) markedInText(ctx context.Context, cs []*candidate, marked []string) ([]uint32, error) {
	at := make(map[int64]int, len(cs))
	ids := make([]int64, len(cs))
	for i, c := range cs {
		at[c.id] = i
		ids[i] = c.id
	}

	var ms [][]byte
	for _, m := range marked {
		ms = append(ms, []byte(m))
	}

	rows, err := s.queryOnce(ctx, `SELECT article_id, words FROM search_text WHERE article_id IN (`+idList(ids)+`)`)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	bits := make([]uint32, len(cs))
	for rows.Next() {
		var id int64
		var words sql.RawBytes
		if err := rows.Scan(&id, &words); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}

		if i, ok := at[id]; ok {
			for k, m := range ms {
				if containsWordBytes(words, m) {
					bits[i] |= 1 << k
				}
			}
		}
	}

	return bits, rows.Err()
}

// markedCanons returns the canonical forms of the query's words typed
// with diacritics, in the order of Words: at most maxWords of them.
func markedCanons(q Query) []string {
	var marked []string
	for _, w := range q.Words() {
		if w.Marked() {
			marked = append(marked, w.Canon)
		}
	}
	return marked
}

// idList writes ids as SQL integer literals, 1, 2, 3: they are integers
// the index returned, and literals spare the driver the binding of
// hundreds of parameters (SQLite's driver looks each one up by name, a
// linear search).
func idList(ids []int64) string {
	b := make([]byte, 0, 8*len(ids))
	for i, id := range ids {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(b)
}

// queryOnce runs a query whose text is this search's alone (ids written as
// literals, see idList) without keeping it prepared: the store keeps a
// prepared statement per text on SQLite and pgx one per text and
// connection on the PostgreSQL server, both meant for texts that come
// again, and a text per search would fill them. On PostgreSQL it goes as
// an unnamed statement (pgx's exec mode).
func (s *Searcher) queryOnce(ctx context.Context, query string) (*sql.Rows, error) {
	if s.db.Dialect == store.Postgres {
		return s.db.QueryUncached(ctx, query, pgx.QueryExecModeExec)
	}
	return s.db.QueryUncached(ctx, query)
}

// idsOf returns the candidates' ids.
func idsOf(cs []candidate) []int64 {
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.id
	}
	return ids
}

func window(c []candidate, offset, limit int) []candidate {
	if offset >= len(c) {
		return nil
	}
	return c[offset:min(len(c), offset+limit)]
}

// rerank orders candidates by relevance scaled to the best one, plus the
// diacritic and title bonuses, newer first on ties, so that cands[:k]
// are the k best in their final order; the others follow in no set
// order, with scores that may be too high.
//
// Whether the text keeps a marked word as the reader typed it takes
// reading the text's marked words (inText), kilobytes an article; the
// title tells it for free. So each candidate starts with the score it
// would have if its text kept every marked word its title lacks, an
// upper bound, and texts are read only for candidates ranked among the
// first k by their bounds, until the first k all have their exact
// score: then no other candidate, whose exact score is at most its
// bound, can come before them. For a page of ten that is rarely more
// than a few dozen texts, often none.
func rerank(cands []candidate, q Query, k int, inText func([]*candidate, []string) ([]uint32, error)) error {
	words := q.Words()
	marked := markedCanons(q)
	best := 0.0
	for _, c := range cands {
		best = max(best, c.score)
	}

	type item struct {
		rel     float64 // the index's relevance, scaled
		inTitle int     // query words in the title
		kept    int     // marked words kept, as far as known
		exact   bool    // kept is known
	}

	items := make(map[int64]*item, len(cands))
	all := make([]item, len(cands))
	score := func(it *item, kept int) float64 {
		score := it.rel
		if len(marked) > 0 {
			score += bonusMarked * float64(kept) / float64(len(marked))
		}
		if len(words) > 0 {
			score += bonusTitle * float64(it.inTitle) / float64(len(words))
		}

		return score
	}

	folds := make([][]byte, len(words))
	for i, w := range words {
		folds[i] = []byte(w.Fold)
	}

	var title []byte // each title folded in turn, vn.Fold without the copies
	for i := range cands {
		c, it := &cands[i], &all[i]
		items[c.id] = it
		if best > 0 {
			it.rel = c.score / best
		}

		if len(words) > 0 {
			title = vn.AppendFold(title[:0], c.titleWords)
			for _, f := range folds {
				if containsWordBytes(title, f) {
					it.inTitle++
				}
			}
		}

		for _, m := range marked {
			if containsWord(c.titleWords, m) {
				it.kept++
			}
		}

		it.exact = it.kept == len(marked)
		c.score = score(it, len(marked))
	}

	order := byKey(func(c candidate) float64 { return c.score })
	for round := 0; ; round++ {
		slices.SortFunc(cands, order)
		// The candidates still on their bound among the first k are
		// read; from the second round on, when reading moved others up,
		// also as many again beyond k, then twice as many, so that few
		// rounds are needed.
		var read []*candidate
		ahead := 0
		if round > 0 {
			ahead = 4 << round
		}

		for i := range cands {
			if i >= k && (len(read) == 0 || i >= k+ahead) {
				break
			}
			if !items[cands[i].id].exact {
				read = append(read, &cands[i])
			}
		}

		if len(read) == 0 {
			return nil
		}

		bits, err := inText(read, marked)
		if err != nil {
			return err
		}

		for j, c := range read {
			it := items[c.id]
			it.kept = 0
			for b, m := range marked {
				if containsWord(c.titleWords, m) || bits[j]&(1<<b) != 0 {
					it.kept++
				}
			}

			it.exact = true
			c.score = score(it, it.kept)
		}
	}
}

// hits reads what the results page shows of each candidate and cuts its
// snippet from the plain text the index keeps (NFC already).
func (s *Searcher) hits(ctx context.Context, page []candidate, q Query) ([]Hit, error) {
	if len(page) == 0 {
		return nil, nil
	}

	rows, err := s.queryOnce(ctx, `SELECT a.id, a.slug, a.title, t.text, a.publish_at,
		c.slug, c.name FROM articles a JOIN categories c ON c.id = a.category_id
		JOIN search_text t ON t.article_id = a.id
		WHERE a.id IN (`+idList(idsOf(page))+`)`)
	if err != nil {
		return nil, fmt.Errorf("search results: %w", err)
	}
	defer rows.Close()
	byID := map[int64]Hit{}
	words := q.Words()
	for rows.Next() {
		var h Hit
		var text string
		var publish int64
		if err := rows.Scan(&h.ID, &h.Slug, &h.Title, &text, &publish, &h.CategorySlug, &h.CategoryName); err != nil {
			return nil, fmt.Errorf("search results: %w", err)
		}

		h.PublishAt = store.Time(publish)
		h.TitleHTML = Highlight(h.Title, words)
		h.Snippet = snippetNFC(text, words)
		byID[h.ID] = h
	}

	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search results: %w", err)
	}

	out := make([]Hit, 0, len(page))
	for _, c := range page {
		if h, ok := byID[c.id]; ok { // deleted meanwhile: skip
			h.Score = c.score
			out = append(out, h)
		}
	}

	return out, nil
}
