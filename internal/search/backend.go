package search

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/congtin/congtin/internal/store"
)

// backend is the part of search that differs between the databases: how a
// document is written into the full-text index and how candidates are
// read back with a relevance score. Everything else (parsing, re-ranking,
// snippets) is shared. backendFor is the one place that chooses.
type backend interface {
	put(ctx context.Context, q store.Querier, d doc) error
	// batchWriter writes many documents at a time within tx (Rebuild).
	batchWriter(tx *sql.Tx) *batchWriter
	// optimize ends a Rebuild: what makes the fresh index fastest to read.
	optimize(ctx context.Context, tx store.Querier) error
	// pool returns the newest limit matches of query passing f (newest by
	// article id, which follows the order articles were written), each
	// with a relevance score where higher is better, in no set order.
	// Only id, score, publishAt and titleWords are filled; without scored
	// the score is 0, which saves the cost of relevance where it cannot
	// matter.
	pool(ctx context.Context, q store.Querier, query Query, f filter, limit int, scored bool) ([]candidate, error)
	// scored returns the candidates of an unscored pool (at most
	// maxMatches, so every match of the query) with their relevance:
	// what pool with scored would return.
	scored(ctx context.Context, q store.Querier, query Query, f filter, pool []candidate) ([]candidate, error)
}

func backendFor(d store.Dialect) backend {
	if d == store.Postgres {
		return postgresBackend{}
	}
	return sqliteBackend{}
}

// candidate is one matching article as the index returns it.
type candidate struct {
	id         int64
	score      float64
	publishAt  int64
	titleWords string
}

// filter restricts matches; the times are unix seconds.
type filter struct {
	siteID      int64
	now         int64
	categoryIDs []int64
	from, to    int64 // 0: open; to is exclusive
}

// where returns the conditions on search_docs d shared by both databases,
// with arguments numbered after the n already taken. Visibility is the
// rule of content's visibleSQL: published (only published articles are
// indexed), publication time reached, withdrawal time not yet.
func (f filter) where(n int) (string, []any) {
	args := []any{f.siteID, f.now}
	p := func(i int) string { return "$" + strconv.Itoa(n+i) }
	var b strings.Builder
	b.WriteString("d.site_id = " + p(1) + " AND d.publish_at <= " + p(2) +
		" AND (d.unpublish_at IS NULL OR d.unpublish_at > " + p(2) + ")")
	if len(f.categoryIDs) > 0 {
		b.WriteString(" AND d.category_id IN (")
		for i, id := range f.categoryIDs {
			if i > 0 {
				b.WriteString(", ")
			}

			args = append(args, id)
			b.WriteString(p(len(args)))
		}

		b.WriteString(")")
	}

	if f.from != 0 {
		args = append(args, f.from)
		b.WriteString(" AND d.publish_at >= " + p(len(args)))
	}

	if f.to != 0 {
		args = append(args, f.to)
		b.WriteString(" AND d.publish_at < " + p(len(args)))
	}

	return b.String(), args
}

func scanCandidates(rows *sql.Rows, err error) ([]candidate, error) {
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var out []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.id, &c.score, &c.publishAt, &c.titleWords); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}

		out = append(out, c)
	}

	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}

	return out, nil
}

// sqliteBackend uses the FTS5 table search_fts, whose rowid is
// search_docs.doc, minus the article id, so that ascending rowids run
// from the newest (see the migration). CROSS JOIN makes SQLite run the
// full-text match first and look up each match's row in search_docs; left to itself the planner may
// walk search_docs by its index and run the match once per row, which is
// a thousand times slower. bm25 weighs a title match 5 times a body match and author
// or category 2 times; it returns lower-is-better, hence the minus.
type sqliteBackend struct{}

func (sqliteBackend) put(ctx context.Context, q store.Querier, d doc) error {
	// The delete trigger on search_docs removes the old FTS row.
	if _, err := q.ExecContext(ctx, `DELETE FROM search_docs WHERE article_id = $1`, d.id); err != nil {
		return fmt.Errorf("index article %d: %w", d.id, err)
	}

	if _, err := q.ExecContext(ctx, `INSERT INTO search_docs
		(doc, article_id, site_id, category_id, publish_at, unpublish_at, title_words)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		-d.id, d.id, d.siteID, d.categoryID, d.publishAt, d.unpublishAt, d.titleWords); err != nil {
		return fmt.Errorf("index article %d: %w", d.id, err)
	}

	if _, err := q.ExecContext(ctx, `INSERT INTO search_text (article_id, words, text) VALUES ($1, $2, $3)`,
		d.id, d.words, d.text); err != nil {
		return fmt.Errorf("index article %d: %w", d.id, err)
	}

	if _, err := q.ExecContext(ctx, `INSERT INTO search_fts (rowid, title, body, meta) VALUES ($1, $2, $3, $4)`,
		-d.id, d.title, d.body, d.meta); err != nil {
		return fmt.Errorf("index article %d: %w", d.id, err)
	}

	return nil
}

// optimize merges the index's segments into one. A rebuild leaves many,
// written batch by batch, and every term of a query is looked up in each:
// at 10,000 articles one segment took 7 to 10% off the match and lookups
// of a query. Later writes add segments again, which FTS5 merges as it
// goes.
func (sqliteBackend) optimize(ctx context.Context, tx store.Querier) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_fts (search_fts) VALUES ('optimize')`); err != nil {
		return fmt.Errorf("optimize search index: %w", err)
	}
	return nil
}

