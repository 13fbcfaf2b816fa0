package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// Rebuild's batched writes leave the index exactly as writing each
// article on its own does (the path of every publish and edit): the same
// rows, and on SQLite the same terms at the same positions.
func TestRebuildWritesWhatPutWrites(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		if err := demo.Load(ctx, db, 1); err != nil {
			t.Fatal(err)
		}
		if err := demo.Generate(ctx, db, demo.GenerateOptions{SiteID: 1, N: rebuildBatch + 120, Seed: 7}); err != nil {
			t.Fatal(err)
		}
		b := backendFor(db.Dialect)
		var n int
		err := db.InTx(ctx, func(tx store.Tx) error {
			var last int64
			for {
				rows, err := readBatch(ctx, tx, 1, last, 100)
				if err != nil || len(rows) == 0 {
					return err
				}
				for _, d := range makeDocs(1, rows) {
					if err := b.put(ctx, tx, d); err != nil {
						return err
					}
					n++
				}
				last = rows[len(rows)-1].id
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		one := dumpIndex(t, db)
		got, err := Rebuild(ctx, db, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got != n || n <= rebuildBatch {
			t.Fatalf("Rebuild indexed %d articles, put %d", got, n)
		}
		if batched := dumpIndex(t, db); batched != one {
			t.Errorf("index after Rebuild differs from article by article:\n%.2000s\n---\n%.2000s", firstDiff(batched, one), firstDiff(one, batched))
		}
	})
}

func dumpIndex(t *testing.T, db *store.DB) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	q := `SELECT d.article_id, site_id, category_id, publish_at, COALESCE(unpublish_at, -1), title_words, words, text, ''
		FROM search_docs d LEFT JOIN search_text t ON t.article_id = d.article_id ORDER BY d.article_id`
	if db.Dialect == store.Postgres {
		q = strings.Replace(q, "''", "tsv::text", 1)
	} else {
		if _, err := db.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_fts, instance)`); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := store.QueryAll(ctx, db, func(sc store.Scanner) (string, error) {
		var id, site, cat, pub, unpub int64
		var tw, w, text, tsv string
		err := sc.Scan(&id, &site, &cat, &pub, &unpub, &tw, &w, &text, &tsv)
		return fmt.Sprintf("%d %d %d %d %d %q %q %q %s\n", id, site, cat, pub, unpub, tw, w, text, tsv), err
	}, q)
	if err != nil {
		t.Fatal(err)
	}
	b.WriteString(strings.Join(docs, ""))
	if db.Dialect == store.SQLite {
		terms, err := store.QueryAll(ctx, db, func(sc store.Scanner) (string, error) {
			var term, col string
			var doc, off int64
			err := sc.Scan(&term, &doc, &col, &off)
			return fmt.Sprintf("%s %d %s %d\n", term, doc, col, off), err
		}, `SELECT term, doc, col, offset FROM temp.search_vocab ORDER BY doc, col, offset`)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(strings.Join(terms, ""))
	}
	return b.String()
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	i = max(0, strings.LastIndexByte(a[:i], '\n')+1)
	return a[i:]
}
