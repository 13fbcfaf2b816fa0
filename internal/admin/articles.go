package admin

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

const perPage = 30

// visibility narrows a list to what the user may open.
func visibility(u *auth.User, f *content.AdminFilter) {
	switch auth.ScopeOf(u.Role, auth.ActArticleView) {
	case auth.Own:
		f.OnlyAuthor = u.ID
	case auth.Assigned:
		f.OnlyAuthor = u.ID
		f.OnlyCategories = append([]int64{}, u.Categories...)
	}
}

type articleListView struct {
	Rows       []content.AdminRow
	Total      int
	Page       int
	Pages      int
	Filter     content.AdminFilter
	Categories []*content.Category
	Authors    []*auth.User
	Statuses   []content.Status
	Query      url.Values
}

func (s *Server) articleList(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	q := r.URL.Query()
	f := content.AdminFilter{SiteID: s.cfg.SiteID, Status: content.Status(q.Get("trang-thai")),
		Text: q.Get("q"), Limit: perPage}

	f.CategoryID, _ = strconv.ParseInt(q.Get("chuyen-muc"), 10, 64)
	f.AuthorID, _ = strconv.ParseInt(q.Get("tac-gia"), 10, 64)
	pg, _ := strconv.Atoi(q.Get("trang"))
	pg = max(pg, 1)
	f.Offset = (pg - 1) * perPage
	visibility(u, &f)
	rows, total, err := s.content.AdminArticles(r.Context(), f)
	if err != nil {
		return err
	}

	cats, err := s.content.AllCategories(r.Context(), s.cfg.SiteID)
	if err != nil {
		return err
	}

	var authors []*auth.User
	if u.Role != auth.RoleWriter {
		if authors, err = s.users.Users(r.Context()); err != nil {
			return err
		}
	}

	q.Del("trang")
	p := s.newPage(r, s.text.T("admin.articles.title"))
	p.Nav = "articles"
	p.Data = articleListView{Rows: rows, Total: total, Page: pg, Pages: (total + perPage - 1) / perPage, Filter: f,
		Categories: cats, Authors: authors, Statuses: content.Statuses, Query: q}

	return s.render(w, http.StatusOK, "articles", p)
}

// articleForm is the edit page's data.
type articleForm struct {
	A          *content.Editable
	TagsText   string
	PublishAt  string
	Unpublish  string
	Categories []*content.Category
	Image      *media.Media
	Moves      []content.Transition
	CanEdit    bool
	New        bool
	Note       string
}

func (s *Server) showArticleForm(w http.ResponseWriter, r *http.Request, status int, p *page, f *articleForm) error {
	u := userOf(r)
	cats, err := s.content.AllCategories(r.Context(), s.cfg.SiteID)
	if err != nil {
		return err
	}

	// Editors may file only in their categories.
	if auth.ScopeOf(u.Role, auth.ActArticleCreate) == auth.Assigned {
		var mine []*content.Category
		for _, c := range cats {
			if containsID(u.Categories, c.ID) || c.ID == f.A.CategoryID {
				mine = append(mine, c)
			}
		}

		cats = mine
	}

	f.Categories = cats
	if f.A.ImageID != 0 {
		f.Image, _ = s.media.Get(r.Context(), f.A.ImageID)
	}

	ref := articleRef(f.A)
	if f.New {
		f.CanEdit = true
		if u.Allowed(auth.ActArticlePublish) && auth.ScopeOf(u.Role, auth.ActArticlePublish) == auth.All {
			f.Moves = []content.Transition{content.Submit, content.Publish}
		} else {
			f.Moves = []content.Transition{content.Submit}
		}
	} else {
		f.CanEdit = u.CanArticle(auth.ActArticleEdit, ref)
		for _, m := range []content.Transition{content.Submit, content.Publish, content.Reject, content.Unpublish,
			content.Archive, content.Trash, content.Restore} {
			if m.Allows(f.A.Status) && u.CanArticle(moveAction(m), ref) {
				f.Moves = append(f.Moves, m)
			}
		}
	}

	if p.Title == "" {
		p.Title = f.A.Title
	}

	p.Nav = "articles"
	p.Data = f
	return s.render(w, status, "article_form", p)
}

func articleRef(e *content.Editable) auth.ArticleRef {
	return auth.ArticleRef{AuthorID: e.CreatedBy, CategoryID: e.CategoryID, Status: string(e.Status)}
}

// moveAction is the permission each workflow move needs.
func moveAction(m content.Transition) auth.Action {
	switch m {
	case content.Submit:
		return auth.ActArticleSubmit
	case content.Publish:
		return auth.ActArticlePublish
	case content.Reject:
		return auth.ActArticleReject
	}
	return auth.ActArticleRetire
}

func (s *Server) articleNew(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	if !u.CanArticle(auth.ActArticleCreate, auth.ArticleRef{}) {
		return errForbidden
	}

	e := &content.Editable{}
	e.AuthorAlias = u.DisplayName
	e.Status = content.StatusDraft
	p := s.newPage(r, s.text.T("admin.articles.new"))
	return s.showArticleForm(w, r, http.StatusOK, p, &articleForm{A: e, New: true})
}