// bm25 computes, once per query, how many documents hold each term: a
// walk over each term's whole list, which for a word in most articles is
// most of the cost of a search. Search asks for it only when the query
// matched few enough articles for relevance to decide (see Search).
const sqliteScore = "-bm25(search_fts, 5.0, 1.0, 2.0)"

// The pool bounds the work of one search: a query that matches more
// articles than the pool holds, such as a single common word, is ranked
// among its newest matches. Scoring every one of tens of thousands of
// matches would cost far more than a reader waits, and such a reader
// refines the query rather than reading page 80. CROSS JOIN makes SQLite
// run the match first, in rowid order from the newest, and stop at the
// limit.
//
// The unscored pool, a thousand rows for a common word, comes back as one
// row: handing each row to Go through the driver cost more than the match
// and the lookups together. Three group_concat read the same rows in the
// same order: the ids and the publication times, space-separated, and the
// title words, one a line (they hold only word runes and single spaces,
// never a line break). Three lists spare SQLite a string per row built
// with ||, each a malloc behind a lock in this build of SQLite. The
// order of the rows does not matter, Search sorts.
func (sqliteBackend) pool(
	ctx context.Context,
	q store.Querier,
	query Query,
	f filter,
	limit int,
	scored bool,
) ([]candidate, error) {
	where, args := f.where(1)
	args = append([]any{query.ftsMatch()}, args...)
	args = append(args, limit)
	from := `FROM search_fts CROSS JOIN search_docs d ON d.doc = search_fts.rowid
		WHERE search_fts MATCH $1 AND ` + where + `
		ORDER BY search_fts.rowid LIMIT $` + strconv.Itoa(len(args))
	if scored {
		return scanCandidates(q.QueryContext(ctx,
			`SELECT d.article_id, `+sqliteScore+`, d.publish_at, d.title_words `+from, args...))
	}

	var n int
	var ids, pubs, titles sql.NullString
	err := q.QueryRowContext(ctx, `SELECT count(*), group_concat(id, ' '), group_concat(pub, ' '),
		group_concat(title, char(10))
		FROM (SELECT d.article_id AS id, d.publish_at AS pub, d.title_words AS title `+from+`)`, args...).
		Scan(&n, &ids, &pubs, &titles)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}

	return parsePool(n, ids.String, pubs.String, titles.String)
}

// parsePool reads the n rows of the unscored pool from its three lists
// (see pool).
func parsePool(n int, ids, pubs, titles string) ([]candidate, error) {
	out := make([]candidate, n)
	for i := range out {
		c := &out[i]
		var ok1, ok2 bool
		c.id, ids, ok1 = nextInt(ids)
		c.publishAt, pubs, ok2 = nextInt(pubs)
		c.titleWords, titles, _ = strings.Cut(titles, "\n")
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("search: pool of %d matches unreadable at %d", n, i)
		}
	}

	if ids != "" || pubs != "" || titles != "" {
		return nil, fmt.Errorf("search: pool of %d matches holds more", n)
	}

	return out, nil
}

// parsePoolLines reads the n lines of PostgreSQL's unscored pool (see
// its pool).
func parsePoolLines(n int, s string) ([]candidate, error) {
	out := make([]candidate, n)
	for i := range out {
		c := &out[i]
		var line string
		line, s, _ = strings.Cut(s, "\n")
		var ok1, ok2 bool
		c.id, line, ok1 = nextInt(line)
		c.publishAt, line, ok2 = nextInt(line)
		c.titleWords = line
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("search: pool of %d matches unreadable at %d", n, i)
		}
	}

	if s != "" {
		return nil, fmt.Errorf("search: pool of %d matches holds more", n)
	}

	return out, nil
}

// nextInt reads the decimal integer s starts with and skips the space
// after it.
func nextInt(s string) (int64, string, bool) {
	neg := s != "" && s[0] == '-'
	if neg {
		s = s[1:]
	}

	var v int64
	i := 0
	for ; i < len(s) && '0' <= s[i] && s[i] <= '9' && i < 18; i++ {
		v = v*10 + int64(s[i]-'0')
	}

	if i == 0 || i < len(s) && s[i] != ' ' {
		return 0, s, false
	}
	if neg {
		v = -v
	}
	if i < len(s) {
		i++
	}

	return v, s[i:], true
}

// scored runs the match again with bm25: FTS5 computes it only on a
// cursor of the match.
func (b sqliteBackend) scored(
	ctx context.Context,
	q store.Querier,
	query Query,
	f filter,
	_ []candidate,
) ([]candidate, error) {
	return b.pool(ctx, q, query, f, maxMatches+1, true)
}

