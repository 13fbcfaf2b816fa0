package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// GenerateOptions control Generate.
type GenerateOptions struct {
	SiteID int64
	N      int    // articles to add
	Seed   uint64 // the same seed gives the same articles
	// Indexer, when set, indexes each article in its transaction, as the
	// running site does; nil leaves indexing to a later rebuild, which
	// is how the benchmark times the index build on its own.
	Indexer content.Indexer
	// Progress, when set, is called after each batch with the count so far.
	Progress func(done int)
}

// Generate adds N published articles made by recombining the sentences of
// the demo articles and the reference article, spread over the demo
// categories and over publication dates from 2010 to 2021, in roughly
// increasing order. The site must
// already have the demo categories (Load first). Articles are written in
// batches, one transaction each.
func Generate(ctx context.Context, db *store.DB, o GenerateOptions) error {
	if err := site.Check(o.SiteID, "generate articles"); err != nil {
		return err
	}

	cs := content.NewStore(db)
	if o.Indexer != nil {
		cs.WithIndexer(o.Indexer)
	}

	cats, err := cs.Categories(ctx, o.SiteID)
	if err != nil {
		return err
	}
	if len(cats) == 0 {
		return fmt.Errorf("generate: the site has no categories; load the demo first")
	}

	g := newGenerator(o.Seed)
	const batch = 500
	for done := 0; done < o.N; {
		n := min(batch, o.N-done)
		err := db.InTx(ctx, func(tx store.Tx) error {
			for i := 0; i < n; i++ {
				a := g.article(cats[g.r.IntN(len(cats))].ID, o.SiteID, float64(done+i)/float64(o.N))
				if err := cs.CreateArticle(ctx, tx, a); err != nil {
					return fmt.Errorf("generated article %d: %w", done+i+1, err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}

		done += n
		if o.Progress != nil {
			o.Progress(done)
		}
	}

	return nil
}

// generator holds the sentence pool and the random source.
type generator struct {
	r         *rand.Rand
	sentences []string
	authors   []string
	start     int64
	span      int64
}

func newGenerator(seed uint64) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	seenAuthor := map[string]bool{}
	for _, a := range Articles() {
		for _, p := range append([]string{a.Intro}, a.Body...) {
			g.sentences = append(g.sentences, splitSentences(p)...)
		}
		if a.Author != "" && !seenAuthor[a.Author] {
			seenAuthor[a.Author] = true
			g.authors = append(g.authors, a.Author)
		}
	}

	from := time.Date(2010, 1, 1, 0, 0, 0, 0, vn.Location)
	to := time.Date(2021, 12, 31, 23, 59, 59, 0, vn.Location)
	g.start, g.span = from.Unix(), to.Unix()-from.Unix()
	return g
}

// splitSentences cuts a paragraph after ". ", "; " or ": " where the next
// word starts with a capital, which is where Vietnamese news sentences end;
// abbreviations such as "ThS. Phạm" are rare enough not to matter here.
func splitSentences(p string) []string {
	var out []string
	p = strings.TrimSpace(p)
	start := 0
	for i := 0; i+2 < len(p); i++ {
		if p[i] == '.' && p[i+1] == ' ' {
			s := strings.TrimSpace(p[start : i+1])
			if len(s) > 20 {
				out = append(out, s)
				start = i + 2
			}
		}
	}

	if s := strings.TrimSpace(p[start:]); len(s) > 20 {
		out = append(out, s)
	}

	return out
}

func (g *generator) sentence() string { return g.sentences[g.r.IntN(len(g.sentences))] }

// title is the beginning of a sentence: six to fourteen words, without
// the final punctuation, as headlines are written.
func (g *generator) title() string {
	words := strings.Fields(g.sentence())
	n := min(len(words), 6+g.r.IntN(9))
	t := strings.TrimRight(strings.Join(words[:n], " "), ".,;:–-")
	return capitalize(t)
}

// capitalize upper-cases the first letter, which in Vietnamese is often
// more than one byte (đ, ư, ơ, with or without a tone mark).
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// article makes one article; at (0..1) places its date along 2010-2021
// with a few weeks of jitter, so that, as on a real site, later articles
// mostly have later dates.
func (g *generator) article(categoryID, siteID int64, at float64) *content.Article {
	const jitter = 30 * 86400
	sec := g.start + int64(at*float64(g.span)) + g.r.Int64N(2*jitter) - jitter
	published := time.Unix(min(max(sec, g.start), g.start+g.span), 0).UTC()
	var body strings.Builder
	for p := 2 + g.r.IntN(5); p > 0; p-- {
		body.WriteString("<p>")
		for s := 2 + g.r.IntN(4); s > 0; s-- {
			body.WriteString(htmlEscape(g.sentence()))
			body.WriteByte(' ')
		}

		body.WriteString("</p>\n")
	}

	a := &content.Article{SiteID: siteID, CategoryID: categoryID, Title: g.title(),
		IntroHTML: "<p>" + htmlEscape(g.sentence()) + "</p>", BodyHTML: body.String(),
		AuthorAlias: g.authors[g.r.IntN(len(g.authors))], Status: content.StatusPublished,
		PublishAt: &published, CreatedAt: published, Hits: int64(g.r.IntN(3000))}

	return a
}

var htmlEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace
