package admin

import (
	"context"
	"crypto/subtle"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/problem"
)

// CookieName is the session cookie.
const CookieName = "ct_s"

type ctxKey struct{}

type reqState struct {
	user *auth.User
	sess *auth.Session
}

func userOf(r *http.Request) *auth.User {
	if st, ok := r.Context().Value(ctxKey{}).(*reqState); ok {
		return st.user
	}
	return nil
}

func csrfOf(r *http.Request) string {
	if st, ok := r.Context().Value(ctxKey{}).(*reqState); ok && st.sess != nil {
		return st.sess.CSRFToken
	}
	return ""
}

// wrap applies a route's permission: it reads the body of a POST once
// (within the route's limit), loads the session, sends the anonymous to
// the login page, refuses what the role may not do, and checks the form's
// token on every unsafe request of a session. A body that did not arrive
// whole is refused before any handler can take it as an empty form,
// except by the forms that show themselves again with what arrived.
func (s *Server) wrap(rt route) http.Handler {
	return s.handle(func(w http.ResponseWriter, r *http.Request) error {
		var formErr error
		if r.Method == http.MethodPost {
			formErr = s.readForm(w, r)
		}

		if rt.perm == public {
			if formErr != nil {
				return formErr
			}
			return rt.h(w, r)
		}

		st := &reqState{}
		if c, err := r.Cookie(CookieName); err == nil {
			u, sess, err := s.users.Authenticate(r.Context(), c.Value)
			if err != nil && !errors.Is(err, auth.ErrNotFound) {
				return err
			}

			st.user, st.sess = u, sess
		}

		if st.user == nil {
			return s.toLogin(w, r)
		}

		r = r.WithContext(context.WithValue(r.Context(), ctxKey{}, st))
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if err := s.checkToken(r, st.sess.CSRFToken); err != nil {
				if formErr != nil {
					return formErr // the token may be in the part that never came
				}
				return err
			}
		}

		if rt.perm != loggedIn && !st.user.Allowed(rt.perm) {
			return errForbidden
		}

		if rt.perm != loggedIn {
			if sent, err := s.requireTwoFactor(w, r, st.user); sent || err != nil {
				return err
			}
		}

		if formErr != nil {
			if !keepsTyping[rt.pattern] {
				return formErr
			}
			r = withFormError(r, formErr)
		}
		return rt.h(w, r)
	})
}

// checkToken compares the session's token with the header's or, for a
// form, with its csrf field (the body is already read by wrap).
func (s *Server) checkToken(r *http.Request, want string) error {
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		got = r.PostFormValue("csrf")
	}

	if got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return problem.New(problem.Forbidden, "admin.err.csrf")
	}

	return nil
}

// toLogin sends a browser to the login page and back here afterwards; an
// expired session gets a word of explanation.
func (s *Server) toLogin(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodGet {
		if _, err := r.Cookie(CookieName); err == nil {
			return problem.New(problem.Unauthenticated, "admin.login.expired")
		}
		return problem.New(problem.Unauthenticated, "admin.login.required")
	}

	q := url.Values{"tiep": {r.URL.RequestURI()}}
	if _, err := r.Cookie(CookieName); err == nil {
		q.Set("het-han", "1")
	}

	http.Redirect(w, r, "/quan-tri/dang-nhap?"+q.Encode(), http.StatusSeeOther)
	return nil
}

func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) error {
	p := s.newPage(r, s.text.T("admin.login.title"))
	if r.URL.Query().Get("het-han") != "" {
		p.Error = s.text.T("admin.login.expired")
	}
	p.Data = map[string]string{"Next": safeNext(r.URL.Query().Get("tiep"))}
	return s.render(w, http.StatusOK, "login", p)
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	username, password := r.PostFormValue("username"), r.PostFormValue("password")
	next := safeNext(r.PostFormValue("tiep"))
	res, err := s.users.Login(r.Context(), username, password, s.clientIP(r), r.UserAgent())
	var second *auth.CodeRequired
	if errors.As(err, &second) {
		p := s.newPage(r, s.text.T("admin.login.title"))
		p.Data = map[string]string{"Next": next, "Challenge": second.Challenge}
		return s.render(w, http.StatusOK, "login", p)
	}
	if err != nil {
		return s.loginRefused(w, r, err, map[string]string{"Next": next, "Username": username})
	}

	s.loggedIn(w, r, res, next)
	return nil
}

