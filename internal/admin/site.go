package admin

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// ---- categories

type categoriesView struct {
	Tree []*content.Category
	All  []*content.Category
	Form *content.Category
}

func (s *Server) categoryList(w http.ResponseWriter, r *http.Request) error {
	return s.showCategories(w, r, http.StatusOK, s.newPage(r, s.text.T("admin.categories.title")), &content.Category{Published: true})
}

func (s *Server) showCategories(w http.ResponseWriter, r *http.Request, status int, p *page, form *content.Category) error {
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
		p.Error = userMessage(err)
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
		p.Error = userMessage(err)
		return s.showCategories(w, r, http.StatusUnprocessableEntity, p, c)
	}
	if err != nil {
		return err
	}
	s.changed(r.Context())
	return s.redirect(w, r, "/quan-tri/chuyen-muc/", s.text.T("admin.saved"))
}

// ---- static pages

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
		p.Error = userMessage(err)
		p.Data = pg
		return s.render(w, http.StatusUnprocessableEntity, "page_form", p)
	}
	if err != nil {
		return err
	}
	s.changed(r.Context())
	return s.redirect(w, r, "/quan-tri/trang/", s.text.T("admin.saved"))
}

// ---- polls

type pollsView struct {
	Polls    []*poll.Results
	Question string
	Options  string
}

func (s *Server) pollList(w http.ResponseWriter, r *http.Request) error {
	return s.showPolls(w, r, http.StatusOK, s.newPage(r, s.text.T("admin.polls.title")), "", "")
}

func (s *Server) showPolls(w http.ResponseWriter, r *http.Request, status int, p *page, q, opts string) error {
	list, err := s.polls.List(r.Context(), s.cfg.SiteID)
	if err != nil {
		return err
	}
	p.Nav = "polls"
	p.Data = pollsView{Polls: list, Question: q, Options: opts}
	return s.render(w, status, "polls", p)
}

func (s *Server) pollCreate(w http.ResponseWriter, r *http.Request) error {
	q, opts := r.FormValue("question"), r.FormValue("options")
	pl := &poll.Poll{SiteID: s.cfg.SiteID, Question: q, Status: poll.StatusDraft}
	for _, line := range strings.Split(opts, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			pl.Options = append(pl.Options, poll.Option{Label: line})
		}
	}
	err := s.db.InTx(r.Context(), func(tx store.Tx) error {
		if err := s.polls.Create(r.Context(), tx, pl); err != nil {
			return err
		}
		return s.auditTx(r.Context(), tx, r, "poll.create", "poll", pl.ID, pl.Question)
	})
	if errors.Is(err, poll.ErrInvalid) {
		p := s.newPage(r, s.text.T("admin.polls.title"))
		p.Error = strings.TrimPrefix(err.Error(), poll.ErrInvalid.Error()+": ")
		return s.showPolls(w, r, http.StatusUnprocessableEntity, p, q, opts)
	}
	if err != nil {
		return err
	}
	return s.redirect(w, r, "/quan-tri/binh-chon/", s.text.T("admin.saved"))
}

func (s *Server) pollStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var action string
	switch r.FormValue("status") {
	case "open":
		action, err = "poll.open", s.polls.Open(r.Context(), s.cfg.SiteID, id)
	case "closed":
		action, err = "poll.close", s.polls.Close(r.Context(), s.cfg.SiteID, id)
	default:
		return errBadRequest
	}
	if err != nil {
		return err
	}
	s.audit(r, userOf(r).ID, action, "poll", id, "")
	s.changed(r.Context())
	return s.redirect(w, r, "/quan-tri/binh-chon/", s.text.T("admin.saved"))
}

// ---- settings

// settingFields are the settings the form edits, in order.
var settingFields = []struct{ Key, Label string }{
	{site.KeySiteName, "admin.settings.site_name"},
	{site.KeyAgency, "admin.settings.agency"},
	{site.KeyEditorInChief, "admin.settings.editor_in_chief"},
	{site.KeyLicence, "admin.settings.licence"},
	{site.KeyAddress, "admin.settings.address"},
	{site.KeyPhone, "admin.settings.phone"},
	{site.KeyFax, "admin.settings.fax"},
	{site.KeyTagline, "admin.settings.tagline"},
	{site.KeyVisitsOffset, "admin.settings.visits_offset"},
}

type settingRow struct{ Key, Label, Value string }

