package store

import (
	"context"
	"database/sql"
)

// Scanner is what a row offers to a scan function: *sql.Row and *sql.Rows.
// It is an alias, so a scan function written for the bare interface (one
// that serves QueryRowContext too) passes to QueryAll as it is.
type Scanner = interface{ Scan(dest ...any) error }

// QueryAll runs a query and scans every row with scan, so a repository
// writes its row mapping once and lists come for free. It is the checked
// way to read rows: they are always closed, and an error that ends the
// rows early (a cancelled context, a failure on the server half-way)
// comes back from rows.Err instead of passing for a short list. No row
// gives a nil slice and no error.
func QueryAll[T any](ctx context.Context, q Querier, scan func(Scanner) (T, error), query string,
	args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return Collect(rows, scan)
}

// Collect is QueryAll for rows already queried: it scans every row with
// scan, closes the rows and reports rows.Err. It serves a function that
// is handed its rows by callers with different queries.
func Collect[T any](rows *sql.Rows, scan func(Scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}

		out = append(out, v)
	}

	if err := rows.Err(); err != nil {
		return nil, err
	}

	return out, nil
}

// ScanInt64 scans a row of one integer column, such as a list of ids.
func ScanInt64(sc Scanner) (int64, error) {
	var n int64
	err := sc.Scan(&n)
	return n, err
}

// ScanString scans a row of one text column.
func ScanString(sc Scanner) (string, error) {
	var s string
	err := sc.Scan(&s)
	return s, err
}
