package web

import (
	"html/template"
	"net/http"

	"github.com/congtin/congtin/internal/content"
)

type staticPageView struct {
	Page *content.Page
	Body template.HTML
}

func (s *Server) page(w http.ResponseWriter, r *http.Request) error {
	if err := validQuery(r); err != nil {
		return err
	}

	pg, err := s.content.PageBySlug(r.Context(), s.cfg.SiteID, r.PathValue("slug"))
	if err != nil {
		return err
	}

	p, err := s.newPage(r, pg.Title)
	if err != nil {
		return err
	}

	p.Crumbs = []crumb{{Name: pg.Title, URL: "/trang/" + pg.Slug}}
	if d := content.Excerpt("", pg.BodyHTML, 200); d != "" {
		p.Description = d
	}

	p.Main = staticPageView{Page: pg, Body: bodyHTML(pg.BodyHTML)}
	return s.render(w, http.StatusOK, "page", p)
}
