package admin

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

var pageNames = []string{"login", "error", "dashboard", "articles", "article_form", "revisions", "revision_diff",
	"media", "categories", "category_form", "pages", "page_form", "polls", "poll_form", "poll_reset", "settings",
	"users", "user_form", "audit", "account"}

type templates struct{ sets map[string]*template.Template }

func parseTemplates(funcs template.FuncMap) (*templates, error) {
	t := &templates{sets: map[string]*template.Template{}}
	for _, name := range pageNames {
		set, err := template.New(name).Funcs(funcs).
			ParseFS(templateFiles, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("admin template %s: %w", name, err)
		}

		t.sets[name] = set
	}

	return t, nil
}

// page is what every template gets.
type page struct {
	Title  string
	User   *auth.User
	CSRF   string
	Flash  string
	Error  string
	Errors map[string]string // field-level messages, by field name
	Nav    string
	Data   any
	// ReadOnly: the database is read-only, which every page says, so that
	// nobody writes an article to have it refused at save.
	ReadOnly bool
	// secure marks the cookie that clears the flash like every other
	// cookie of a request over HTTPS.
	secure bool
}

func (s *Server) newPage(r *http.Request, title string) *page {
	p := &page{Title: title, User: userOf(r), CSRF: csrfOf(r), Errors: map[string]string{},
		ReadOnly: s.db != nil && s.db.ReadOnly(), secure: s.secure(r)}
	if c, err := r.Cookie("ct_flash"); err == nil {
		p.Flash, _ = urlUnescape(c.Value)
	}
	return p
}

// render executes into a buffer, so a template error never sends half a
// page.
func (s *Server) render(w http.ResponseWriter, status int, name string, p *page) error {
	set, ok := s.pages.sets[name]
	if !ok {
		return fmt.Errorf("no admin template %q", name)
	}

	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	if p.Flash != "" {
		http.SetCookie(w, &http.Cookie{Name: "ct_flash", Path: Prefix, HttpOnly: true, Secure: p.secure,
			SameSite: http.SameSiteLaxMode, MaxAge: -1})
	}

	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// errorPage is the newsroom's page for a failure: the problem's own
// message, or the newsroom's sentence for the status.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, f handler.Failure) {
	msg := f.Message
	if msg == "" {
		msg = s.statusMessage(f.Status)
	}

	p := s.newPage(r, s.text.T("admin.err.title"))
	p.Error = msg
	p.Data = f.Status
	if err := s.render(w, f.Status, "error", p); err != nil && !handler.ClientGone(err) {
		s.log.Error("render admin error page", "err", err)
		http.Error(w, msg, f.Status)
	}
}

// statusMessage is the newsroom's sentence for a status without a message
// of its own.
func (s *Server) statusMessage(status int) string {
	switch status {
	case http.StatusBadRequest:
		return s.text.T("admin.err.400")
	case http.StatusUnauthorized:
		return s.text.T("admin.err.401")
	case http.StatusForbidden:
		return s.text.T("admin.err.403")
	case http.StatusNotFound:
		return s.text.T("admin.err.404")
	case http.StatusConflict:
		return s.text.T("admin.err.409")
	case http.StatusRequestEntityTooLarge:
		return s.text.T("admin.err.413")
	}
	return s.text.T("admin.err.500")
}

