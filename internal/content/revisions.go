package content

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/store"
)

// Revision is an article as it was after one save.
type Revision struct {
	ID          int64
	ArticleID   int64
	Version     int
	Title       string
	Slug        string
	CategoryID  int64
	IntroHTML   string
	BodyHTML    string
	AuthorAlias string
	Status      Status
	PublishAt   *time.Time
	UnpublishAt *time.Time
	Featured    bool
	ImageID     int64
	SavedBy     int64
	SavedAt     time.Time
	Note        string
}

func writeRevision(ctx context.Context, q store.Querier, e *Editable, userID int64, note string) error {
	a := &e.Article
	_, err := q.ExecContext(ctx, `INSERT INTO article_revisions (article_id, version, title, slug, category_id,
		intro_html, body_html, author_alias, status, publish_at, unpublish_at, featured, image_id, saved_by, saved_at,
		note)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
		a.ID, a.Version, a.Title, a.Slug, a.CategoryID, a.IntroHTML, a.BodyHTML, a.AuthorAlias, string(a.Status),
		store.NullUnix(a.PublishAt), store.NullUnix(a.UnpublishAt), a.Featured, nullID(a.ImageID), nullID(userID),
		time.Now().Unix(), note)
	if err != nil {
		return fmt.Errorf("write revision: %w", err)
	}

	return nil
}

const revisionColumns = `id, article_id, version, title, slug, category_id, intro_html, body_html, author_alias, status,
	publish_at, unpublish_at, featured, COALESCE(image_id, 0), COALESCE(saved_by, 0), saved_at, note`

func scanRevision(sc store.Scanner) (*Revision, error) {
	r := &Revision{}
	var publish, unpublish sql.NullInt64
	var saved int64
	err := sc.Scan(&r.ID, &r.ArticleID, &r.Version, &r.Title, &r.Slug, &r.CategoryID, &r.IntroHTML, &r.BodyHTML,
		&r.AuthorAlias, &r.Status, &publish, &unpublish, &r.Featured, &r.ImageID, &r.SavedBy, &saved, &r.Note)
	if err != nil {
		return nil, err
	}

	r.PublishAt, r.UnpublishAt = store.NullTime(publish), store.NullTime(unpublish)
	r.SavedAt = store.Time(saved)
	return r, nil
}

// Revisions lists an article's revisions, newest first.
func (s *Store) Revisions(ctx context.Context, articleID int64) ([]*Revision, error) {
	out, err := store.QueryAll(ctx, s.db, scanRevision, `SELECT `+revisionColumns+` FROM article_revisions
		WHERE article_id = $1 ORDER BY version DESC`, articleID)
	if err != nil {
		return nil, fmt.Errorf("revisions: %w", err)
	}
	return out, nil
}

// RevisionAt returns one revision of an article.
func (s *Store) RevisionAt(ctx context.Context, articleID int64, version int) (*Revision, error) {
	r, err := scanRevision(s.db.QueryRowContext(ctx, `SELECT `+revisionColumns+` FROM article_revisions
		WHERE article_id = $1 AND version = $2`, articleID, version))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("revision: %w", err)
	}

	return r, nil
}

// RestoreRevision makes the text and fields of revision version current
// again as a new revision; the status stays as it is.
func (s *Store) RestoreRevision(
	ctx context.Context,
	q store.Querier,
	articleID int64,
	version, expect int,
	userID int64,
) (*Editable, error) {
	r, err := s.RevisionAt(ctx, articleID, version)
	if err != nil {
		return nil, err
	}

	e, err := s.ArticleForEdit(ctx, q, articleID)
	if err != nil {
		return nil, err
	}

	a := &e.Article
	a.Title, a.Slug, a.CategoryID, a.IntroHTML, a.BodyHTML = r.Title, r.Slug, r.CategoryID, r.IntroHTML, r.BodyHTML
	a.AuthorAlias, a.Featured, a.ImageID, a.UnpublishAt = r.AuthorAlias, r.Featured, r.ImageID, r.UnpublishAt
	if err := s.SaveArticle(ctx, q, e, expect, userID, i18n.Default.T("content.note.restored", version)); err != nil {
		return nil, err
	}

	return e, nil
}

// Diff compares two texts word by word and returns the pieces in order,
// each marked kept, added or removed. Paragraph breaks are kept as "\n"
// words so the view can show them.
func Diff(old, new string) []DiffPart {
	a, b := diffWords(old), diffWords(new)
	// A longest-common-subsequence table; articles are a few thousand
	// words, and the cap below keeps a pathological pair cheap.
	if len(a)*len(b) > 25_000_000 {
		return []DiffPart{{Op: DiffRemoved, Text: old}, {Op: DiffAdded, Text: new}}
	}

	n, m := len(a), len(b)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}

	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}

	var out []DiffPart
	emit := func(op DiffOp, w string) {
		if k := len(out) - 1; k >= 0 && out[k].Op == op {
			out[k].Text += " " + w
			return
		}
		out = append(out, DiffPart{Op: op, Text: w})
	}

	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			emit(DiffKept, a[i])
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			emit(DiffRemoved, a[i])
			i++
		default:
			emit(DiffAdded, b[j])
			j++
		}
	}

	for ; i < n; i++ {
		emit(DiffRemoved, a[i])
	}

	for ; j < m; j++ {
		emit(DiffAdded, b[j])
	}

	return out
}

// DiffOp says what happened to a piece of text.
type DiffOp int

const (
	DiffKept DiffOp = iota
	DiffAdded
	DiffRemoved
)

// DiffPart is a run of words with the same fate.
type DiffPart struct {
	Op   DiffOp
	Text string
}

func diffWords(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, strings.Fields(line)...)
		out = append(out, "¶")
	}
	return out
}

// RevisionText is the plain text a diff compares: title, intro and body
// with paragraphs on their own lines.
func RevisionText(title, intro, body string) string {
	return title + "\n" + blockText(intro) + "\n" + blockText(body)
}

// blockText is PlainText with a line break after each block element.
func blockText(fragment string) string {
	for _, tag := range []string{"</p>", "</li>", "</tr>", "</h2>", "</h3>", "</h4>", "<br>", "<br/>", "<br />"} {
		fragment = strings.ReplaceAll(fragment, tag, tag+"\n")
	}

	var lines []string
	for _, l := range strings.Split(fragment, "\n") {
		if t := PlainText(l); t != "" {
			lines = append(lines, t)
		}
	}

	return strings.Join(lines, "\n")
}
