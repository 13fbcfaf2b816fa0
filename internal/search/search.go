package search

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"time"

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
	res := &Results{}
	if q.Empty() {
		return res, nil
	}
	if o.SiteID == 0 {
		o.SiteID = 1
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
	if len(pool) > maxMatches {
		// The pool came newest first: what is cut is the oldest match.
		sort.Slice(pool, func(i, j int) bool { return pool[i].id > pool[j].id })
		pool, res.More = pool[:maxMatches], true
	}
	res.Total = len(pool)
	if o.Offset >= res.Total {
		return res, nil
	}
	if o.Newest {
		sortCandidates(pool, func(c candidate) float64 { return float64(c.publishAt) })
	} else {
		// The best rerankWindow by the index's score are re-ranked with
		// the bonuses; below them the index's order stands. The window
		// is a fixed set, so paging never shows an article twice.
		sortCandidates(pool, func(c candidate) float64 { return c.score })
		if o.Offset < rerankWindow {
			top := pool[:min(len(pool), rerankWindow)]
			if err := s.loadWords(ctx, top, q); err != nil {
				return nil, err
			}
			rerank(top, q)
		}
	}
	if res.Hits, err = s.hits(ctx, window(pool, o.Offset, o.Limit), q); err != nil {
		return nil, err
	}
	return res, nil
}

// sortCandidates orders by key, highest first, then newer first.
func sortCandidates(cs []candidate, key func(candidate) float64) {
	slices.SortFunc(cs, func(a, b candidate) int {
		if ka, kb := key(a), key(b); ka != kb {
			return cmp.Compare(kb, ka)
		}
		if a.publishAt != b.publishAt {
			return cmp.Compare(b.publishAt, a.publishAt)
		}
		return cmp.Compare(b.id, a.id)
	})
}

// loadWords reads what re-ranking compares for each candidate: the title
// words, when the pool did not bring them, and for each word of the query
// typed with diacritics whether the text holds it spelt so. The marked
// words of a text run to kilobytes, so search_text is read only when the
// query has a marked word, and they are looked at where the driver holds
// them, not copied.
func (s *Searcher) loadWords(ctx context.Context, cs []candidate, q Query) error {
	var marked [][]byte
	for _, m := range markedCanons(q) {
		marked = append(marked, []byte(m))
	}
	titled := true
	for _, c := range cs {
		titled = titled && c.titled
	}
	if len(cs) == 0 || titled && len(marked) == 0 {
		return nil
	}
	query := `SELECT article_id, title_words, '' FROM search_docs WHERE article_id IN (` + idList(cs) + `)`
	switch {
	case titled:
		query = `SELECT article_id, '', words FROM search_text WHERE article_id IN (` + idList(cs) + `)`
	case len(marked) > 0:
		query = `SELECT d.article_id, d.title_words, t.words FROM search_docs d JOIN search_text t ON t.article_id = d.article_id
			WHERE d.article_id IN (` + idList(cs) + `)`
	}
	at := make(map[int64]int, len(cs))
	for i, c := range cs {
		at[c.id] = i
	}
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var title string
		var words sql.RawBytes
		if err := rows.Scan(&id, &title, &words); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		if i, ok := at[id]; ok {
			if !titled {
				cs[i].titleWords = title
			}
			cs[i].inText = 0
			for k, m := range marked {
				if containsWordBytes(words, m) {
					cs[i].inText |= 1 << k
				}
			}
		}
	}
	return rows.Err()
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

// idList writes the candidates' ids as SQL integer literals, 1, 2, 3: they
// are integers the index returned, and literals spare the driver the
// binding of hundreds of parameters (SQLite's driver looks each one up by
// name, a linear search).
func idList(cs []candidate) string {
	b := make([]byte, 0, 8*len(cs))
	for i, c := range cs {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(b, c.id, 10)
	}
	return string(b)
}

func window(c []candidate, offset, limit int) []candidate {
	if offset >= len(c) {
		return nil
	}
	return c[offset:min(len(c), offset+limit)]
}

// rerank orders candidates by relevance scaled to the best one, plus the
// diacritic and title bonuses, newer first on ties.
func rerank(cands []candidate, q Query) {
	words := q.Words()
	marked := markedCanons(q)
	best := 0.0
	for _, c := range cands {
		best = max(best, c.score)
	}
	for i := range cands {
		c := &cands[i]
		score := 0.0
		if best > 0 {
			score = c.score / best
		}
		if len(marked) > 0 {
			kept := 0
			for k, m := range marked {
				if containsWord(c.titleWords, m) || c.inText&(1<<k) != 0 {
					kept++
				}
			}
			score += bonusMarked * float64(kept) / float64(len(marked))
		}
		if len(words) > 0 {
			title := vn.Fold(c.titleWords)
			inTitle := 0
			for _, w := range words {
				if containsWord(title, w.Fold) {
					inTitle++
				}
			}
			score += bonusTitle * float64(inTitle) / float64(len(words))
		}
		c.score = score
	}
	sort.SliceStable(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.publishAt != b.publishAt {
			return a.publishAt > b.publishAt
		}
		return a.id > b.id
	})
}

// hits reads what the results page shows of each candidate and cuts its
// snippet from the plain text the index keeps (NFC already).
func (s *Searcher) hits(ctx context.Context, page []candidate, q Query) ([]Hit, error) {
	if len(page) == 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.slug, a.title, t.text, a.publish_at,
		c.slug, c.name FROM articles a JOIN categories c ON c.id = a.category_id JOIN search_text t ON t.article_id = a.id
		WHERE a.id IN (`+idList(page)+`)`)
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
