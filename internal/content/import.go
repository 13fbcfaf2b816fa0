package content

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// Access values of articles.access: who may read an article.
const (
	AccessPublic     = "public"
	AccessRegistered = "registered"
)

// ImportedHTML is the HTML of an imported article after the sanitiser,
// with the excerpt made from it. Only SanitizeImported makes one, so what
// PutImportedArticleHTML writes has always been through the sanitiser.
type ImportedHTML struct{ intro, body, excerpt string }

// SanitizeImported passes an imported article's intro and body through
// the editor's normalisation and sanitiser and makes its excerpt, exactly
// as PutImportedArticle would. It needs no database and may run on many
// goroutines at once, so an importer can prepare articles in parallel and
// write them in order.
func SanitizeImported(introHTML, bodyHTML string) ImportedHTML {
	h := ImportedHTML{intro: SanitizeHTML(introHTML), body: SanitizeHTML(bodyHTML)}
	h.excerpt = Excerpt(h.intro, h.body, excerptLength)
	return h
}

// Intro is the sanitised intro.
func (h ImportedHTML) Intro() string { return h.intro }

// Body is the sanitised body.
func (h ImportedHTML) Body() string { return h.body }

// PutImportedArticle writes an article brought in from another system
// under the id it carries (a.ID must be set): inserted when replace is
// false, updated in place when true. Its text goes through the same
// normalisation and sanitiser as the editor's; CreatedAt and UpdatedAt
// are kept as given, so the old dates survive. The search indexer, if
// any, sees the article inside q.
func (s *Store) PutImportedArticle(
	ctx context.Context,
	q store.Querier,
	a *Article,
	access string,
	replace bool,
) error {
	return s.PutImportedArticleHTML(ctx, q, a, SanitizeImported(a.IntroHTML, a.BodyHTML), access, replace)
}

// PutImportedArticleHTML is PutImportedArticle with the article's HTML
// already sanitised by SanitizeImported: h replaces a.IntroHTML,
// a.BodyHTML and a.Excerpt.
func (s *Store) PutImportedArticleHTML(
	ctx context.Context,
	q store.Querier,
	a *Article,
	h ImportedHTML,
	access string,
	replace bool,
) error {
	if a.ID <= 0 {
		return fmt.Errorf("imported article without id: %w", ErrInvalid)
	}

	// Everything but the HTML is checked and normalised as the editor's
	// articles are; the HTML was, by SanitizeImported.
	a.IntroHTML, a.BodyHTML = "", ""
	if err := prepareArticle(a); err != nil {
		return err
	}

	a.IntroHTML, a.BodyHTML, a.Excerpt = h.intro, h.body, h.excerpt
	if access == "" {
		access = AccessPublic
	}

	a.Access = access
	if a.UpdatedAt.IsZero() {
		a.UpdatedAt = a.CreatedAt
	}
	if a.Version == 0 {
		a.Version = 1
	}

	args := []any{a.ID, a.SiteID, a.CategoryID, a.Slug, a.Title, a.IntroHTML, a.BodyHTML, a.Excerpt, a.AuthorAlias,
		a.MetaDescription, nullID(a.CreatedBy), string(a.Status), store.NullUnix(a.PublishAt),
		store.NullUnix(a.UnpublishAt), a.Featured, a.Hits, nullID(a.ImageID), a.Version, a.CreatedAt.Unix(),
		a.UpdatedAt.Unix(), access}

	var err error
	if replace {
		_, err = q.ExecContext(ctx, `UPDATE articles SET site_id = $2, category_id = $3, slug = $4, title = $5,
			intro_html = $6, body_html = $7, excerpt = $8, author_alias = $9, meta_description = $10, created_by = $11,
			status = $12, publish_at = $13, unpublish_at = $14, featured = $15, hits = $16, image_id = $17,
			version = $18, created_at = $19, updated_at = $20, access = $21 WHERE id = $1`, args...)
	} else {
		_, err = q.ExecContext(ctx, `INSERT INTO articles
			(id, site_id, category_id, slug, title, intro_html, body_html, excerpt, author_alias, meta_description,
			 created_by, status, publish_at, unpublish_at, featured, hits, image_id, version, created_at, updated_at,
			 access)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
			 $21)`, args...)
	}

	if err != nil {
		return fmt.Errorf("import article %d: %w", a.ID, err)
	}

	return s.reindex(ctx, q, a)
}

// PutImportedCategory inserts c (c.ID == 0) or updates the category with
// c.ID. The slug must be free; the importer picks unique ones.
func (s *Store) PutImportedCategory(ctx context.Context, q store.Querier, c *Category, createdAt int64) error {
	c.Name = strings.TrimSpace(vn.NFC(c.Name))
	if c.Name == "" {
		return invalid("name", "content.err.category_name_required")
	}
	if c.Slug == "" || c.Slug != vn.Slug(c.Slug) {
		return invalid("slug", "content.err.category_slug", c.Slug)
	}
	if err := site.Check(c.SiteID, "import category"); err != nil {
		return err
	}

	c.Description = SanitizeHTML(c.Description)
	parent := sql.NullInt64{Int64: c.ParentID, Valid: c.ParentID != 0}
	if c.ID != 0 {
		_, err := q.ExecContext(ctx, `UPDATE categories SET parent_id = $2, slug = $3, name = $4, description = $5,
			position = $6, published = $7, updated_at = $8 WHERE id = $1`,
			c.ID, parent, c.Slug, c.Name, c.Description, c.Position, c.Published, createdAt)
		if err != nil {
			return fmt.Errorf("import category %d: %w", c.ID, err)
		}

		return nil
	}

	err := q.QueryRowContext(ctx, `INSERT INTO categories
		(site_id, parent_id, slug, name, description, position, published, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
		c.SiteID, parent, c.Slug, c.Name, c.Description, c.Position, c.Published, createdAt).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("import category: %w", err)
	}

	return nil
}
