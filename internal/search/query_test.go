package search

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestParse(t *testing.T) {
	type c struct {
		in   string
		want string // Query.String()
		fts  string
		ts   string
	}
	for _, tc := range []c{
		{"dang bo", "dang bo", `"dang" AND "bo"`, `'dang' & 'bo'`},
		{"  Đảng   BỘ ", "đảng bộ", `"dang" AND "bo"`, `'dang' & 'bo'`},
		{`"tấm gương" đạo`, `"tấm gương" đạo`, `"tam guong" AND "dao"`, `('tam' <-> 'guong') & 'dao'`},
		{`“tấm gương”`, `"tấm gương"`, `"tam guong"`, `('tam' <-> 'guong')`},
		{`"unclosed phrase`, `"unclosed phrase"`, `"unclosed phrase"`, `('unclosed' <-> 'phrase')`},
		{"vai -thieu", "vai -thieu", `("vai") NOT "thieu"`, `'vai' & !'thieu'`},
		{`vai -"chi dan"`, `vai -"chi dan"`, `("vai") NOT "chi dan"`, `'vai' & !('chi' <-> 'dan')`},
		{"covid-19", `"covid 19"`, `"covid 19"`, `('covid' <-> '19')`},
		{"hoà", "hòa", `"hoa"`, `'hoa'`},
		{"a - b", "a b", `"a" AND "b"`, `'a' & 'b'`},
		{"+a", "a", `"a"`, `'a'`},
		{"NEAR(a b) AND * ^c", `"near a" b and c`, `"near a" AND "b" AND "and" AND "c"`, `('near' <-> 'a') & 'b' & 'and' & 'c'`},
		{"", "", "", ""},
		{`"" - " "`, "", "", ""},
		{"\xff", "", "", ""},
	} {
		q := Parse(tc.in)
		if got := q.String(); got != tc.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.in, got, tc.want)
		}
		if q.Empty() {
			continue
		}
		if got := q.ftsMatch(); got != tc.fts {
			t.Errorf("Parse(%q).ftsMatch() = %q, want %q", tc.in, got, tc.fts)
		}
		if got := q.tsQuery(); got != tc.ts {
			t.Errorf("Parse(%q).tsQuery() = %q, want %q", tc.in, got, tc.ts)
		}
	}
}

func TestParseMarked(t *testing.T) {
	q := Parse("Đảng bo hòa thuỷ 03")
	var got []bool
	for _, w := range q.Words() {
		got = append(got, w.Marked())
	}
	if want := []bool{true, false, true, true, false}; !reflect.DeepEqual(got, want) {
		t.Errorf("Marked = %v, want %v", got, want)
	}
}

func TestParseLimits(t *testing.T) {
	q := Parse(strings.Repeat("đảng bộ ", 5000))
	n := 0
	for _, c := range q.Clauses {
		n += len(c.Words)
	}
	if n == 0 || n > maxWords || len(q.Clauses) > maxClauses {
		t.Errorf("a 10,000-character query gave %d clauses, %d words", len(q.Clauses), n)
	}
}

// FuzzParse checks that whatever a reader types, the parser does not
// panic, produces valid UTF-8, and the expressions it builds are accepted
// by the real full-text engine: every query runs, none is an SQL error.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"dang bo", `"tấm gương đạo đức"`, "-a b", `"`, `a"b"c`, "NEAR(a b, 2)", "a*", "^a",
		"a:b", "{a b}: c", "a AND OR NOT b", "'", `\'`, "a <-> b", "!a & b | c", "\xff\xfe", "đ\u0301", "-", "--a",
		strings.Repeat("x ", 300), "(a", "a)", "\x00", "title:x"} {
		f.Add(s)
	}
	db := storetest.SQLite(f)
	ctx := context.Background()
	b := backendFor(db.Dialect)
	fl := filter{siteID: 1, now: 1 << 40}
	f.Fuzz(func(t *testing.T, s string) {
		q := Parse(s)
		for _, c := range q.Clauses {
			if len(c.Words) == 0 {
				t.Fatalf("Parse(%q): empty clause", s)
			}
			for _, w := range c.Words {
				if w.Fold == "" || !utf8.ValidString(w.Fold) || !utf8.ValidString(w.Canon) {
					t.Fatalf("Parse(%q): bad word %+v", s, w)
				}
				if strings.ContainsAny(w.Fold, "\"' \\") {
					t.Fatalf("Parse(%q): word %q holds a quote or space", s, w.Fold)
				}
			}
		}
		if q.Empty() {
			return
		}
		if _, err := b.pool(ctx, db, q, fl, 10, true); err != nil {
			t.Fatalf("Parse(%q) → %q: %v", s, q.ftsMatch(), err)
		}
	})
}

// TestExpressionsOnPostgres runs the fuzz seeds' expressions through
// to_tsquery on a real server.
func TestExpressionsOnPostgres(t *testing.T) {
	t.Parallel()
	db := storetest.Postgres(t)
	runSeeds(t, db)
}

func runSeeds(t *testing.T, db *store.DB) {
	ctx := context.Background()
	b := backendFor(db.Dialect)
	for _, s := range []string{"dang bo", `"tấm gương đạo đức"`, "-a b", `a"b"c`, "NEAR(a b, 2)", "a:*", "!a & b | c",
		"a <-> b", `\'`, "'", "đ\u0301", "--a", "a -b -\"c d\"", "日本語 テキスト", "한국어", "ⅷ ² ½"} {
		q := Parse(s)
		if q.Empty() {
			continue
		}
		if _, err := b.pool(ctx, db, q, filter{siteID: 1, now: 1 << 40}, 10, true); err != nil {
			t.Errorf("%q → %q: %v", s, q.tsQuery(), err)
		}
	}
}
