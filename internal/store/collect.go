package store

import (
	"context"
	"database/sql"
)

// Scanner is what a row offers to a scan function: *sql.Row and *sql.Rows.
type Scanner interface{ Scan(dest ...any) error }

// QueryAll runs a query and scans every row with scan, so a repository
// writes its row mapping once and lists come for free.
func QueryAll[T any](ctx context.Context, q Querier, scan func(Scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, scan)
}

func collect[T any](rows *sql.Rows, scan func(Scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
