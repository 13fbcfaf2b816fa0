package admin

import (
	"errors"
	"net/http"
	"strings"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/store"
)

type categoriesView struct {
	Tree []*content.Category
	All  []*content.Category
	Form *content.Category
}

func (s *Server) categoryList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(r, s.text.T("admin.categories.title"))
	return s.showCategories(w, r, http.StatusOK, p, &content.Category{Published: true})
}

func (s *Server) showCategories(
	w http.ResponseWriter,
	r *http.Request,
	status int,
	p *page,
	form *content.Category,
) error {
	all, err := s.content.AllCategories(r.Context(), s.cfg.SiteID)
	if err != nil {
		return err
	}

	flat := append([]*content.Category{}, all...)
	p.Nav = "categories"
	p.Data = categoriesView{Tree: content.Tree(all), All: flat, Form: form}
	name := "categories"
	if form.ID != 0 {
		name = "category_form"
	}

	return s.render(w, status, name, p)
}

func readCategory(r *http.Request, c *content.Category) {
	c.Name = r.FormValue("name")
	c.Slug = strings.TrimSpace(r.FormValue("slug"))
	c.ParentID = formInt(r, "parent_id")
	c.Description = r.FormValue("description")
	c.Position = int(formInt(r, "position"))
	c.Published = r.FormValue("published") != ""
}

func (s *Server) categoryCreate(w http.ResponseWriter, r *http.Request) error {
	c := &content.Category{SiteID: s.cfg.SiteID}
	readCategory(r, c)
	err := s.db.InTx(r.Context(), func(tx store.Tx) error {
		if err := s.content.CreateCategory(r.Context(), tx, c); err != nil {
			return err
		}
		return s.auditTx(r.Context(), tx, r, "category.create", "category", c.ID, c.Name)
	})
	if errors.Is(err, content.ErrInvalid) {
		p := s.newPage(r, s.text.T("admin.categories.title"))
		p.Error = s.message(err)
		c.ID = 0
		return s.showCategories(w, r, http.StatusUnprocessableEntity, p, c)
	}

	if err != nil {
		return err
	}

	s.changed(r.Context())
	return s.redirect(w, r, "/quan-tri/chuyen-muc/", s.text.T("admin.saved"))
}

func (s *Server) categoryEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}

	c, err := s.content.CategoryByID(r.Context(), id)
	if err != nil {
		return err
	}

	return s.showCategories(w, r, http.StatusOK, s.newPage(r, c.Name), c)
}

func (s *Server) categorySave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}

	c, err := s.content.CategoryByID(r.Context(), id)
	if err != nil {
		return err
	}

	readCategory(r, c)
	err = s.db.InTx(r.Context(), func(tx store.Tx) error {
		if err := s.content.UpdateCategory(r.Context(), tx, c); err != nil {
			return err
		}
		return s.auditTx(r.Context(), tx, r, "category.update", "category", c.ID, c.Name)
	})
	if errors.Is(err, content.ErrInvalid) {
		p := s.newPage(r, c.Name)
		p.Error = s.message(err)
		return s.showCategories(w, r, http.StatusUnprocessableEntity, p, c)
	}

	if err != nil {
		return err
	}

	s.changed(r.Context())
	return s.redirect(w, r, "/quan-tri/chuyen-muc/", s.text.T("admin.saved"))
}
