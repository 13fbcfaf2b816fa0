package admin

import (
	"errors"
	"net/http"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/problem"
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
	return s.accountPage(w, r, http.StatusOK, s.newPage(r, s.text.T("admin.account.title")), nil)
}

func (s *Server) accountPassword(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	p := s.newPage(r, s.text.T("admin.account.title"))
	if r.FormValue("new") != r.FormValue("confirm") {
		p.Errors["confirm"] = s.text.T("admin.account.mismatch")
		return s.accountPage(w, r, http.StatusUnprocessableEntity, p, nil)
	}

	// The current password is checked again, throttled like a login; a
	// refusal leaves the sessions as they were.
	res, err := s.users.ChangeOwnPassword(r.Context(), u.ID, r.FormValue("current"), r.FormValue("new"),
		s.clientIP(r), r.UserAgent())
	if err != nil {
		return s.passwordRefused(w, r, p, err)
	}

	s.audit(r, u.ID, "user.password", "user", u.ID, "")
	s.setSession(w, r, res)
	return s.redirect(w, r, "/quan-tri/tai-khoan", s.text.T("admin.account.changed"))
}

// passwordRefused shows the account page with the reason beside the field
// it concerns.
func (s *Server) passwordRefused(w http.ResponseWriter, r *http.Request, p *page, err error) error {
	status := http.StatusUnprocessableEntity
	switch {
	case errors.Is(err, auth.ErrBadCredentials):
		p.Errors["current"] = s.text.T("admin.account.bad_current")
	case problem.Is(err, problem.TooMany):
		p.Errors["current"] = s.message(err)
		status = http.StatusTooManyRequests
	default:
		msg := s.message(err)
		if msg == "" {
			return err
		}
		p.Errors["new"] = msg
	}
	return s.accountPage(w, r, status, p, nil)
}

func (s *Server) accountLogoutEverywhere(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	if err := s.users.LogoutEverywhere(r.Context(), u.ID); err != nil {
		return err
	}
	s.audit(r, u.ID, "user.logout_everywhere", "user", u.ID, "")
	return s.redirect(w, r, "/quan-tri/dang-nhap", s.text.T("admin.account.logged_out_everywhere"))
}