func (s *Server) articleEdit(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}

	e, err := s.content.ArticleForEdit(r.Context(), s.db, id)
	if err != nil {
		return err
	}
	if !userOf(r).CanArticle(auth.ActArticleView, articleRef(e)) {
		return errForbidden
	}

	form := &articleForm{A: e, TagsText: strings.Join(e.Tags, ", "),
		PublishAt: dtLocal(e.PublishAt), Unpublish: dtLocal(e.UnpublishAt)}

	return s.showArticleForm(w, r, http.StatusOK, s.newPage(r, ""), form)
}

// readArticleForm copies the form into e, collecting field errors.
func (s *Server) readArticleForm(r *http.Request, e *content.Editable, p *page) *articleForm {
	e.Title = r.FormValue("title")
	e.Slug = strings.TrimSpace(r.FormValue("slug"))
	e.CategoryID = formInt(r, "category_id")
	e.IntroHTML = r.FormValue("intro")
	e.BodyHTML = r.FormValue("body")
	e.AuthorAlias = r.FormValue("author_alias")
	e.ImageID = formInt(r, "image_id")
	e.Featured = r.FormValue("featured") != ""
	e.Tags = content.ParseTags(r.FormValue("tags"))
	f := &articleForm{A: e, TagsText: r.FormValue("tags"), PublishAt: r.FormValue("publish_at"),
		Unpublish: r.FormValue("unpublish_at"), Note: r.FormValue("note")}
	if strings.TrimSpace(e.Title) == "" {
		p.Errors["title"] = s.text.T("admin.articles.err_title")
	}
	if e.CategoryID == 0 {
		p.Errors["category_id"] = s.text.T("admin.articles.err_category")
	}

	if t, err := parseDTLocal(f.Unpublish); err != nil {
		p.Errors["unpublish_at"] = s.text.T("admin.err.time")
	} else {
		e.UnpublishAt = t
	}

	if _, err := parseDTLocal(f.PublishAt); err != nil {
		p.Errors["publish_at"] = s.text.T("admin.err.time")
	}

	if e.ImageID != 0 {
		if m, err := s.media.Get(r.Context(), e.ImageID); err != nil || !media.IsImage(m.Mime) {
			p.Errors["image_id"] = s.text.T("admin.articles.err_image")
		}
	}

	return f
}

func (s *Server) articleCreate(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	e := &content.Editable{}
	e.SiteID = s.cfg.SiteID
	e.Status = content.StatusDraft
	e.CreatedBy = u.ID
	p := s.newPage(r, s.text.T("admin.articles.new"))
	f := s.readArticleForm(r, e, p)
	f.New = true
	if err := formError(r); err != nil {
		return s.showCutForm(w, r, p, f, err)
	}
	if e.CategoryID != 0 && !u.CanArticle(auth.ActArticleCreate, auth.ArticleRef{CategoryID: e.CategoryID}) {
		p.Errors["category_id"] = s.text.T("admin.articles.err_category_denied")
	}

	if err := s.movePastedImages(r, e, p); err != nil {
		return err
	}
	if len(p.Errors) > 0 {
		p.Error = s.text.T("admin.err.fields")
		return s.showArticleForm(w, r, http.StatusUnprocessableEntity, p, f)
	}

	return s.saveAndMove(w, r, p, f, 0)
}

func (s *Server) articleSave(w http.ResponseWriter, r *http.Request) error {
	u := userOf(r)
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}

	stored, err := s.content.ArticleForEdit(r.Context(), s.db, id)
	if err != nil {
		return err
	}

	ref := articleRef(stored)
	if !u.CanArticle(auth.ActArticleView, ref) {
		return errForbidden
	}

	expect, _ := strconv.Atoi(r.FormValue("version"))
	p := s.newPage(r, stored.Title)
	if err := formError(r); err != nil && !u.CanArticle(auth.ActArticleEdit, ref) {
		return err
	}
	if !u.CanArticle(auth.ActArticleEdit, ref) {
		// Only a workflow move, on the stored text.
		f := &articleForm{A: stored, TagsText: strings.Join(stored.Tags, ", "), PublishAt: r.FormValue("publish_at"),
			Unpublish: dtLocal(stored.UnpublishAt), Note: r.FormValue("note")}
		if r.FormValue("move") == "" {
			return errForbidden
		}

		stored.Version = expect
		return s.saveAndMove(w, r, p, f, -1)
	}

	e := &content.Editable{Article: stored.Article, ReviewNote: stored.ReviewNote}
	f := s.readArticleForm(r, e, p)
	e.Version = expect
	if err := formError(r); err != nil {
		return s.showCutForm(w, r, p, f, err)
	}

	moved := auth.ArticleRef{AuthorID: stored.CreatedBy, CategoryID: e.CategoryID, Status: string(stored.Status)}
	if e.CategoryID != stored.CategoryID && !u.CanArticle(auth.ActArticleEdit, moved) {
		p.Errors["category_id"] = s.text.T("admin.articles.err_category_denied")
	}

	if err := s.movePastedImages(r, e, p); err != nil {
		return err
	}
	if len(p.Errors) > 0 {
		p.Error = s.text.T("admin.err.fields")
		return s.showArticleForm(w, r, http.StatusUnprocessableEntity, p, f)
	}

	return s.saveAndMove(w, r, p, f, expect)
}

