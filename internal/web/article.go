package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/vn"
)

type articleView struct {
	Article  *content.Article
	Category *content.Category
	Intro    template.HTML
	Body     template.HTML
	Related  template.HTML // "Tin khác" list items (related.go)
	// Made here rather than by template functions: a function call in a
	// template is a reflective call, and the article page is the page
	// most often made.
	CategoryURL, Published, PublishedISO, Views string
}

// categoryItem serves what lives under a category: its feed or an article.
func (s *Server) categoryItem(w http.ResponseWriter, r *http.Request) error {
	if r.PathValue("article") == "rss.xml" {
		return s.categoryFeed(w, r)
	}
	return s.article(w, r)
}

// article serves /{category}/{id}-{slug}. The id alone finds the article;
// a wrong category or slug answers 301 to the canonical address so old
// and mistyped links keep working.
func (s *Server) article(w http.ResponseWriter, r *http.Request) error {
	if err := validQuery(r); err != nil {
		return err
	}

	id, ok := parseArticleID(r.PathValue("article"))
	if !ok {
		return errNotFound
	}

	ctx := r.Context()
	now := s.now()
	a, err := s.content.PublishedArticle(ctx, s.cfg.SiteID, id, now)
	if err != nil {
		return err
	}

	p, err := s.newPage(r, a.Title)
	if err != nil {
		return err
	}

	// The menus hold every published category; only an article of an
	// unpublished one costs a query.
	cat := p.Chrome.category(a.CategoryID)
	if cat == nil {
		if cat, err = s.content.CategoryByID(ctx, a.CategoryID); err != nil {
			return err
		}
	}

	canonical := articleURL(cat.Slug, a.ID, a.Slug)
	if r.URL.Path != canonical {
		http.Redirect(w, r, canonical, http.StatusMovedPermanently)
		return nil
	}

	v := articleView{Article: a, Category: cat, Intro: bodyHTML(a.IntroHTML), Body: bodyHTML(a.BodyHTML),
		CategoryURL: categoryURL(cat.Slug), Views: vn.FormatInt(a.Hits)}
	if a.PublishAt != nil {
		v.Published, v.PublishedISO = vn.FormatDateTime(*a.PublishAt), a.PublishAt.In(vn.Location).Format(time.RFC3339)
	}
	if v.Related, err = s.related(ctx, p.Chrome, cat.ID, a.ID, now); err != nil {
		return err
	}

	p.OGType = "article"
	p.Description = a.MetaDescription
	if p.Description == "" {
		p.Description = a.Excerpt
	}
	if a.Image != nil {
		p.OGImage = s.absURL(r, imageURL(a.Image))
	}

	p.Feed = categoryURL(cat.Slug) + "rss.xml"
	if parent := p.Chrome.category(cat.ParentID); parent != nil {
		p.Crumbs = append(p.Crumbs, crumb{Name: parent.Name, URL: categoryURL(parent.Slug)})
	}

	p.Crumbs = append(p.Crumbs, crumb{Name: cat.Name, URL: categoryURL(cat.Slug)})
	p.Main = v
	return s.render(w, http.StatusOK, "article", p)
}

// parseArticleID reads the id from "123-slug" (or a bare "123"). Ids that
// do not fit in an int64 are not articles.
func parseArticleID(seg string) (int64, bool) {
	num, _, _ := strings.Cut(seg, "-")
	if num == "" || len(num) > 18 {
		return 0, false
	}

	for _, c := range num {
		if c < '0' || c > '9' {
			return 0, false
		}
	}

	id, err := strconv.ParseInt(num, 10, 64)
	return id, err == nil && id > 0
}
