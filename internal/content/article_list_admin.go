package content

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// AdminFilter selects articles for the newsroom's list. OnlyAuthor and
// OnlyCategories narrow the list to what the user's role may see: a
// writer sees their own, an editor their categories (and their own).
type AdminFilter struct {
	SiteID         int64
	Status         Status
	CategoryID     int64
	AuthorID       int64
	Text           string
	OnlyAuthor     int64
	OnlyCategories []int64
	Limit, Offset  int
}

// AdminRow is an article in the newsroom's list.
type AdminRow struct {
	ID           int64
	Title        string
	Slug         string
	CategoryID   int64
	CategoryName string
	CategorySlug string
	CreatedBy    int64
	AuthorName   string
	Status       Status
	PublishAt    *time.Time
	UpdatedAt    time.Time
	Version      int
	ReviewNote   string
	Featured     bool
}

// Scheduled reports whether a published article waits for its time.
func (r AdminRow) Scheduled(now time.Time) bool {
	return r.Status == StatusPublished && r.PublishAt != nil && r.PublishAt.After(now)
}

// AdminArticles lists articles of every status, newest change first, and
// how many match in all.
func (s *Store) AdminArticles(ctx context.Context, f AdminFilter) ([]AdminRow, int, error) {
	if err := site.Check(f.SiteID, "list articles"); err != nil {
		return nil, 0, err
	}

	args := []any{f.SiteID}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	w := adminWhere(f, arg)

	if f.Limit <= 0 || f.Limit > 200 {
		f.Limit = 30
	}
	f.Offset = max(f.Offset, 0)

	var total int
	if text := foldWords(f.Text); text != "" {
		// The title filter ignores case and diacritics the way search
		// does (vn.Fold on both sides: "dang uy" finds "Đảng ủy"). Neither
		// SQLite's lower() (ASCII only) nor PostgreSQL's (no marks) can,
		// so the titles the other filters allow are folded here, and the
		// page is then read by id.
		ids, err := s.titleMatches(ctx, w, args, text)
		if err != nil {
			return nil, 0, err
		}

		total = len(ids)
		ids = ids[min(f.Offset, len(ids)):min(f.Offset+f.Limit, len(ids))]
		if len(ids) == 0 {
			return nil, total, nil
		}

		in := make([]string, len(ids))
		for i, id := range ids {
			in[i] = arg(id)
		}

		w += " AND a.id IN (" + strings.Join(in, ", ") + ")"
		f.Offset = 0
	} else if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+w,
		args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count articles: %w", err)
	}

	lim, off := arg(f.Limit), arg(f.Offset)
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.slug, a.category_id, c.name, c.slug,
		COALESCE(a.created_by, 0), COALESCE(NULLIF(u.display_name, ''), u.username, ''),
		a.status, a.publish_at, a.updated_at, a.version, a.review_note, a.featured
		FROM articles a JOIN categories c ON c.id = a.category_id LEFT JOIN users u ON u.id = a.created_by
		WHERE `+w+` ORDER BY a.updated_at DESC, a.id DESC LIMIT `+lim+` OFFSET `+off, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("list articles: %w", err)
	}
	defer rows.Close()
	var out []AdminRow
	for rows.Next() {
		var r AdminRow
		var publish sql.NullInt64
		var updated int64
		if err := rows.Scan(&r.ID, &r.Title, &r.Slug, &r.CategoryID, &r.CategoryName, &r.CategorySlug, &r.CreatedBy,
			&r.AuthorName, &r.Status, &publish, &updated, &r.Version, &r.ReviewNote, &r.Featured); err != nil {
			return nil, 0, err
		}

		r.PublishAt = store.NullTime(publish)
		r.UpdatedAt = store.Time(updated)
		out = append(out, r)
	}

	return out, total, rows.Err()
}

// adminWhere is the WHERE clause that picks f's articles (the site is
// $1); arg adds an argument to the query and returns its placeholder.
func adminWhere(f AdminFilter, arg func(any) string) string {
	where := []string{"a.site_id = $1"}
	if f.Status != "" {
		where = append(where, "a.status = "+arg(string(f.Status)))
	} else {
		where = append(where, "a.status <> 'trashed'")
	}

	if f.CategoryID != 0 {
		where = append(where, "a.category_id = "+arg(f.CategoryID))
	}
	if f.AuthorID != 0 {
		where = append(where, "a.created_by = "+arg(f.AuthorID))
	}

	if f.OnlyAuthor != 0 || f.OnlyCategories != nil {
		var or []string
		if f.OnlyAuthor != 0 {
			or = append(or, "a.created_by = "+arg(f.OnlyAuthor))
		}
		if len(f.OnlyCategories) > 0 {
			var ids []string
			for _, c := range f.OnlyCategories {
				ids = append(ids, arg(c))
			}
			or = append(or, "a.category_id IN ("+strings.Join(ids, ", ")+")")
		}
		if len(or) == 0 {
			or = append(or, "1 = 0") // a role that may see nothing
		}
		where = append(where, "("+strings.Join(or, " OR ")+")")
	}

	return strings.Join(where, " AND ")
}

// foldWords is s folded for matching (vn.Fold) with its spaces collapsed.
func foldWords(s string) string {
	return strings.Join(strings.Fields(vn.Fold(s)), " ")
}

// titleMatches returns, in the list's order, the ids of the articles
// matching where whose folded title contains text.
func (s *Store) titleMatches(ctx context.Context, where string, args []any, text string) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title FROM articles a WHERE `+where+`
		ORDER BY a.updated_at DESC, a.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("match titles: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			return nil, err
		}
		if strings.Contains(foldWords(title), text) {
			ids = append(ids, id)
		}
	}

	return ids, rows.Err()
}

// CountByStatus counts a site's articles per status, for the dashboard,
// within the same visibility limits as AdminArticles.
func (s *Store) CountByStatus(ctx context.Context, f AdminFilter) (map[Status]int, error) {
	out := map[Status]int{}
	for _, st := range Statuses {
		f.Status = st
		f.Limit = 1
		_, n, err := s.AdminArticles(ctx, f)
		if err != nil {
			return nil, err
		}

		out[st] = n
	}

	return out, nil
}
