package content

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// CreatePage inserts a static page.
func (s *Store) CreatePage(ctx context.Context, q store.Querier, p *Page) error {
	p.Title = strings.TrimSpace(vn.NFC(p.Title))
	if p.Title == "" {
		return invalid("title", "content.err.page_title_required")
	}
	if p.Slug == "" {
		p.Slug = vn.Slug(p.Title)
	}
	if err := site.Check(p.SiteID, "create page"); err != nil {
		return err
	}

	p.BodyHTML = SanitizeHTML(p.BodyHTML)
	now := time.Now().Unix()
	err := q.QueryRowContext(ctx, `INSERT INTO pages
		(site_id, slug, title, body_html, position, published, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
		p.SiteID, p.Slug, p.Title, p.BodyHTML, p.Position, p.Published, now).Scan(&p.ID)
	if store.IsUniqueViolation(err) {
		return invalid("slug", "content.err.slug_taken", p.Slug)
	}
	if err != nil {
		return fmt.Errorf("create page: %w", err)
	}

	return nil
}

// PageBySlug returns a published page.
func (s *Store) PageBySlug(ctx context.Context, siteID int64, slug string) (*Page, error) {
	p := &Page{}
	var updated int64
	err := s.db.QueryRowContext(ctx, `SELECT id, site_id, slug, title, body_html, position, published, updated_at
		FROM pages WHERE site_id = $1 AND slug = $2 AND published = TRUE`, siteID, slug).Scan(
		&p.ID, &p.SiteID, &p.Slug, &p.Title, &p.BodyHTML, &p.Position, &p.Published, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("page %q: %w", slug, err)
	}

	p.UpdatedAt = store.Time(updated)
	return p, nil
}

// Pages lists the published pages of a site in menu order, without bodies.
func (s *Store) Pages(ctx context.Context, siteID int64) ([]Page, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, slug, title, position, updated_at FROM pages
		WHERE site_id = $1 AND published = TRUE ORDER BY position, id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("list pages: %w", err)
	}

	return store.Collect(rows, func(sc store.Scanner) (Page, error) {
		p := Page{SiteID: siteID, Published: true}
		var updated int64
		err := sc.Scan(&p.ID, &p.Slug, &p.Title, &p.Position, &updated)
		p.UpdatedAt = store.Time(updated)
		return p, err
	})
}

// HasContent reports whether a site has any category, article or page; the
// demo loader refuses to touch a database that does.
func (s *Store) HasContent(ctx context.Context, siteID int64) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM categories WHERE site_id = $1) +
		(SELECT count(*) FROM articles WHERE site_id = $1) +
		(SELECT count(*) FROM pages WHERE site_id = $1)`, siteID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("count content: %w", err)
	}

	return n > 0, nil
}