// postgresBackend uses the tsvector column search_docs.tsv and its GIN
// index. ts_rank_cd weighs title (A) 1.0, author and category (C) 0.2 and
// body (D) 0.1.
type postgresBackend struct{}

func (postgresBackend) put(ctx context.Context, q store.Querier, d doc) error {
	_, err := q.ExecContext(ctx, `INSERT INTO search_docs
		(article_id, site_id, category_id, publish_at, unpublish_at, title_words, tsv)
		VALUES ($1, $2, $3, $4, $5, $6,
			setweight(to_tsvector('simple', $7), 'A') || setweight(to_tsvector('simple', $8), 'C') ||
			setweight(to_tsvector('simple', $9), 'D'))
		ON CONFLICT (article_id) DO UPDATE SET site_id = EXCLUDED.site_id, category_id = EXCLUDED.category_id,
			publish_at = EXCLUDED.publish_at, unpublish_at = EXCLUDED.unpublish_at,
			title_words = EXCLUDED.title_words, tsv = EXCLUDED.tsv`,
		d.id, d.siteID, d.categoryID, d.publishAt, d.unpublishAt, d.titleWords, d.title, d.meta, d.body)
	if err != nil {
		return fmt.Errorf("index article %d: %w", d.id, err)
	}

	_, err = q.ExecContext(ctx, `INSERT INTO search_text (article_id, words, text) VALUES ($1, $2, $3)
		ON CONFLICT (article_id) DO UPDATE SET words = EXCLUDED.words, text = EXCLUDED.text`, d.id, d.words, d.text)
	if err != nil {
		return fmt.Errorf("index article %d: %w", d.id, err)
	}

	return nil
}

// optimize has nothing to do: Rebuild's VACUUM (ANALYZE), outside the
// transaction, is PostgreSQL's.
func (postgresBackend) optimize(context.Context, store.Querier) error { return nil }

const postgresScore = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', m.tsv, tq.q)"

// scored ranks the articles the unscored pass found, read by id: the
// match is not run again (for a phrase it rechecks the positions of
// every candidate's tsvector, the costly part), and the set is the same.
func (postgresBackend) scored(
	ctx context.Context,
	q store.Querier,
	query Query,
	_ filter,
	pool []candidate,
) ([]candidate, error) {
	if len(pool) == 0 {
		return nil, nil
	}
	// An unnamed statement: the text, with its ids, is this search's alone
	// (see queryOnce).
	return scanCandidates(q.QueryContext(ctx, `SELECT m.article_id, `+postgresScore+`, m.publish_at, m.title_words
		FROM search_docs m, to_tsquery('simple', $1) AS tq(q) WHERE m.article_id IN (`+idList(idsOf(pool))+`)`,
		pgx.QueryExecModeExec, query.tsQuery()))
}

// The best plan for the pool depends on how many articles the query
// matches: a common word is read newest first along the primary key,
// stopping at the limit, a rare one through the GIN index and sorted. A
// prepared statement may switch to one generic plan for every query
// after five runs, and with search_docs narrow that plan walks the key:
// 32 ms for x-quang at 10,000 articles, against 7 ms through the index.
// pgx's exec mode sends the query as an unnamed statement, planned with
// its values every time.
func (postgresBackend) pool(
	ctx context.Context,
	q store.Querier,
	query Query,
	f filter,
	limit int,
	scored bool,
) ([]candidate, error) {
	where, args := f.where(1)
	args = append([]any{query.tsQuery()}, args...)
	args = append(args, limit)
	limitArg := "$" + strconv.Itoa(len(args))
	args = append([]any{pgx.QueryExecModeExec}, args...)
	if !scored {
		// One row, as on SQLite: database/sql costs about a microsecond
		// and an allocation or two a row. Each line is "id publish_at
		// title words" (title words never hold a line break), so the
		// lines' order does not matter.
		var n int
		var lines sql.NullString
		err := q.QueryRowContext(ctx, `SELECT count(*), string_agg(id::text || ' ' || pub::text || ' ' || title, E'\n')
			FROM (SELECT d.article_id AS id, d.publish_at AS pub, d.title_words AS title
				FROM search_docs d, to_tsquery('simple', $1) AS tq(q)
				WHERE d.tsv @@ tq.q AND `+where+` ORDER BY d.article_id DESC LIMIT `+limitArg+`) m`, args...).
			Scan(&n, &lines)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}

		return parsePoolLines(n, lines.String)
	}

	// The newest matches first, then ts_rank_cd on those only: ranking
	// reads each row's whole tsvector, too slow for every match of a
	// common word.
	return scanCandidates(q.QueryContext(ctx, `SELECT m.article_id, `+postgresScore+`, m.publish_at, m.title_words
		FROM (SELECT d.article_id, d.publish_at, d.title_words, d.tsv
			FROM search_docs d, to_tsquery('simple', $1) AS tq(q)
			WHERE d.tsv @@ tq.q AND `+where+` ORDER BY d.article_id DESC LIMIT `+limitArg+`) m,
		to_tsquery('simple', $1) AS tq(q)`, args...))
}