// movePastedImages moves the pictures pasted into the article as data:
// URLs (an old browser, or the editor without JavaScript) into the media
// library, each within the upload limits, and puts their addresses in
// the text before it is sanitised and saved. A picture refused is marked
// beside its field; the text keeps it until the person removes it.
func (s *Server) movePastedImages(r *http.Request, e *content.Editable, p *page) error {
	n := 0
	keep := func(data []byte) (string, error) {
		n++
		name := "anh-dan-" + strconv.Itoa(n) + "." + media.Extension(media.Sniff(data))
		if slug := vn.Slug(e.Title); slug != "" {
			name = slug + "-" + name
		}
		m, err := s.storeFile(r, name, "", data, true)
		if err != nil {
			return "", err
		}
		return mediaURL(m.SHA256, m.Mime), nil
	}
	for _, field := range []struct {
		name string
		html *string
	}{{"intro", &e.IntroHTML}, {"body", &e.BodyHTML}} {
		moved, err := content.MoveDataImages(*field.html, keep)
		if msg := s.message(err); msg != "" {
			p.Errors[field.name] = msg
			continue
		}
		if err != nil {
			return err
		}
		*field.html = moved
	}
	return nil
}

// showCutForm shows the article form again after its body did not arrive
// whole (over the limit, too slow): the fields that did arrive, and what
// happened. Nothing is saved.
func (s *Server) showCutForm(w http.ResponseWriter, r *http.Request, p *page, f *articleForm, err error) error {
	p.Errors = map[string]string{}
	if problem.Is(err, problem.TooLarge) {
		p.Error = s.text.T("admin.articles.too_large", sizeText(s.bodyLimit(r.URL.Path)))
	} else {
		p.Error = s.message(err)
	}
	return s.showArticleForm(w, r, handler.Status(err), p, f)
}

// saveAndMove saves the form's article (expect < 0: no save, the user may
// only move it) and applies the requested workflow move, in one
// transaction with its audit rows. Any refusal shows the form again with
// what the user typed.
func (s *Server) saveAndMove(w http.ResponseWriter, r *http.Request, p *page, f *articleForm, expect int) error {
	u := userOf(r)
	e := f.A
	move := content.Transition(r.FormValue("move"))
	var publishAt, err = parseDTLocal(f.PublishAt)
	if err != nil {
		publishAt = nil
	}

	if expect >= 0 {
		e.PublishAt = publishAt
		if e.Status == content.StatusDraft || e.Status == content.StatusPending {
			e.PublishAt = nil // set by the publish move, not by saving a draft
		}
	}

	created := e.ID == 0
	err = s.db.InTx(r.Context(), func(tx store.Tx) error {
		if expect >= 0 {
			if err := s.content.SaveArticle(r.Context(), tx, e, expect, u.ID, ""); err != nil {
				return err
			}

			action := "article.update"
			if created {
				action = "article.create"
			}
			if err := s.auditTx(r.Context(), tx, r, action, "article", e.ID, e.Title); err != nil {
				return err
			}
		}

		if move == "" {
			return nil
		}
		if !u.CanArticle(moveAction(move), articleRef(e)) {
			return problem.New(problem.Forbidden, "admin.articles.err_move_denied")
		}

		moved, err := s.content.SetStatus(r.Context(), tx, content.StatusChange{
			ID: e.ID, Version: e.Version, Move: move,
			PublishAt: publishAt, Note: strings.TrimSpace(f.Note), UserID: u.ID, Now: s.now(),
		})
		if err != nil {
			return err
		}

		*e = *moved
		return s.auditTx(r.Context(), tx, r, "article."+string(move), "article", e.ID, e.Title+detailNote(f.Note))
	})
	if err != nil {
		switch {
		case errors.Is(err, content.ErrStale):
			p.Error = s.text.T("admin.articles.stale")
			return s.showArticleForm(w, r, http.StatusConflict, p, f)
		case problem.Is(err, problem.Invalid), problem.Is(err, problem.Forbidden):
			p.Error = s.message(err)
			if created {
				e.ID = 0
				f.New = true
			}

			return s.showArticleForm(w, r, handler.Status(err), p, f)
		}
		return err
	}

	s.changed(r.Context())
	msg := s.text.T("admin.articles.saved")
	if move != "" {
		msg = s.text.T("admin.articles.moved", s.text.T(move.LabelKey()))
	}

	return s.redirect(w, r, "/quan-tri/bai-viet/"+strconv.FormatInt(e.ID, 10)+"/sua", msg)
}

func detailNote(n string) string {
	if n = strings.TrimSpace(n); n != "" {
		return " — " + n
	}
	return ""
}