func (s *Server) settingsForm(w http.ResponseWriter, r *http.Request) error {
	st, err := site.Load(r.Context(), s.db, s.cfg.SiteID)
	if err != nil {
		return err
	}
	values := map[string]string{site.KeySiteName: st.SiteName, site.KeyAgency: st.Agency, site.KeyEditorInChief: st.EditorInChief,
		site.KeyLicence: st.Licence, site.KeyAddress: st.Address, site.KeyPhone: st.Phone, site.KeyFax: st.Fax,
		site.KeyTagline: st.Tagline, site.KeyVisitsOffset: strconv.FormatInt(st.VisitsOffset, 10)}
	return s.showSettings(w, r, http.StatusOK, s.newPage(r, s.text.T("admin.settings.title")), values)
}

func (s *Server) showSettings(w http.ResponseWriter, r *http.Request, status int, p *page, values map[string]string) error {
	var rows []settingRow
	for _, f := range settingFields {
		rows = append(rows, settingRow{Key: f.Key, Label: s.text.T(f.Label), Value: values[f.Key]})
	}
	p.Nav = "settings"
	p.Data = rows
	return s.render(w, status, "settings", p)
}

func (s *Server) settingsSave(w http.ResponseWriter, r *http.Request) error {
	values := map[string]string{}
	for _, f := range settingFields {
		values[f.Key] = strings.TrimSpace(r.FormValue(f.Key))
	}
	p := s.newPage(r, s.text.T("admin.settings.title"))
	if v := values[site.KeyVisitsOffset]; v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err != nil || n < 0 {
			p.Errors[site.KeyVisitsOffset] = s.text.T("admin.settings.bad_number")
		}
	}
	if len(p.Errors) > 0 {
		p.Error = s.text.T("admin.err.fields")
		return s.showSettings(w, r, http.StatusUnprocessableEntity, p, values)
	}
	err := s.db.InTx(r.Context(), func(tx store.Tx) error {
		if err := site.Save(r.Context(), tx, s.cfg.SiteID, values); err != nil {
			return err
		}
		return s.auditTx(r.Context(), tx, r, "settings.update", "settings", 0, "")
	})
	if err != nil {
		return err
	}
	s.changed(r.Context())
	return s.redirect(w, r, "/quan-tri/cai-dat", s.text.T("admin.saved"))
}

// ---- users

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
	return s.showUsers(w, r, http.StatusOK, s.newPage(r, s.text.T("admin.users.title")), &auth.User{Role: auth.RoleWriter})
}

func (s *Server) userCreate(w http.ResponseWriter, r *http.Request) error {
	n := auth.NewUser{Username: r.FormValue("username"), DisplayName: r.FormValue("display_name"), Email: r.FormValue("email"),
		Password: r.FormValue("password"), Role: auth.Role(r.FormValue("role")), Categories: auth.ParseIDs(r.Form["categories"])}
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
		p.Error = userMessage(err)
		return s.showUsers(w, r, http.StatusUnprocessableEntity, p, &auth.User{Username: n.Username, DisplayName: n.DisplayName,
			Email: n.Email, Role: n.Role, Categories: n.Categories})
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
	c := auth.UserChange{DisplayName: r.FormValue("display_name"), Email: r.FormValue("email"),
		Role: auth.Role(r.FormValue("role")), Blocked: r.FormValue("blocked") != "", Categories: auth.ParseIDs(r.Form["categories"])}
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
		p.Error = userMessage(err)
		u.DisplayName, u.Email, u.Role, u.Blocked, u.Categories = c.DisplayName, c.Email, c.Role, c.Blocked, c.Categories
		return s.showUsers(w, r, http.StatusUnprocessableEntity, p, u)
	}
	if err != nil {
		return err
	}
	return s.redirect(w, r, "/quan-tri/nguoi-dung/", s.text.T("admin.saved"))
}

// ---- audit log

type auditView struct {
	Entries []auth.AuditEntry
	Page    int
	Pages   int
}

func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	pg, _ := strconv.Atoi(r.URL.Query().Get("trang"))
	pg = max(pg, 1)
	f := auth.AuditFilter{ObjectType: r.URL.Query().Get("loai"), Limit: 50, Offset: (pg - 1) * 50}
	f.ObjectID, _ = strconv.ParseInt(r.URL.Query().Get("ma"), 10, 64)
	entries, total, err := s.users.AuditLog(r.Context(), s.cfg.SiteID, f)
	if err != nil {
		return err
	}
	p := s.newPage(r, s.text.T("admin.audit.title"))
	p.Nav = "audit"
	p.Data = auditView{Entries: entries, Page: pg, Pages: (total + 49) / 50}
	return s.render(w, http.StatusOK, "audit", p)
}
