package content

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// AllCategories returns every category of a site, published or not, in
// display order: the newsroom's view.
func (s *Store) AllCategories(ctx context.Context, siteID int64) ([]*Category, error) {
	out, err := store.QueryAll(ctx, s.db, scanCategory, `SELECT `+categoryColumns+` FROM categories WHERE site_id = $1
		ORDER BY position, id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	return out, nil
}

// UpdateCategory changes a category. A parent that is the category itself
// or one of its descendants is refused: the tree must stay a tree.
func (s *Store) UpdateCategory(ctx context.Context, q store.Querier, c *Category) error {
	if err := prepareCategory(c); err != nil {
		return err
	}

	for p := c.ParentID; p != 0; {
		if p == c.ID {
			return invalid("parent_id", "content.err.parent_loop")
		}

		var next sql.NullInt64
		if err := q.QueryRowContext(ctx, `SELECT parent_id FROM categories WHERE id = $1`, p).Scan(&next); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return invalid("parent_id", "content.err.parent_missing")
			}
			return err
		}

		p = next.Int64
	}

	var oldName string
	err := q.QueryRowContext(ctx, `SELECT name FROM categories WHERE id = $1`, c.ID).Scan(&oldName)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	} else if err != nil {
		return fmt.Errorf("update category: %w", err)
	}

	res, err := q.ExecContext(ctx, `UPDATE categories SET parent_id = $1, slug = $2, name = $3, description = $4,
		position = $5, published = $6, updated_at = $7 WHERE id = $8`,
		sql.NullInt64{Int64: c.ParentID, Valid: c.ParentID != 0}, c.Slug, c.Name, vn.NFC(c.Description), c.Position,
		c.Published, time.Now().Unix(), c.ID)
	if store.IsUniqueViolation(err) {
		return invalid("slug", "content.err.slug_taken", c.Slug)
	}
	if err != nil {
		return fmt.Errorf("update category: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}

	if c.Name != oldName {
		// The index holds each article's category name (a citizen may
		// search "thông báo"): a renamed category's articles are indexed
		// again, in the same transaction as the rename.
		return s.reindexCategory(ctx, q, c.ID)
	}

	return nil
}

// reindexCategory indexes again every published article of a category.
func (s *Store) reindexCategory(ctx context.Context, q store.Querier, categoryID int64) error {
	if s.indexer == nil {
		return nil
	}

	ids, err := store.QueryAll(ctx, q, func(r store.Scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	}, `SELECT id FROM articles WHERE category_id = $1 AND status = $2`, categoryID, StatusPublished)
	if err != nil {
		return fmt.Errorf("articles of category %d: %w", categoryID, err)
	}

	for _, id := range ids {
		e, err := s.ArticleForEdit(ctx, q, id)
		if err != nil {
			return err
		}
		if err := s.reindex(ctx, q, &e.Article); err != nil {
			return err
		}
	}

	return nil
}

// AllPages lists every static page of a site, published or not.
func (s *Store) AllPages(ctx context.Context, siteID int64) ([]Page, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, slug, title, position, published, updated_at FROM pages
		WHERE site_id = $1 ORDER BY position, id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("list pages: %w", err)
	}

	return store.Collect(rows, func(sc store.Scanner) (Page, error) {
		p := Page{SiteID: siteID}
		var updated int64
		err := sc.Scan(&p.ID, &p.Slug, &p.Title, &p.Position, &p.Published, &updated)
		p.UpdatedAt = store.Time(updated)
		return p, err
	})
}

// PageByID returns a page whatever its state.
func (s *Store) PageByID(ctx context.Context, id int64) (*Page, error) {
	p := &Page{}
	var updated int64
	err := s.db.QueryRowContext(ctx, `SELECT id, site_id, slug, title, body_html, position, published, updated_at
		FROM pages WHERE id = $1`, id).
		Scan(&p.ID, &p.SiteID, &p.Slug, &p.Title, &p.BodyHTML, &p.Position, &p.Published, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("page %d: %w", id, err)
	}

	p.UpdatedAt = store.Time(updated)
	return p, nil
}

// UpdatePage changes a static page, sanitising its body.
func (s *Store) UpdatePage(ctx context.Context, q store.Querier, p *Page) error {
	p.Title = strings.TrimSpace(vn.NFC(p.Title))
	if p.Title == "" {
		return invalid("title", "content.err.page_title_required")
	}
	if p.Slug == "" {
		p.Slug = vn.Slug(p.Title)
	}
	if p.Slug != vn.Slug(p.Slug) {
		return invalid("slug", "content.err.page_slug", p.Slug)
	}

	p.BodyHTML = SanitizeHTML(p.BodyHTML)
	res, err := q.ExecContext(ctx, `UPDATE pages SET slug = $1, title = $2,
		body_html = $3, position = $4, published = $5, updated_at = $6 WHERE id = $7`,
		p.Slug, p.Title, p.BodyHTML, p.Position, p.Published, time.Now().Unix(), p.ID)
	if store.IsUniqueViolation(err) {
		return invalid("slug", "content.err.slug_taken", p.Slug)
	}
	if err != nil {
		return fmt.Errorf("update page: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}

	return nil
}