// redirect answers a successful POST by sending the browser to a page
// that shows msg once (post/redirect/get: reloading does not repeat the
// action).
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to, msg string) error {
	if msg != "" {
		http.SetCookie(w, &http.Cookie{Name: "ct_flash", Value: urlEscape(msg), Path: Prefix, HttpOnly: true,
			Secure: s.secure(r), SameSite: http.SameSiteLaxMode, MaxAge: 60})
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	name := path.Clean("static/" + r.PathValue("file"))
	if !strings.HasPrefix(name, "static/") {
		return errNotFound
	}

	data, err := fs.ReadFile(staticFiles, name)
	if err != nil {
		return errNotFound
	}

	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}

	w.Header().Set("Content-Type", ct)
	// Not immutable: the names do not change with the content. A day is
	// short enough for an upgrade to show.
	w.Header().Set("Cache-Control", "private, max-age=86400")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	_, err = w.Write(data)
	return err
}

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"t":        s.text.T,
		"dateTime": func(t time.Time) string { return vn.FormatDateTimeShort(t) },
		"datePtr": func(t *time.Time) string {
			if t == nil {
				return ""
			}
			return vn.FormatDateTimeShort(*t)
		},
		"dtLocal":     dtLocal,
		"statusLabel": func(st content.Status) string { return s.text.T(st.LabelKey()) },
		"roleLabel":   func(r auth.Role) string { return s.text.T(r.LabelKey()) },
		"can": func(u *auth.User, a string) bool {
			return u.Allowed(auth.Action(a))
		},
		"thumb": func(m media.Media) string {
			if !media.IsImage(m.Mime) {
				return ""
			}
			return mediaURL(m.SHA256, m.Mime)
		},
		"mediaURL": mediaURL,
		"fileURL":  fileURL,
		"isImage":  media.IsImage,
		"kb":       func(n int64) string { return vn.FormatInt((n+1023)/1024) + " KB" },
		"add":      func(a, b int) int { return a + b },
		"hasID":    func(ids []int64, id int64) bool { return containsID(ids, id) },
		"articleURL": func(catSlug string, id int64, slug string) string {
			return "/" + catSlug + "/" + strconv.FormatInt(id, 10) + "-" + slug
		},
		"isScheduled": func(row content.AdminRow) bool { return row.Scheduled(time.Now()) },
		"diffClass": func(op content.DiffOp) string {
			return [...]string{"kept", "added", "removed"}[op]
		},
		"paras": func(s string) []string { return strings.Split(s, " ¶") },
	}
}

func mediaURL(sum, mimeType string) string { return "/anh/" + sum + "." + media.Extension(mimeType) }

// fileURL is the address of one upload: a document's carries its id, so
// it downloads under its own name even when its bytes were uploaded
// before under another.
func fileURL(m media.Media) string {
	if media.IsImage(m.Mime) {
		return mediaURL(m.SHA256, m.Mime)
	}
	return mediaURL(m.SHA256, m.Mime) + "?tep=" + strconv.FormatInt(m.ID, 10)
}

// dtLocal formats a time for <input type="datetime-local"> in Vietnam's
// zone, the clock the newsroom reads.
func dtLocal(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.In(vn.Location).Format("2006-01-02T15:04")
}

// parseDTLocal reads a datetime-local value as Vietnam time; empty is nil.
func parseDTLocal(v string) (*time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil, nil
	}

	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, v, vn.Location); err == nil {
			return &t, nil
		}
	}

	return nil, fmt.Errorf("bad time %q", v)
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

func formInt(r *http.Request, name string) int64 {
	n, _ := strconv.ParseInt(strings.TrimSpace(r.FormValue(name)), 10, 64)
	return n
}

// audit records an action outside any transaction (logins, logouts).
func (s *Server) audit(r *http.Request, userID int64, action, objType string, objID int64, detail string) {
	err := auth.Audit(r.Context(), s.db, auth.AuditEntry{SiteID: s.cfg.SiteID, UserID: userID, Action: action,
		ObjectType: objType, ObjectID: objID, Detail: detail, IP: s.clientIP(r), At: s.now()})
	if err != nil {
		s.log.Error("audit", "err", err)
	}
}

// auditTx records an action inside the transaction that makes it.
func (s *Server) auditTx(
	ctx context.Context,
	q store.Querier,
	r *http.Request,
	action, objType string,
	objID int64,
	detail string,
) error {
	var uid int64
	if u := userOf(r); u != nil {
		uid = u.ID
	}
	return auth.Audit(ctx, q, auth.AuditEntry{SiteID: s.cfg.SiteID, UserID: uid, Action: action,
		ObjectType: objType, ObjectID: objID, Detail: detail, IP: s.clientIP(r), At: s.now()})
}
