package search

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
	"github.com/congtin/congtin/internal/vn"
)

// The word-by-word markedWords gives what Canon of the whole text gives,
// on every demo article and on the odd inputs below.
func TestMarkedWordsWordByWord(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	ctx := context.Background()
	if err := demo.Load(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	articles, err := store.QueryAll(ctx, db, func(sc store.Scanner) (string, error) {
		var title, intro, body, author string
		err := sc.Scan(&title, &intro, &body, &author)
		return vn.NFC(title + " " + content.PlainText(intro) + " " + content.PlainText(body) + " " + author), err
	}, `SELECT title, intro_html, body_html, author_alias FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "Hoà HÒA hòa thuỷ Qúy ĐẢNG đảng", "NĂM² Ⅻ ½ hoà²", "İstanbul Ⱥ ǅ", "“Đảng” — bộ…", "e\u0301 A\u0300"}
	texts = append(texts, articles...)
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

func TestSelectTop(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	order := byKey(func(c candidate) float64 { return c.score })
	for _, n := range []int{0, 1, 2, 3, 10, 201, 1001} {
		for _, shape := range []string{"random", "ascending", "descending", "ties"} {
			cs := make([]candidate, n)
			for i := range cs {
				cs[i] = candidate{id: int64(i + 1), publishAt: int64(rng.IntN(50)), score: float64(rng.IntN(1000))}
				switch shape {
				case "ascending":
					cs[i].score = float64(i)
				case "descending":
					cs[i].score = float64(n - i)
				case "ties":
					cs[i].score = 1
				}
			}
			want := slices.Clone(cs)
			slices.SortFunc(want, order)
			for _, k := range []int{0, 1, n / 2, 200, n - 1, n} {
				if k < 0 || k > n {
					continue
				}
				got := slices.Clone(cs)
				if shape == "random" {
					rng.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
				}
				selectTop(got, k, order)
				slices.SortFunc(got[:k], order)
				if !slices.Equal(got[:k], want[:k]) {
					t.Errorf("n %d, %s, k %d: the first k differ from a full sort's", n, shape, k)
				}
			}
		}
	}
}

// rerankAll is rerank by definition: every candidate's text read, every
// score exact, all sorted.
func rerankAll(cands []candidate, q Query, inText map[int64]uint32) {
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
				if containsWord(c.titleWords, m) || inText[c.id]&(1<<k) != 0 {
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
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		if a.publishAt != b.publishAt {
			return cmp.Compare(b.publishAt, a.publishAt)
		}
		return cmp.Compare(b.id, a.id)
	})
}

// Reading texts only while they can change the first k gives the first k
// that reading every text gives, scores included.
func TestRerankReadsWhatItNeeds(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	vocab := []string{"đảng", "đang", "dạng", "bộ", "bỏ", "bố", "sở", "số", "khoa", "học", "hóa", "tỉnh"}
	for _, query := range []string{"đảng bộ", "dang bo", "đảng", "khoa học tỉnh", "đảng bộ sở", "học"} {
		q := Parse(query)
		for round := range 60 {
			n := 1 + rng.IntN(200)
			cands := make([]candidate, n)
			inText := map[int64]uint32{}
			texts := map[int64]string{}
			for i := range cands {
				var title []string
				for range rng.IntN(6) {
					title = append(title, vocab[rng.IntN(len(vocab))])
				}
				var text []string
				for range rng.IntN(8) {
					text = append(text, vocab[rng.IntN(len(vocab))])
				}
				id := int64(1000 - i*3 + rng.IntN(3))
				cands[i] = candidate{id: id, publishAt: int64(rng.IntN(20)), titleWords: strings.Join(title, " ")}
				if round%2 == 1 {
					cands[i].score = float64(rng.IntN(5)) / 4
				}
				texts[id] = strings.Join(text, " ")
				for k, m := range markedCanons(q) {
					if containsWord(texts[id], m) {
						inText[id] |= 1 << k
					}
				}
			}
			want := slices.Clone(cands)
			rerankAll(want, q, inText)
			for _, k := range []int{1, 10, 20, n} {
				k = min(k, n)
				got := slices.Clone(cands)
				err := rerank(got, q, k, func(cs []*candidate, marked []string) ([]uint32, error) {
					bits := make([]uint32, len(cs))
					for i, c := range cs {
						bits[i] = inText[c.id]
					}
					return bits, nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got[:k], want[:k]) {
					t.Fatalf("%q, %d candidates, k %d:\n got %v\nwant %v", query, n, k, got[:k], want[:k])
				}
			}
		}
	}
}

func TestParsePool(t *testing.T) {
	got, err := parsePool(3, "12 7 -3", "1600000000 -5 0", "đảng bộ\n\nhà nội")
	want := []candidate{{id: 12, publishAt: 1600000000, titleWords: "đảng bộ"}, {id: 7, publishAt: -5}, {id: -3, titleWords: "hà nội"}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("parsePool = %v, %v; want %v", got, err, want)
	}
	if got, err := parsePool(1, "5", "6", ""); err != nil || !slices.Equal(got, []candidate{{id: 5, publishAt: 6}}) {
		t.Errorf("parsePool of one untitled row = %v, %v", got, err)
	}
	for _, bad := range [][3]string{{"1 2", "3", "a\nb"}, {"1 x", "3 4", "a\nb"}, {"1 2 3", "3 4", "a\nb"}, {"1 2", "3 4", "a\nb\nc"}, {"", "", ""}} {
		if _, err := parsePool(2, bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("parsePool(2, %q) read what it should refuse", bad)
		}
	}
}

func TestParsePoolLines(t *testing.T) {
	got, err := parsePoolLines(3, "12 1600000000 đảng bộ\n7 -5 \n-3 0 hà nội")
	want := []candidate{{id: 12, publishAt: 1600000000, titleWords: "đảng bộ"}, {id: 7, publishAt: -5}, {id: -3, titleWords: "hà nội"}}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("parsePoolLines = %v, %v; want %v", got, err, want)
	}
	for _, bad := range []string{"1 2 a", "1 2 a\n3 4 b\n5 6 c", "1 x a\n3 4 b", "1\n3 4 b", ""} {
		if _, err := parsePoolLines(2, bad); err == nil {
			t.Errorf("parsePoolLines(2, %q) read what it should refuse", bad)
		}
	}
}