// loginCode takes the second step of a login, the code from the app or a
// recovery code.
func (s *Server) loginCode(w http.ResponseWriter, r *http.Request) error {
	challenge, next := r.PostFormValue("thu-thach"), safeNext(r.PostFormValue("tiep"))
	res, err := s.users.CompleteLogin(r.Context(), challenge, r.PostFormValue("code"), s.clientIP(r), r.UserAgent())
	if errors.Is(err, auth.ErrChallengeExpired) {
		return s.loginRefused(w, r, err, map[string]string{"Next": next})
	}
	if err != nil {
		return s.loginRefused(w, r, err, map[string]string{"Next": next, "Challenge": challenge})
	}

	s.loggedIn(w, r, res, next)
	return nil
}

// loginRefused shows the login form again with the reason. A wrong
// password or username and a blocked account get one answer, 401; a
// throttled check gets 429 and when to retry. Neither is the server's
// fault.
func (s *Server) loginRefused(w http.ResponseWriter, r *http.Request, err error, data map[string]string) error {
	msg := s.message(err)
	if msg == "" {
		return err
	}
	s.loginsRefused.Add(1)

	status := http.StatusUnauthorized
	if problem.Is(err, problem.TooMany) {
		status = http.StatusTooManyRequests
	}
	p := s.newPage(r, s.text.T("admin.login.title"))
	p.Error = msg
	p.Data = data
	return s.render(w, status, "login", p)
}

func (s *Server) loggedIn(w http.ResponseWriter, r *http.Request, res *auth.LoginResult, next string) {
	s.audit(r, res.User.ID, "user.login", "user", res.User.ID, "")
	s.setSession(w, r, res)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// setSession gives the browser the cookie of a session just opened.
func (s *Server) setSession(w http.ResponseWriter, r *http.Request, res *auth.LoginResult) {
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: res.Token, Path: Prefix, HttpOnly: true,
		Secure: s.secure(r), SameSite: http.SameSiteLaxMode, Expires: res.Session.ExpiresAt})
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if c, err := r.Cookie(CookieName); err == nil {
		if err := s.users.Logout(r.Context(), c.Value); err != nil {
			return err
		}
	}

	s.audit(r, userOf(r).ID, "user.logout", "user", userOf(r).ID, "")
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: "", Path: Prefix, HttpOnly: true, Secure: s.secure(r),
		SameSite: http.SameSiteLaxMode, MaxAge: -1, Expires: time.Unix(1, 0)})

	http.Redirect(w, r, "/quan-tri/dang-nhap", http.StatusSeeOther)
	return nil
}

// safeNext keeps the return address inside the newsroom: an open
// redirect after login would help phishing.
func safeNext(next string) string {
	if !strings.HasPrefix(next, Prefix) || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return Prefix
	}
	return next
}

func (s *Server) secure(r *http.Request) bool {
	if s.cfg.SecureCookies || r.TLS != nil {
		return true
	}
	return s.fromProxy(r) && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}

func (s *Server) fromProxy(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}

	a, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}

	for _, p := range s.cfg.TrustedProxies {
		if p.Contains(a.Unmap()) {
			return true
		}
	}

	return false
}

// clientIP is the address throttling and the audit log record: the
// peer, or the last X-Forwarded-For hop when the peer is a trusted proxy.
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}

	if s.fromProxy(r) {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if a, err := netip.ParseAddr(strings.TrimSpace(parts[len(parts)-1])); err == nil {
				return a.String()
			}
		}
	}

	return host
}
