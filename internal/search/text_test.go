package search

import (
	"context"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store/storetest"
	"github.com/congtin/congtin/internal/vn"
)

// The word-by-word markedWords gives what Canon of the whole text gives,
// on every demo article and on the odd inputs below.
func TestMarkedWordsWordByWord(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	if err := demo.Load(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	rows, err := db.QueryContext(ctx, `SELECT title, intro_html, body_html, author_alias FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	texts := []string{"", "Hoà HÒA hòa thuỷ Qúy ĐẢNG đảng", "NĂM² Ⅻ ½ hoà²", "İstanbul Ⱥ ǅ", "“Đảng” — bộ…", "e\u0301 A\u0300"}
	for rows.Next() {
		var title, intro, body, author string
		if err := rows.Scan(&title, &intro, &body, &author); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, vn.NFC(title+" "+content.PlainText(intro)+" "+content.PlainText(body)+" "+author))
	}
	if len(texts) < 20 {
		t.Fatalf("only %d texts", len(texts))
	}
	sc := newScratch()
	for _, s := range texts {
		s = vn.NFC(s)
		for _, limit := range []int{maxMarkedWords, 40} {
			if got, want := markedWords(s, limit, sc), markedWordsWhole(s, limit); got != want {
				t.Errorf("markedWords(%.60q, %d)\n got %.200q\nwant %.200q", s, limit, got, want)
			}
		}
	}
}

func FuzzMarkedWords(f *testing.F) {
	for _, s := range []string{"Hoà thuỷ Qúy", "ĐẢNG bộ, đảng", "İ Ⱥ ǅ ½ ²", "ngoài khuỷu", strings.Repeat("hòa ", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = vn.NFC(s)
		if got, want := markedWords(s, 64, nil), markedWordsWhole(s, 64); got != want {
			t.Errorf("markedWords(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestIsWordRuneTables(t *testing.T) {
	for r := rune(0); r < 0x2100; r++ {
		if isWordRune(r) != isWordRuneSlow(r) {
			t.Errorf("isWordRune(%U) = %v", r, isWordRune(r))
		}
	}
}
