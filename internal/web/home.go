package web

import (
	"net/http"

	"github.com/congtin/congtin/internal/content"
)

// homeView is the home page: the featured article, the latest news and a
// block of the latest articles of each top-level category.
type homeView struct {
	Featured *content.Summary
	Latest   []content.Summary
	Blocks   []categoryBlock
}

type categoryBlock struct {
	Category *content.Category
	Articles []content.Summary
}

const (
	homeLatest      = 6
	homePerCategory = 5
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	if err := validQuery(r); err != nil {
		return err
	}

	ctx := r.Context()
	p, err := s.newPage(r, "")
	if err != nil {
		return err
	}

	now := s.now()
	v := homeView{}
	featuredOpts := content.ListOptions{SiteID: s.cfg.SiteID, Featured: true, Limit: 1}
	featured, err := s.content.ListPublished(ctx, featuredOpts, now)
	if err != nil {
		return err
	}

	var exclude int64
	if len(featured) > 0 {
		v.Featured = &featured[0]
		exclude = featured[0].ID
		p.OGImage = s.absURL(r, imageURL(featured[0].Image))
		if featured[0].Image == nil {
			p.OGImage = ""
		}
	}

	latestOpts := content.ListOptions{SiteID: s.cfg.SiteID, ExcludeID: exclude, Limit: homeLatest}
	if v.Latest, err = s.content.ListPublished(ctx, latestOpts, now); err != nil {
		return err
	}

	perCat, err := s.content.LatestPerCategory(ctx, s.cfg.SiteID, homePerCategory, now)
	if err != nil {
		return err
	}

	for _, root := range p.Chrome.Nav {
		b := categoryBlock{Category: root}
		// A top-level block gathers its own articles and its children's,
		// newest first.
		b.Articles = mergeNewest(homePerCategory, perCat[root.ID], childArticles(root, perCat)...)
		if len(b.Articles) > 0 {
			v.Blocks = append(v.Blocks, b)
		}
	}

	p.Main = v
	return s.render(w, http.StatusOK, "home", p)
}

func childArticles(c *content.Category, perCat map[int64][]content.Summary) [][]content.Summary {
	var out [][]content.Summary
	for _, ch := range c.Children {
		out = append(out, perCat[ch.ID])
		out = append(out, childArticles(ch, perCat)...)
	}
	return out
}

// mergeNewest merges lists that are each sorted newest first and keeps
// the newest n.
func mergeNewest(n int, first []content.Summary, rest ...[]content.Summary) []content.Summary {
	all := append([]content.Summary(nil), first...)
	for _, l := range rest {
		all = append(all, l...)
	}

	// Lists are short (a handful per category): insertion sort is plenty.
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && newer(all[j], all[j-1]); j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}

	if len(all) > n {
		all = all[:n]
	}

	return all
}

func newer(a, b content.Summary) bool {
	if !a.PublishAt.Equal(b.PublishAt) {
		return a.PublishAt.After(b.PublishAt)
	}
	return a.ID > b.ID
}
