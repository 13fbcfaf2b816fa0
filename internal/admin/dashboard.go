package admin

import (
	"net/http"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
)

type dashboardView struct {
	Counts  map[content.Status]int
	Pending []content.AdminRow
	Mine    []content.AdminRow
	Backup  *backupLine
}

// backupLine is what the dashboard says of the last backup, to those who
// run the site.
type backupLine struct {
	At        time.Time
	Age       string // "3 giờ trước"
	None, Old bool
}

// lastBackup reads the last good backup; nil when the newsroom was not
// told of backups.
func (s *Server) lastBackup() *backupLine {
	if s.backup == nil {
		return nil
	}
	at, ok := s.backup()
	if !ok {
		return &backupLine{None: true}
	}
	age := s.now().Sub(at)
	old := s.cfg.BackupInterval > 0 && age > 2*s.cfg.BackupInterval
	return &backupLine{At: at, Age: s.ageText(age), Old: old}
}

// ageText says how long ago, in the largest whole unit.
func (s *Server) ageText(d time.Duration) string {
	switch {
	case d >= 48*time.Hour:
		return s.text.T("admin.dashboard.age_days", int(d/(24*time.Hour)))
	case d >= time.Hour:
		return s.text.T("admin.dashboard.age_hours", int(d/time.Hour))
	}
	return s.text.T("admin.dashboard.age_minutes", max(0, int(d/time.Minute)))
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	f := content.AdminFilter{SiteID: s.cfg.SiteID}
	visibility(u, &f)
	counts, err := s.content.CountByStatus(r.Context(), f)
	if err != nil {
		return err
	}

	v := dashboardView{Counts: counts}
	if u.Allowed(auth.ActSettings) {
		v.Backup = s.lastBackup()
	}
	if u.Allowed(auth.ActArticlePublish) {
		pf := f
		pf.Status, pf.Limit = content.StatusPending, 10
		if v.Pending, _, err = s.content.AdminArticles(r.Context(), pf); err != nil {
			return err
		}
	}

	mf := content.AdminFilter{SiteID: s.cfg.SiteID, AuthorID: u.ID, Limit: 10}
	if v.Mine, _, err = s.content.AdminArticles(r.Context(), mf); err != nil {
		return err
	}

	p := s.newPage(r, s.text.T("admin.dashboard.title"))
	p.Nav = "dashboard"
	p.Data = v
	return s.render(w, http.StatusOK, "dashboard", p)
}

func (s *Server) account(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(r, s.text.T("admin.account.title"))
	p.Nav = "account"
	return s.render(w, http.StatusOK, "account", p)
}

func (s *Server) accountPassword(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	p := s.newPage(r, s.text.T("admin.account.title"))
	p.Nav = "account"
	// The current password is asked again: a borrowed, unlocked laptop
	// should not be enough to take the account over.
	_, err := s.users.Login(r.Context(), u.Username, r.FormValue("current"), s.clientIP(r), r.UserAgent())
	if err != nil {
		p.Errors["current"] = s.text.T("admin.account.bad_current")
		return s.render(w, http.StatusUnprocessableEntity, "account", p)
	}

	if r.FormValue("new") != r.FormValue("confirm") {
		p.Errors["confirm"] = s.text.T("admin.account.mismatch")
		return s.render(w, http.StatusUnprocessableEntity, "account", p)
	}

	if err := s.users.SetPassword(r.Context(), s.db, u.ID, r.FormValue("new")); err != nil {
		p.Errors["new"] = s.message(err)
		return s.render(w, http.StatusUnprocessableEntity, "account", p)
	}

	s.audit(r, u.ID, "user.password", "user", u.ID, "")
	return s.redirect(w, r, "/quan-tri/dang-nhap", s.text.T("admin.account.changed"))
}

func (s *Server) accountLogoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	if err := s.users.LogoutEverywhere(r.Context(), u.ID); err != nil {
		return err
	}
	s.audit(r, u.ID, "user.logout_everywhere", "user", u.ID, "")
	return s.redirect(w, r, "/quan-tri/dang-nhap", s.text.T("admin.account.logged_out_everywhere"))
}
