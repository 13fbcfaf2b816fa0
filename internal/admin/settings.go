package admin

import (
	"context"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
)

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

// settingKeys are the keys of the form's text fields.
func settingKeys() []string {
	keys := make([]string, 0, len(settingFields)+1)
	for _, f := range settingFields {
		keys = append(keys, f.Key)
	}
	return append(keys, poll.KeyVotesPerIP)
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
	values, rows, err := s.storedSettings(r.Context())
	if err != nil {
		return err
	}
	return s.showSettings(w, r, http.StatusOK, s.newPage(r, s.text.T("admin.settings.title")), values, rows)
}

// storedSettings are the values the form shows, as they are stored, and
// the counter rows shown.
func (s *Server) storedSettings(ctx context.Context) (map[string]string, []string, error) {
	st, err := site.Load(ctx, s.db, s.cfg.SiteID)
	if err != nil {
		return nil, nil, err
	}

	values := map[string]string{
		site.KeySiteName: st.SiteName, site.KeyAgency: st.Agency, site.KeyEditorInChief: st.EditorInChief,
		site.KeyLicence: st.Licence, site.KeyAddress: st.Address, site.KeyPhone: st.Phone, site.KeyFax: st.Fax,
		site.KeyTagline: st.Tagline, site.KeyVisitsOffset: strconv.FormatInt(st.VisitsOffset, 10),
		site.KeySidebarModules: strings.Join(st.SidebarModules, ","),
	}
	if n, set, err := s.polls.VotesPerIP(ctx, s.db, s.cfg.SiteID); err != nil {
		return nil, nil, err
	} else if set {
		values[poll.KeyVotesPerIP] = strconv.Itoa(n)
	}

	rows, err := stats.CounterRows(ctx, s.db, s.cfg.SiteID)
	if err != nil {
		return nil, nil, err
	}

	return values, rows, nil
}

func (s *Server) showSettings(
	w http.ResponseWriter,
	r *http.Request,
	status int,
	p *page,
	values map[string]string,
	counterRows []string,
) error {
	var v settingsView
	for _, f := range settingFields {
		v.Rows = append(v.Rows, settingRow{Key: f.Key, Label: s.text.T(f.Label), Value: values[f.Key]})
	}

	v.Rows = append(v.Rows, settingRow{Key: poll.KeyVotesPerIP, Label: s.text.T("admin.settings.poll_votes_per_ip"),
		Value: values[poll.KeyVotesPerIP], Placeholder: s.text.T("admin.settings.default", s.polls.DefaultLimit())})

	for _, name := range stats.DefaultCounterRows {
		v.Counters = append(v.Counters,
			counterChoice{Name: name, Label: s.text.T("stats." + name), On: slices.Contains(counterRows, name)})
	}

	shown := site.ParseModules(values[site.KeySidebarModules])
	for _, name := range site.SidebarModuleNames {
		m := moduleChoice{Name: name, Label: s.text.T("admin.settings.module_" + name),
			Position: slices.Index(shown, name) + 1}

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
	// Only the settings the form carried are saved: a form cut short or
	// sent by hand without a field leaves that setting as it was.
	values := map[string]string{}
	for _, key := range settingKeys() {
		if v, sent := r.PostForm[key]; sent && len(v) > 0 {
			values[key] = strings.TrimSpace(v[0])
		}
	}
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
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n < 0 || (key == poll.KeyVotesPerIP && n > 1_000_000) {
				p.Errors[key] = s.text.T("admin.settings.bad_number")
			}
		}
	}

	if len(p.Errors) > 0 {
		p.Error = s.text.T("admin.err.fields")
		shown, _, err := s.storedSettings(r.Context())
		if err != nil {
			return err
		}
		maps.Copy(shown, values)
		return s.showSettings(w, r, http.StatusUnprocessableEntity, p, shown, counterRows)
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
