package admin

import (
	"errors"
	"net/http"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/site"
)

// accountView is what the account page shows about two-factor sign-in.
type accountView struct {
	TwoFactor     bool
	Required      bool
	Pending       *auth.TwoFactorSetup
	Recovery      []string // new recovery codes, shown once
	RecoveryLeft  int
	Roles         []auth.Role
	RequiredRoles map[auth.Role]bool // the roles that must use it, for those who manage users
}

// accountPage renders the account page with its two-factor part.
func (s *Server) accountPage(w http.ResponseWriter, r *http.Request, status int, p *page, recovery []string) error {
	u := userOf(r)
	v := accountView{TwoFactor: u.TwoFactor, Recovery: recovery, Roles: auth.Roles}
	var err error
	if v.Required, err = s.users.TwoFactorMissing(r.Context(), s.cfg.SiteID, u); err != nil {
		return err
	}
	if v.RecoveryLeft, err = s.users.RecoveryCodesLeft(r.Context(), u.ID); err != nil {
		return err
	}

	v.Pending, err = s.users.PendingTwoFactor(r.Context(), u.ID, s.issuer(r))
	if err != nil && !errors.Is(err, auth.ErrNotFound) {
		return err
	}
	if u.Allowed(auth.ActUsers) {
		if v.RequiredRoles, err = s.users.TwoFactorRoles(r.Context(), s.cfg.SiteID); err != nil {
			return err
		}
	}

	p.Nav = "account"
	p.Data = v
	return s.render(w, status, "account", p)
}

// issuer names the site in the authenticator app.
func (s *Server) issuer(r *http.Request) string {
	if st, err := site.Load(r.Context(), s.db, s.cfg.SiteID); err == nil && st.SiteName != "" {
		return st.SiteName
	}
	return "congtin"
}

func (s *Server) twoFactorBegin(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.users.BeginTwoFactor(r.Context(), userOf(r).ID, s.issuer(r)); err != nil {
		return err
	}
	return s.redirect(w, r, "/quan-tri/tai-khoan#hai-buoc", "")
}

func (s *Server) twoFactorConfirm(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	p := s.newPage(r, s.text.T("admin.account.title"))
	recovery, err := s.users.ConfirmTwoFactor(r.Context(), u.ID, r.FormValue("code"))
	if err != nil {
		msg := s.message(err)
		if msg == "" {
			return err
		}
		p.Errors["code"] = msg
		return s.accountPage(w, r, http.StatusUnprocessableEntity, p, nil)
	}

	s.audit(r, u.ID, "user.two_factor_on", "user", u.ID, "")
	u.TwoFactor = true
	p.Flash = s.text.T("admin.account.two_factor_on")
	return s.accountPage(w, r, http.StatusOK, p, recovery)
}

func (s *Server) twoFactorOff(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	err := s.users.DisableTwoFactor(r.Context(), u.ID, r.FormValue("password"), s.clientIP(r))
	if err != nil {
		p := s.newPage(r, s.text.T("admin.account.title"))
		status := http.StatusUnprocessableEntity
		switch {
		case errors.Is(err, auth.ErrBadCredentials):
			p.Errors["off"] = s.text.T("admin.account.bad_current")
		case problem.Is(err, problem.TooMany):
			p.Errors["off"] = s.message(err)
			status = http.StatusTooManyRequests
		default:
			return err
		}
		return s.accountPage(w, r, status, p, nil)
	}

	s.audit(r, u.ID, "user.two_factor_off", "user", u.ID, "")
	return s.redirect(w, r, "/quan-tri/tai-khoan", s.text.T("admin.account.two_factor_off"))
}

func (s *Server) twoFactorRoles(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return errBadRequest
	}
	var roles []auth.Role
	for _, v := range r.PostForm["role"] {
		roles = append(roles, auth.Role(v))
	}
	if err := s.users.SetTwoFactorRoles(r.Context(), s.cfg.SiteID, roles); err != nil {
		return err
	}

	s.audit(r, userOf(r).ID, "settings.two_factor_roles", "settings", 0, "")
	return s.redirect(w, r, "/quan-tri/tai-khoan", s.text.T("admin.saved"))
}

// requireTwoFactor sends a user whose role must use two-factor sign-in,
// and who has not turned it on, to the account page to do so.
func (s *Server) requireTwoFactor(w http.ResponseWriter, r *http.Request, u *auth.User) (sent bool, err error) {
	missing, err := s.users.TwoFactorMissing(r.Context(), s.cfg.SiteID, u)
	if err != nil || !missing {
		return false, err
	}
	if r.Method != http.MethodGet {
		return true, problem.New(problem.Forbidden, "admin.account.two_factor_required")
	}
	return true, s.redirect(w, r, "/quan-tri/tai-khoan", s.text.T("admin.account.two_factor_required"))
}
