package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
)

func (s *Server) articleFor(r *http.Request, a auth.Action) (*content.Editable, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}

	e, err := s.content.ArticleForEdit(r.Context(), s.db, id)
	if err != nil {
		return nil, err
	}
	if !userOf(r).CanArticle(a, articleRef(e)) {
		return nil, errForbidden
	}

	return e, nil
}

type revisionsView struct {
	A         *content.Editable
	Revisions []*content.Revision
	Names     map[int64]string
}

func (s *Server) revisionList(w http.ResponseWriter, r *http.Request) error {
	e, err := s.articleFor(r, auth.ActArticleView)
	if err != nil {
		return err
	}

	revs, err := s.content.Revisions(r.Context(), e.ID)
	if err != nil {
		return err
	}

	names, err := s.users.UserNames(r.Context())
	if err != nil {
		return err
	}

	p := s.newPage(r, s.text.T("admin.revisions.title"))
	p.Nav = "articles"
	p.Data = revisionsView{A: e, Revisions: revs, Names: names}
	return s.render(w, http.StatusOK, "revisions", p)
}

type diffView struct {
	A          *content.Editable
	Rev        *content.Revision
	Parts      []content.DiffPart
	CanRestore bool
}

// revisionDiff compares a revision with the current text.
func (s *Server) revisionDiff(w http.ResponseWriter, r *http.Request) error {
	e, err := s.articleFor(r, auth.ActArticleView)
	if err != nil {
		return err
	}

	v, err := strconv.Atoi(r.PathValue("v"))
	if err != nil {
		return errNotFound
	}

	rev, err := s.content.RevisionAt(r.Context(), e.ID, v)
	if err != nil {
		return err
	}

	parts := content.Diff(content.RevisionText(rev.Title, rev.IntroHTML, rev.BodyHTML),
		content.RevisionText(e.Title, e.IntroHTML, e.BodyHTML))

	p := s.newPage(r, s.text.T("admin.revisions.diff", v))
	p.Nav = "articles"
	canRestore := userOf(r).CanArticle(auth.ActArticleRestore, articleRef(e))
	p.Data = diffView{A: e, Rev: rev, Parts: parts, CanRestore: canRestore}
	return s.render(w, http.StatusOK, "revision_diff", p)
}

func (s *Server) revisionRestore(w http.ResponseWriter, r *http.Request) error {
	e, err := s.articleFor(r, auth.ActArticleRestore)
	if err != nil {
		return err
	}

	v, err := strconv.Atoi(r.PathValue("v"))
	if err != nil {
		return errNotFound
	}

	expect, _ := strconv.Atoi(r.FormValue("version"))
	err = s.db.InTx(r.Context(), func(tx store.Tx) error {
		if _, err := s.content.RestoreRevision(r.Context(), tx, e.ID, v, expect, userOf(r).ID); err != nil {
			return err
		}
		return s.auditTx(r.Context(), tx, r, "article.restore_revision", "article", e.ID, "phiên bản "+strconv.Itoa(v))
	})
	if errors.Is(err, content.ErrStale) {
		return problem.New(problem.Conflict, "admin.articles.stale_restore")
	}
	if err != nil {
		return err
	}

	s.changed(r.Context())
	edit := "/quan-tri/bai-viet/" + strconv.FormatInt(e.ID, 10) + "/sua"
	return s.redirect(w, r, edit, s.text.T("admin.revisions.restored", v))
}
