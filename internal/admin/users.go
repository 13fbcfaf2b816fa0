package admin

import (
	"errors"
	"net/http"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/store"
)

type usersView struct {
	Users      []*auth.User
	Form       *auth.User
	Roles      []auth.Role
	Categories []*content.Category
}

func (s *Server) showUsers(w http.ResponseWriter, r *http.Request, status int, p *page, form *auth.User) error {
	users, err := s.users.Users(r.Context())
	if err != nil {
		return err
	}

	cats, err := s.content.AllCategories(r.Context(), s.cfg.SiteID)
	if err != nil {
		return err
	}

	p.Nav = "users"
	p.Data = usersView{Users: users, Form: form, Roles: auth.Roles, Categories: cats}
	name := "users"
	if form.ID != 0 {
		name = "user_form"
	}

	return s.render(w, status, name, p)
}

func (s *Server) userList(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(r, s.text.T("admin.users.title"))
	return s.showUsers(w, r, http.StatusOK, p, &auth.User{Role: auth.RoleWriter})
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	n := auth.NewUser{
		Username:    r.FormValue("username"),
		DisplayName: r.FormValue("display_name"),
		Email:       r.FormValue("email"),
		Password:    r.FormValue("password"),
		Role:        auth.Role(r.FormValue("role")),
		Categories:  auth.ParseIDs(r.Form["categories"]),
	}

	var u *auth.User
	err := s.db.InTx(r.Context(), func(tx store.Tx) error {
		var err error
		if u, err = s.users.CreateUser(r.Context(), tx, n); err != nil {
			return err
		}

		return s.auditTx(r.Context(), tx, r, "user.create", "user", u.ID, u.Username+" ("+string(u.Role)+")")
	})
	if errors.Is(err, auth.ErrInvalid) {
		p := s.newPage(r, s.text.T("admin.users.title"))
		p.Error = s.message(err)
		form := &auth.User{Username: n.Username, DisplayName: n.DisplayName,
			Email: n.Email, Role: n.Role, Categories: n.Categories}

		return s.showUsers(w, r, http.StatusUnprocessableEntity, p, form)
	}

	if err != nil {
		return err
	}

	return s.redirect(w, r, "/quan-tri/nguoi-dung/", s.text.T("admin.users.created", u.Username))
}

func (s *Server) userEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}

	u, err := s.users.User(r.Context(), id)
	if err != nil {
		return err
	}

	return s.showUsers(w, r, http.StatusOK, s.newPage(r, u.Name()), u)
}

func (s *Server) userSave(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}

	u, err := s.users.User(r.Context(), id)
	if err != nil {
		return err
	}

	c := auth.UserChange{
		DisplayName: r.FormValue("display_name"),
		Email:       r.FormValue("email"),
		Role:        auth.Role(r.FormValue("role")),
		Blocked:     r.FormValue("blocked") != "",
		Categories:  auth.ParseIDs(r.Form["categories"]),
	}

	p := s.newPage(r, u.Name())
	// An admin cannot lock themselves out by mistake.
	if id == userOf(r).ID && (c.Blocked || c.Role != auth.RoleAdmin) {
		p.Error = s.text.T("admin.users.not_self")
		return s.showUsers(w, r, http.StatusUnprocessableEntity, p, u)
	}

	newPassword := r.FormValue("password")
	err = s.db.InTx(r.Context(), func(tx store.Tx) error {
		if err := s.users.UpdateUser(r.Context(), tx, id, c); err != nil {
			return err
		}

		if newPassword != "" {
			if err := s.users.SetPassword(r.Context(), tx, id, newPassword); err != nil {
				return err
			}
		}

		detail := string(c.Role)
		if c.Blocked {
			detail += ", khóa"
		}
		if newPassword != "" {
			detail += ", đặt lại mật khẩu"
		}

		return s.auditTx(r.Context(), tx, r, "user.update", "user", id, u.Username+": "+detail)
	})
	if errors.Is(err, auth.ErrInvalid) {
		p.Error = s.message(err)
		u.DisplayName, u.Email, u.Role = c.DisplayName, c.Email, c.Role
		u.Blocked, u.Categories = c.Blocked, c.Categories
		return s.showUsers(w, r, http.StatusUnprocessableEntity, p, u)
	}

	if err != nil {
		return err
	}

	return s.redirect(w, r, "/quan-tri/nguoi-dung/", s.text.T("admin.saved"))
}
