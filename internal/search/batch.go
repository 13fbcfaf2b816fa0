package search

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// batchWriter writes the index entries of many articles at a time, for
// Rebuild: one multi-row statement per table and batch, each prepared
// once per row count and reused while the transaction lasts (every batch
// but the last has the same size).
type batchWriter struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	// build returns the statements writing n docs and the arguments of
	// each, in the order they run.
	build func(docs []doc) []batchStmt
}

type batchStmt struct {
	key   string // what identifies the statement's text among sizes
	query func() string
	args  []any
}

func (w *batchWriter) write(ctx context.Context, docs []doc) error {
	for _, s := range w.build(docs) {
		st, ok := w.stmts[s.key]
		if !ok {
			var err error
			if st, err = w.tx.PrepareContext(ctx, s.query()); err != nil {
				return fmt.Errorf("index articles: %w", err)
			}

			w.stmts[s.key] = st
		}

		if _, err := st.ExecContext(ctx, s.args...); err != nil {
			return fmt.Errorf("index articles %d to %d: %w", docs[0].id, docs[len(docs)-1].id, err)
		}
	}
	return nil
}

func (w *batchWriter) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// values writes rows tuples of cols placeholders each: (?, ?), (?, ?) with
// anonymous placeholders, or ($1, $2), ($3, $4) numbered. SQLite gets the
// anonymous ones: the driver looks every named parameter up by name at
// each execution, which for thousands of them costs more than the insert.
// A tuple's text is tuple with each %s replaced by the next placeholder.
func values(rows int, tuple string, numbered bool) string {
	parts := strings.Split(tuple, "%s")
	var b strings.Builder
	n := 0
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		for i, p := range parts {
			if i > 0 {
				n++
				if numbered {
					b.WriteString("$" + strconv.Itoa(n))
				} else {
					b.WriteByte('?')
				}
			}
			b.WriteString(p)
		}
	}

	return b.String()
}

func (sqliteBackend) batchWriter(tx *sql.Tx) *batchWriter {
	return &batchWriter{tx: tx, stmts: map[string]*sql.Stmt{}, build: func(docs []doc) []batchStmt {
		n := len(docs)
		ids := make([]any, 0, n)
		rows := make([]any, 0, 7*n)
		texts := make([]any, 0, 3*n)
		fts := make([]any, 0, 4*n)
		for _, d := range docs {
			ids = append(ids, d.id)
			rows = append(rows, -d.id, d.id, d.siteID, d.categoryID, d.publishAt, d.unpublishAt, d.titleWords)
			texts = append(texts, d.id, d.words, d.text)
			fts = append(fts, -d.id, d.title, d.body, d.meta)
		}

		k := strconv.Itoa(n)
		return []batchStmt{
			// Entries of these articles left under another site: as put
			// does, an article has one entry (the trigger removes its FTS
			// row, the foreign key its text). Almost always nothing to
			// delete.
			{"del" + k, func() string {
				return `DELETE FROM search_docs WHERE article_id IN (` +
					values(1, strings.Repeat("%s, ", n-1)+"%s", false) + `)`
			}, ids},
			{"docs" + k, func() string {
				return `INSERT INTO search_docs
					(doc, article_id, site_id, category_id, publish_at, unpublish_at, title_words)
					VALUES ` + values(n, "(%s, %s, %s, %s, %s, %s, %s)", false)
			}, rows},
			{"text" + k, func() string {
				return `INSERT INTO search_text (article_id, words, text) VALUES ` + values(n, "(%s, %s, %s)", false)
			}, texts},
			{"fts" + k, func() string {
				return `INSERT INTO search_fts (rowid, title, body, meta) VALUES ` +
					values(n, "(%s, %s, %s, %s)", false)
			}, fts},
		}
	}}
}

func (postgresBackend) batchWriter(tx *sql.Tx) *batchWriter {
	return &batchWriter{tx: tx, stmts: map[string]*sql.Stmt{}, build: func(docs []doc) []batchStmt {
		n := len(docs)
		args := make([]any, 0, 9*n)
		texts := make([]any, 0, 3*n)
		for _, d := range docs {
			args = append(args, d.id, d.siteID, d.categoryID, d.publishAt, d.unpublishAt, d.titleWords,
				d.title, d.meta, d.body)
			texts = append(texts, d.id, d.words, d.text)
		}

		k := strconv.Itoa(n)
		return []batchStmt{{"docs" + k, func() string {
			return `INSERT INTO search_docs
				(article_id, site_id, category_id, publish_at, unpublish_at, title_words, tsv)
				VALUES ` + values(n, `(%s, %s, %s, %s, %s, %s,
					setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'C') ||
					setweight(to_tsvector('simple', %s), 'D'))`, true) + `
				ON CONFLICT (article_id) DO UPDATE SET site_id = EXCLUDED.site_id, category_id = EXCLUDED.category_id,
					publish_at = EXCLUDED.publish_at, unpublish_at = EXCLUDED.unpublish_at,
					title_words = EXCLUDED.title_words, tsv = EXCLUDED.tsv`
		}, args}, {"text" + k, func() string {
			return `INSERT INTO search_text (article_id, words, text) VALUES ` + values(n, "(%s, %s, %s)", true) + `
				ON CONFLICT (article_id) DO UPDATE SET words = EXCLUDED.words, text = EXCLUDED.text`
		}, texts}}
	}}
}
