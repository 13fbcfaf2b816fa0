package content

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// ErrStale is returned when an article changed since the editor opened
// it: someone else saved in between, and saving over them would lose
// their work silently.
var ErrStale = problem.New(problem.Conflict, "content.err.stale")

// Editable is an article with what only the newsroom sees.
type Editable struct {
	Article
	ReviewNote string
	Tags       []string
}

const editableColumns = `a.id, a.site_id, a.category_id, a.slug, a.title, a.intro_html, a.body_html, a.excerpt,
	a.author_alias, a.meta_description, COALESCE(a.created_by, 0), a.status, a.publish_at, a.unpublish_at, a.featured,
	a.hits, COALESCE(a.image_id, 0), a.version, a.created_at, a.updated_at, a.review_note, a.access`

// ArticleForEdit returns an article whatever its status, with its tags.
func (s *Store) ArticleForEdit(ctx context.Context, q store.Querier, id int64) (*Editable, error) {
	e := &Editable{}
	a := &e.Article
	var publish, unpublish sql.NullInt64
	var created, updated int64
	err := q.QueryRowContext(ctx, `SELECT `+editableColumns+` FROM articles a WHERE a.id = $1`, id).Scan(
		&a.ID, &a.SiteID, &a.CategoryID, &a.Slug, &a.Title, &a.IntroHTML, &a.BodyHTML, &a.Excerpt,
		&a.AuthorAlias, &a.MetaDescription, &a.CreatedBy, &a.Status, &publish, &unpublish, &a.Featured,
		&a.Hits, &a.ImageID, &a.Version, &created, &updated, &e.ReviewNote, &a.Access)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}

	a.PublishAt, a.UnpublishAt = store.NullTime(publish), store.NullTime(unpublish)
	a.CreatedAt, a.UpdatedAt = store.Time(created), store.Time(updated)
	if e.Tags, err = articleTags(ctx, q, id); err != nil {
		return nil, err
	}

	return e, nil
}

func articleTags(ctx context.Context, q store.Querier, id int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT t.name FROM tags t JOIN article_tags at ON at.tag_id = t.id
		WHERE at.article_id = $1 ORDER BY t.name`, id)
	if err != nil {
		return nil, fmt.Errorf("tags: %w", err)
	}
	return store.Collect(rows, store.ScanString)
}

// SaveArticle creates e (ID 0) or updates it when it is still at version
// expect, and records the result as a revision saved by userID. A stale
// version is ErrStale and changes nothing. The search index follows
// inside q. Status is not changed by an update: that is SetStatus's job.
func (s *Store) SaveArticle(
	ctx context.Context,
	q store.Querier,
	e *Editable,
	expect int,
	userID int64,
	note string,
) error {
	a := &e.Article
	if err := site.Check(a.SiteID, "save article"); err != nil {
		return err
	}

	a.Slug = strings.TrimSpace(a.Slug)
	if a.Slug != "" && a.Slug != vn.Slug(a.Slug) {
		return invalid("slug", "content.err.slug_chars", vn.Slug(a.Slug))
	}
	if a.UnpublishAt != nil && a.PublishAt != nil && !a.UnpublishAt.After(*a.PublishAt) {
		return invalid("unpublish_at", "content.err.unpublish_before")
	}

	if a.ID == 0 {
		if a.CreatedBy == 0 {
			a.CreatedBy = userID
		}
		if err := prepareArticle(a); err != nil {
			return err
		}
		if err := checkSlug(ctx, q, a); err != nil {
			return err
		}
		if err := s.CreateArticle(ctx, q, a); err != nil {
			return err
		}
	} else {
		var oldSlug string
		if err := q.QueryRowContext(ctx, `SELECT slug FROM articles WHERE id = $1`, a.ID).Scan(&oldSlug); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return fmt.Errorf("article %d: %w", a.ID, err)
		}

		if err := prepareArticle(a); err != nil {
			return err
		}

		// Only a changed slug is checked: imported sites hold duplicates
		// that must stay editable.
		if a.Slug != oldSlug {
			if err := checkSlug(ctx, q, a); err != nil {
				return err
			}
		}

		a.UpdatedAt = time.Now().UTC().Truncate(time.Second)
		res, err := q.ExecContext(ctx, `UPDATE articles SET category_id = $1, slug = $2, title = $3, intro_html = $4,
			body_html = $5, excerpt = $6, author_alias = $7, meta_description = $8, publish_at = $9, unpublish_at = $10,
			featured = $11, image_id = $12, updated_at = $13, version = version + 1
			WHERE id = $14 AND version = $15`,
			a.CategoryID, a.Slug, a.Title, a.IntroHTML, a.BodyHTML, a.Excerpt, a.AuthorAlias, a.MetaDescription,
			store.NullUnix(a.PublishAt), store.NullUnix(a.UnpublishAt), a.Featured, nullID(a.ImageID),
			a.UpdatedAt.Unix(), a.ID, expect)
		if err != nil {
			return fmt.Errorf("update article: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrStale
		}

		a.Version = expect + 1
		if err := s.reindex(ctx, q, a); err != nil {
			return err
		}
	}

	if err := setTags(ctx, q, a.SiteID, a.ID, e.Tags); err != nil {
		return err
	}

	return writeRevision(ctx, q, e, userID, note)
}

func checkSlug(ctx context.Context, q store.Querier, a *Article) error {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE site_id = $1 AND slug = $2 AND id <> $3
		AND status <> 'trashed'`, a.SiteID, a.Slug, a.ID).Scan(&n)
	if err != nil {
		return fmt.Errorf("check slug: %w", err)
	}
	if n > 0 {
		return invalid("slug", "content.err.slug_taken_article", a.Slug)
	}

	return nil
}

// ParseTags splits "a, b; c" into distinct, trimmed tag names.
func ParseTags(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		t = strings.TrimSpace(vn.NFC(t))
		k := vn.Slug(t)
		if t == "" || k == "" || seen[k] || len(t) > 100 {
			continue
		}

		seen[k] = true
		out = append(out, t)
	}

	return out
}

func setTags(ctx context.Context, q store.Querier, siteID, articleID int64, tags []string) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM article_tags WHERE article_id = $1`, articleID); err != nil {
		return fmt.Errorf("tags: %w", err)
	}

	for _, name := range ParseTags(strings.Join(tags, ",")) {
		slug := vn.Slug(name)
		var id int64
		err := q.QueryRowContext(ctx, `INSERT INTO tags (site_id, slug, name) VALUES ($1, $2, $3)
			ON CONFLICT (site_id, slug) DO UPDATE SET slug = excluded.slug RETURNING id`, siteID, slug, name).Scan(&id)
		if err != nil {
			return fmt.Errorf("tag %q: %w", name, err)
		}

		if _, err := q.ExecContext(ctx, `INSERT INTO article_tags (article_id, tag_id) VALUES ($1, $2)
			ON CONFLICT DO NOTHING`,
			articleID, id); err != nil {
			return fmt.Errorf("tag %q: %w", name, err)
		}
	}

	return nil
}
