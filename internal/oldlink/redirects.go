package oldlink

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/store"
)

// Resolve returns the redirect of an old address of site siteID: the one
// stored under the most specific of its keys, or ErrNotFound.
func Resolve(ctx context.Context, q store.Querier, siteID int64, path string, query url.Values) (Redirect, error) {
	return Find(ctx, q, siteID, Keys(path, query))
}

// Find returns the redirect stored under the first of keys that has one,
// or ErrNotFound.
func Find(ctx context.Context, q store.Querier, siteID int64, keys []string) (Redirect, error) {
	for _, key := range keys {
		var r Redirect
		err := q.QueryRowContext(ctx, `SELECT target, status FROM redirects WHERE site_id = $1 AND old_path = $2`,
			siteID, key).Scan(&r.Target, &r.Status)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return Redirect{}, fmt.Errorf("redirect of %q: %w", key, err)
		}

		return r, nil
	}
	return Redirect{}, ErrNotFound
}

// Stored returns every redirect of site siteID by key.
func Stored(ctx context.Context, q store.Querier, siteID int64) (map[string]Redirect, error) {
	rows, err := q.QueryContext(ctx, `SELECT old_path, target, status FROM redirects WHERE site_id = $1`, siteID)
	if err != nil {
		return nil, fmt.Errorf("read redirects: %w", err)
	}
	defer rows.Close()

	out := map[string]Redirect{}
	for rows.Next() {
		var key string
		var r Redirect
		if err := rows.Scan(&key, &r.Target, &r.Status); err != nil {
			return nil, fmt.Errorf("read redirects: %w", err)
		}

		out[key] = r
	}

	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read redirects: %w", err)
	}

	return out, nil
}

// perStatement is how many rows one INSERT writes: large statements save
// round trips, and 200 rows stay far below every driver's parameter limit.
const perStatement = 200

// Save stores entries for site siteID, replacing the redirect of a key
// that already has one, in multi-row statements.
func Save(ctx context.Context, q store.Querier, siteID int64, entries []Entry) error {
	for i := 0; i < len(entries); i += perStatement {
		chunk := entries[i:min(i+perStatement, len(entries))]
		query, args := saveStatement(siteID, chunk)
		if _, err := q.ExecContext(ctx, query, args...); err != nil {
			return fmt.Errorf("save redirects: %w", err)
		}
	}
	return nil
}

// saveStatement is the INSERT of entries, with its arguments.
func saveStatement(siteID int64, entries []Entry) (string, []any) {
	var b strings.Builder
	b.WriteString(`INSERT INTO redirects (site_id, old_path, target, status) VALUES `)
	args := make([]any, 0, len(entries)*4)
	for j, e := range entries {
		if j > 0 {
			b.WriteString(", ")
		}

		n := len(args)
		b.WriteString("($" + strconv.Itoa(n+1) + ", $" + strconv.Itoa(n+2) + ", $" + strconv.Itoa(n+3) +
			", $" + strconv.Itoa(n+4) + ")")

		args = append(args, siteID, e.Key, e.Target, e.Status)
	}

	b.WriteString(` ON CONFLICT (site_id, old_path) DO UPDATE SET target = excluded.target, status = excluded.status`)
	return b.String(), args
}
