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

const categoryColumns = `id, site_id, COALESCE(parent_id, 0), slug, name, description, position, published`

func scanCategory(sc store.Scanner) (*Category, error) {
	c := &Category{}
	err := sc.Scan(&c.ID, &c.SiteID, &c.ParentID, &c.Slug, &c.Name, &c.Description, &c.Position, &c.Published)
	return c, err
}

// prepareCategory normalises a category's name and checks its slug,
// deriving the slug from the name when empty.
func prepareCategory(c *Category) error {
	c.Name = strings.TrimSpace(vn.NFC(c.Name))
	if c.Name == "" {
		return invalid("name", "content.err.category_name_required")
	}
	if c.Slug == "" {
		c.Slug = vn.Slug(c.Name)
	}
	if c.Slug == "" || c.Slug != vn.Slug(c.Slug) {
		return invalid("slug", "content.err.category_slug", c.Slug)
	}

	return nil
}

// CreateCategory inserts c, deriving the slug from the name when empty.
func (s *Store) CreateCategory(ctx context.Context, q store.Querier, c *Category) error {
	if err := prepareCategory(c); err != nil {
		return err
	}
	if err := site.Check(c.SiteID, "create category"); err != nil {
		return err
	}

	now := time.Now().Unix()
	parent := sql.NullInt64{Int64: c.ParentID, Valid: c.ParentID != 0}
	err := q.QueryRowContext(ctx, `INSERT INTO categories
		(site_id, parent_id, slug, name, description, position, published, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
		c.SiteID, parent, c.Slug, c.Name, vn.NFC(c.Description), c.Position, c.Published, now).Scan(&c.ID)
	if store.IsUniqueViolation(err) {
		return invalid("slug", "content.err.slug_taken", c.Slug)
	}
	if err != nil {
		return fmt.Errorf("create category: %w", err)
	}

	return nil
}

// Categories returns every published category of a site in display order.
func (s *Store) Categories(ctx context.Context, siteID int64) ([]*Category, error) {
	out, err := store.QueryAll(ctx, s.db, scanCategory, `SELECT `+categoryColumns+` FROM categories
		WHERE site_id = $1 AND published = TRUE ORDER BY position, id`, siteID)
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	return out, nil
}

// Tree arranges categories into their hierarchy and returns the roots.
// Children whose parent is missing from the list are treated as roots, so
// an unpublished parent never hides its children from navigation.
func Tree(cats []*Category) []*Category {
	byID := make(map[int64]*Category, len(cats))
	for _, c := range cats {
		c.Children = nil
		byID[c.ID] = c
	}

	var roots []*Category
	for _, c := range cats {
		if p, ok := byID[c.ParentID]; ok && c.ParentID != c.ID {
			p.Children = append(p.Children, c)
		} else {
			roots = append(roots, c)
		}
	}

	return roots
}

// CategoryBySlug finds a published category.
func (s *Store) CategoryBySlug(ctx context.Context, siteID int64, slug string) (*Category, error) {
	c, err := scanCategory(s.db.QueryRowContext(ctx, `SELECT `+categoryColumns+` FROM categories
		WHERE site_id = $1 AND slug = $2 AND published = TRUE`, siteID, slug))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("category %q: %w", slug, err)
	}

	return c, nil
}

// CategoryByID finds a category whatever its state.
func (s *Store) CategoryByID(ctx context.Context, id int64) (*Category, error) {
	c, err := scanCategory(s.db.QueryRowContext(ctx, `SELECT `+categoryColumns+` FROM categories WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("category %d: %w", id, err)
	}
	return c, nil
}
