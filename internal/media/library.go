package media

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/store"
)

// Get returns one media item's description (not its bytes).
func (s *Store) Get(ctx context.Context, id int64) (*Media, error) {
	m := &Media{}
	var created int64
	err := s.db.QueryRowContext(ctx, `SELECT id, site_id, sha256, mime, name, size, width, height, alt, created_at
		FROM media WHERE id = $1`, id).
		Scan(&m.ID, &m.SiteID, &m.SHA256, &m.Mime, &m.Name, &m.Size, &m.Width, &m.Height, &m.Alt, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("media %d: %w", id, err)
	}

	m.CreatedAt = store.Time(created)
	return m, nil
}

// ListFilter selects media for the library.
type ListFilter struct {
	SiteID int64
	Text   string // in the name or alt text
	Images bool   // only images
	Docs   bool   // only documents
	Limit  int
	Offset int
}

// List returns media newest first, and how many match in all.
func (s *Store) List(ctx context.Context, f ListFilter) ([]Media, int, error) {
	where := []string{"site_id = $1"}
	args := []any{f.SiteID}
	if t := strings.TrimSpace(f.Text); t != "" {
		args = append(args, "%"+strings.NewReplacer("%", "", "_", "").Replace(t)+"%")
		n := strconv.Itoa(len(args))
		where = append(where, "(lower(name) LIKE lower($"+n+") OR lower(alt) LIKE lower($"+n+"))")
	}

	if f.Images {
		where = append(where, "mime LIKE 'image/%'")
	}
	if f.Docs {
		where = append(where, "mime NOT LIKE 'image/%'")
	}

	w := strings.Join(where, " AND ")
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM media WHERE `+w, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count media: %w", err)
	}
	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 48
	}

	args = append(args, f.Limit, f.Offset)
	n := len(args)
	out, err := store.QueryAll(ctx, s.db, scanMedia, `SELECT id, site_id, sha256, mime, name, size, width, height, alt,
		created_at FROM media WHERE `+w+`
		ORDER BY id DESC LIMIT $`+strconv.Itoa(n-1)+` OFFSET $`+strconv.Itoa(n), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list media: %w", err)
	}

	return out, total, nil
}

func scanMedia(sc store.Scanner) (Media, error) {
	var m Media
	var created int64
	err := sc.Scan(&m.ID, &m.SiteID, &m.SHA256, &m.Mime, &m.Name, &m.Size, &m.Width, &m.Height, &m.Alt, &created)
	m.CreatedAt = store.Time(created)
	return m, err
}
