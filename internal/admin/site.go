package admin

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/stats"
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

type settingRow struct{ Key, Label, Value, Placeholder string }

// counterChoice is one period row the public counter block may show.
type counterChoice struct {
	Name, Label string
	On          bool
}

type settingsView struct {
	Rows     []settingRow
	Counters []counterChoice
	Modules  []moduleChoice
}

// moduleChoice is one sidebar block with its place: 0 hidden, else 1, 2...
type moduleChoice struct {
	Name     string
	Label    string
	Position int
	Places   []int
}

// sidebarModulesFrom reads the form's places for the sidebar blocks
// (fields module_<name>: 0 hides, 1 first...) into the setting's order.
func sidebarModulesFrom(r *http.Request) string {
	type placed struct {
		name string
		at   int
	}
	var list []placed
	for _, name := range site.SidebarModuleNames {
		at, err := strconv.Atoi(r.FormValue("module_" + name))
		if err == nil && at > 0 && at <= len(site.SidebarModuleNames) {
			list = append(list, placed{name, at})
		}
	}
	slices.SortStableFunc(list, func(a, b placed) int { return a.at - b.at })
	names := make([]string, len(list))
	for i, p := range list {
		names[i] = p.name
	}
	return strings.Join(names, ",")
}

func (s *Server) settingsForm(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	st, err := site.Load(ctx, s.db, s.cfg.SiteID)
	if err != nil {
		return err
	}
	values := map[string]string{site.KeySiteName: st.SiteName, site.KeyAgency: st.Agency, site.KeyEditorInChief: st.EditorInChief,
		site.KeyLicence: st.Licence, site.KeyAddress: st.Address, site.KeyPhone: st.Phone, site.KeyFax: st.Fax,
		site.KeyTagline: st.Tagline, site.KeyVisitsOffset: strconv.FormatInt(st.VisitsOffset, 10),
		site.KeySidebarModules: strings.Join(st.SidebarModules, ",")}
	if n, set, err := s.polls.VotesPerIP(ctx, s.db, s.cfg.SiteID); err != nil {
		return err
	} else if set {
		values[poll.KeyVotesPerIP] = strconv.Itoa(n)
	}
	rows, err := stats.CounterRows(ctx, s.db, s.cfg.SiteID)
	if err != nil {
		return err
	}
	return s.showSettings(w, r, http.StatusOK, s.newPage(r, s.text.T("admin.settings.title")), values, rows)
}

func (s *Server) showSettings(w http.ResponseWriter, r *http.Request, status int, p *page, values map[string]string, counterRows []string) error {
	var v settingsView
	for _, f := range settingFields {
		v.Rows = append(v.Rows, settingRow{Key: f.Key, Label: s.text.T(f.Label), Value: values[f.Key]})
	}
	v.Rows = append(v.Rows, settingRow{Key: poll.KeyVotesPerIP, Label: s.text.T("admin.settings.poll_votes_per_ip"),
		Value: values[poll.KeyVotesPerIP], Placeholder: s.text.T("admin.settings.default", s.polls.DefaultLimit())})
	for _, name := range stats.DefaultCounterRows {
		v.Counters = append(v.Counters, counterChoice{Name: name, Label: s.text.T("stats." + name), On: slices.Contains(counterRows, name)})
	}
	shown := site.ParseModules(values[site.KeySidebarModules])
	for _, name := range site.SidebarModuleNames {
		m := moduleChoice{Name: name, Label: s.text.T("admin.settings.module_" + name), Position: slices.Index(shown, name) + 1}
		for i := range len(site.SidebarModuleNames) + 1 {
			m.Places = append(m.Places, i)
		}
		v.Modules = append(v.Modules, m)
	}
	p.Nav = "settings"
	p.Data = v
	return s.render(w, status, "settings", p)
}

func (s *Server) settingsSave(w http.ResponseWriter, r *http.Request) error {
	values := map[string]string{}
	for _, f := range settingFields {
		values[f.Key] = strings.TrimSpace(r.FormValue(f.Key))
	}
	values[poll.KeyVotesPerIP] = strings.TrimSpace(r.FormValue(poll.KeyVotesPerIP))
	if r.FormValue("modules_shown") != "" {
		values[site.KeySidebarModules] = sidebarModulesFrom(r)
	}
	// The counter checkboxes send nothing when all are cleared; the
	// hidden marker tells that apart from a form without them.
	var counterRows []string
	if r.FormValue("counter_rows_shown") != "" {
		for _, name := range stats.DefaultCounterRows {
			if slices.Contains(r.Form[stats.KeyCounterRows], name) {
				counterRows = append(counterRows, name)
			}
		}
		values[stats.KeyCounterRows] = strings.Join(counterRows, ",")
	} else {
		var err error
		if counterRows, err = stats.CounterRows(r.Context(), s.db, s.cfg.SiteID); err != nil {
			return err
		}
	}
	p := s.newPage(r, s.text.T("admin.settings.title"))
	for _, key := range []string{site.KeyVisitsOffset, poll.KeyVotesPerIP} {
		if v := values[key]; v != "" {
			if n, err := strconv.ParseInt(v, 10, 64); err != nil || n < 0 || (key == poll.KeyVotesPerIP && n > 1_000_000) {
				p.Errors[key] = s.text.T("admin.settings.bad_number")
			}
		}
	}
	if len(p.Errors) > 0 {
		p.Error = s.text.T("admin.err.fields")
		return s.showSettings(w, r, http.StatusUnprocessableEntity, p, values, counterRows)
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
