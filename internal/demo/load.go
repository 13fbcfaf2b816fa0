package demo

import (
	"context"
	"errors"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// ErrNotEmpty is returned when the site already has content: the demo
// never touches a database someone has started to use.
var ErrNotEmpty = errors.New("the database already has content; demo content is loaded only into an empty site")

// Articles returns every demo article: the reference article, its "Tin
// khác" and the other categories' news.
func Articles() []Article {
	all := []Article{Reference}
	all = append(all, PartyArticles...)
	return append(all, MoreArticles...)
}

// Load fills an empty site with the demo content in one transaction.
func Load(ctx context.Context, db *store.DB, siteID int64) error {
	cs := content.NewStore(db)
	has, err := cs.HasContent(ctx, siteID)
	if err != nil {
		return err
	}
	if has {
		return ErrNotEmpty
	}

	ms := media.NewStore(db)
	ps := poll.NewStore(db)
	return db.InTx(ctx, func(tx store.Tx) error {
		if err := site.Save(ctx, tx, siteID, Settings); err != nil {
			return err
		}

		catIDs := map[string]int64{}
		for i, c := range Categories {
			cat := &content.Category{SiteID: siteID, Slug: c.Slug, Name: c.Name, Description: c.Description,
				Position: i + 1, Published: true, ParentID: catIDs[c.Parent]}
			if c.Parent != "" && cat.ParentID == 0 {
				return fmt.Errorf("demo category %s: parent %s must come first", c.Slug, c.Parent)
			}
			if err := cs.CreateCategory(ctx, tx, cat); err != nil {
				return err
			}

			catIDs[c.Slug] = cat.ID
		}

		for _, a := range Articles() {
			if err := loadArticle(ctx, tx, cs, ms, siteID, catIDs, a); err != nil {
				return fmt.Errorf("demo article %q: %w", a.Title, err)
			}
		}

		for i, p := range Pages {
			pg := &content.Page{SiteID: siteID, Slug: p.Slug, Title: p.Title, BodyHTML: paragraphs(p.Body),
				Position: i + 1, Published: true}
			if err := cs.CreatePage(ctx, tx, pg); err != nil {
				return err
			}
		}

		return loadPoll(ctx, tx, ps, siteID, DemoPoll)
	})
}

func loadArticle(
	ctx context.Context,
	tx store.Tx,
	cs *content.Store,
	ms *media.Store,
	siteID int64,
	catIDs map[string]int64,
	a Article,
) error {
	catID, ok := catIDs[a.Category]
	if !ok {
		return fmt.Errorf("unknown category %q", a.Category)
	}

	published, err := vn.ParseDateTime(a.Published)
	if err != nil {
		return err
	}

	art := &content.Article{SiteID: siteID, CategoryID: catID, Title: a.Title, AuthorAlias: a.Author,
		BodyHTML: paragraphs(a.Body), Status: content.StatusPublished, PublishAt: &published,
		Featured: a.Featured, Hits: a.Hits, CreatedAt: published}
	if a.Intro != "" {
		art.IntroHTML = "<p>" + html.EscapeString(a.Intro) + "</p>"
	}

	if a.Image != "" {
		m, err := ms.Put(ctx, tx, siteID, vn.Slug(a.Title)+".jpg", a.Title, Illustration(a.Image, a.Title))
		if err != nil {
			return err
		}

		art.ImageID = m.ID
	}

	return cs.CreateArticle(ctx, tx, art)
}

func loadPoll(ctx context.Context, tx store.Tx, ps *poll.Store, siteID int64, dp Poll) error {
	opens, err := vn.ParseDateTime(dp.Opens)
	if err != nil {
		return err
	}

	p := &poll.Poll{SiteID: siteID, Question: dp.Question, Status: poll.StatusOpen, OpensAt: &opens, CreatedAt: opens}
	for _, label := range dp.Options {
		p.Options = append(p.Options, poll.Option{Label: label})
	}

	if err := ps.Create(ctx, tx, p); err != nil {
		return err
	}

	n := 0
	for i, times := range dp.Votes {
		for _, ts := range times {
			at, err := vn.ParseDateTime(ts)
			if err != nil {
				return err
			}

			n++
			if err := ps.RecordVote(ctx, tx, p.ID, p.Options[i].ID, fmt.Sprintf("demo-%d", n), "", at); err != nil {
				return err
			}
		}
	}

	return nil
}

// paragraphs turns plain-text paragraphs into HTML.
func paragraphs(ps []string) string {
	var b strings.Builder
	for _, p := range ps {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}

		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}

	return b.String()
}

// Now is the demo site's notion of the present for tests that need a
// fixed clock: just after the newest demo article.
var Now = time.Date(2021, 2, 16, 8, 0, 0, 0, time.UTC)
