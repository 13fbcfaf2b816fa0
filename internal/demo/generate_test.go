package demo_test

import (
	"context"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestGenerate(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	ctx := context.Background()
	if err := demo.Load(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	before, _ := content.NewStore(db).CountPublished(ctx, content.ListOptions{SiteID: 1}, demo.Now.AddDate(1, 0, 0))
	if err := demo.Generate(ctx, db, demo.GenerateOptions{SiteID: 1, N: 120, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	after, _ := content.NewStore(db).CountPublished(ctx, content.ListOptions{SiteID: 1}, demo.Now.AddDate(1, 0, 0))
	if after-before != 120 {
		t.Errorf("generated %d visible articles, want 120", after-before)
	}
	titles, err := store.QueryAll(ctx, db, store.ScanString, `SELECT title FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range titles {
		if r, _ := utf8.DecodeRuneInString(title); !utf8.ValidString(title) || r == utf8.RuneError || unicode.IsLower(r) {
			t.Errorf("title %q: not valid UTF-8 or not capitalised", title)
		}
	}
	var minY, maxY, cats int
	db.QueryRowContext(ctx, `SELECT min(publish_at), max(publish_at), count(DISTINCT category_id) FROM articles`).Scan(&minY, &maxY, &cats)
	if cats < 5 || maxY-minY < 8*365*86400 {
		t.Errorf("articles spread over %d categories and %d days; want variety", cats, (maxY-minY)/86400)
	}
}
