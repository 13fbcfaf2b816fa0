package web

import (
	"net/http"
	"net/url"

	"github.com/congtin/congtin/internal/content"
)

const categoryPageSize = 10

type categoryView struct {
	Category *content.Category
	Parent   *content.Category
	// Children are the subcategories, linked at the top of the list: on a
	// phone the menu does not unfold them.
	Children []*content.Category
	Articles []content.Summary
	Pager    pager
	Total    int
}

func (s *Server) category(w http.ResponseWriter, r *http.Request) error {
	if err := validQuery(r); err != nil {
		return err
	}

	page, err := pageNumber(r)
	if err != nil {
		return err
	}

	ctx := r.Context()
	cat, err := s.content.CategoryBySlug(ctx, s.cfg.SiteID, r.PathValue("category"))
	if err != nil {
		return err
	}

	p, err := s.newPage(r, cat.Name)
	if err != nil {
		return err
	}

	v := categoryView{Category: cat, Pager: pager{Page: page, Base: categoryURL(cat.Slug)}}
	ids := []int64{cat.ID}
	if c := p.Chrome.category(cat.ID); c != nil {
		ids = append(ids, descendantIDs(c)...)
		v.Children = c.Children
	}

	v.Parent = p.Chrome.category(cat.ParentID)
	opts := content.ListOptions{SiteID: s.cfg.SiteID, CategoryIDs: ids,
		Limit: categoryPageSize, Offset: (page - 1) * categoryPageSize}
	now := s.now()
	if v.Total, err = s.content.CountPublished(ctx, opts, now); err != nil {
		return err
	}

	v.Pager.Pages = max(1, (v.Total+categoryPageSize-1)/categoryPageSize)
	if page > v.Pager.Pages {
		return errNotFound
	}
	if v.Articles, err = s.content.ListPublished(ctx, opts, now); err != nil {
		return err
	}
	if cat.Description != "" {
		p.Description = cat.Description
	}

	if page > 1 {
		p.Title = cat.Name + " - " + s.text.T("pager.page", page, v.Pager.Pages) + " - " + p.Chrome.Site.SiteName
		p.Canonical = s.absURL(r, categoryURL(cat.Slug)+"?trang="+itoa(page))
	}

	p.Feed = categoryURL(cat.Slug) + "rss.xml"
	if v.Parent != nil {
		p.Crumbs = append(p.Crumbs, crumb{Name: v.Parent.Name, URL: categoryURL(v.Parent.Slug)})
	}

	p.Crumbs = append(p.Crumbs, crumb{Name: cat.Name, URL: categoryURL(cat.Slug)})
	p.Main = v
	return s.render(w, http.StatusOK, "category", p)
}

// categoryNoSlash sends /to-chuc-dang to /to-chuc-dang/ when such a
// category exists, so a link typed without the slash still works.
func (s *Server) categoryNoSlash(w http.ResponseWriter, r *http.Request) error {
	cat, err := s.content.CategoryBySlug(r.Context(), s.cfg.SiteID, r.PathValue("category"))
	if err != nil {
		return err
	}

	target := categoryURL(cat.Slug)
	if r.URL.RawQuery != "" {
		target += "?" + url.Values(r.URL.Query()).Encode()
	}

	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return nil
}

func flatten(cats []*content.Category) []*content.Category {
	var out []*content.Category
	for _, c := range cats {
		out = append(out, c)
		out = append(out, flatten(c.Children)...)
	}
	return out
}

func descendantIDs(c *content.Category) []int64 {
	var ids []int64
	for _, ch := range c.Children {
		ids = append(ids, ch.ID)
		ids = append(ids, descendantIDs(ch)...)
	}
	return ids
}
