package admin

import (
	"errors"
	"net/http"
	"strings"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/store"
)

func (s *Server) pageList(w http.ResponseWriter, r *http.Request) error {
	pages, err := s.content.AllPages(r.Context(), s.cfg.SiteID)
	if err != nil {
		return err
	}
	p := s.newPage(r, s.text.T("admin.pages.title"))
	p.Nav = "pages"
	p.Data = pages
	return s.render(w, http.StatusOK, "pages", p)
}

func (s *Server) pageNew(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(r, s.text.T("admin.pages.new"))
	p.Nav = "pages"
	p.Data = &content.Page{Published: true}
	return s.render(w, http.StatusOK, "page_form", p)
}

func (s *Server) pageEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}

	pg, err := s.content.PageByID(r.Context(), id)
	if err != nil {
		return err
	}

	p := s.newPage(r, pg.Title)
	p.Nav = "pages"
	p.Data = pg
	return s.render(w, http.StatusOK, "page_form", p)
}

func (s *Server) pageSave(w http.ResponseWriter, r *http.Request) error {
	pg := &content.Page{SiteID: s.cfg.SiteID}
	if r.PathValue("id") != "" {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		if pg, err = s.content.PageByID(r.Context(), id); err != nil {
			return err
		}
	}

	pg.Title = r.FormValue("title")
	pg.Slug = strings.TrimSpace(r.FormValue("slug"))
	pg.BodyHTML = r.FormValue("body")
	pg.Position = int(formInt(r, "position"))
	pg.Published = r.FormValue("published") != ""
	err := s.db.InTx(r.Context(), func(tx store.Tx) error {
		action := "page.update"
		var err error
		if pg.ID == 0 {
			action = "page.create"
			err = s.content.CreatePage(r.Context(), tx, pg)
		} else {
			err = s.content.UpdatePage(r.Context(), tx, pg)
		}

		if err != nil {
			return err
		}

		return s.auditTx(r.Context(), tx, r, action, "page", pg.ID, pg.Title)
	})
	if errors.Is(err, content.ErrInvalid) {
		p := s.newPage(r, s.text.T("admin.pages.title"))
		p.Nav = "pages"
		p.Error = s.message(err)
		p.Data = pg
		return s.render(w, http.StatusUnprocessableEntity, "page_form", p)
	}

	if err != nil {
		return err
	}

	s.changed(r.Context())
	return s.redirect(w, r, "/quan-tri/trang/", s.text.T("admin.saved"))
}
