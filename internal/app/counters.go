package app

import (
	"context"
	"database/sql"
	"errors"

	"github.com/congtin/congtin/internal/store"
)

// The scheduled jobs keep their state in the counters table: up to when
// scheduled times were handled, who claimed a backup and when the last
// one was taken. These read and set one such value, plainly, unlike the
// visit counts, which are added to.

func readCounter(ctx context.Context, q store.Querier, siteID int64, name string) (int64, bool, error) {
	var v int64
	err := q.QueryRowContext(ctx, `SELECT value FROM counters WHERE site_id = $1 AND name = $2`, siteID, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return v, err == nil, err
}

func writeCounter(ctx context.Context, q store.Querier, siteID int64, name string, v int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO counters (site_id, name, value) VALUES ($1, $2, $3)
		ON CONFLICT (site_id, name) DO UPDATE SET value = excluded.value`, siteID, name, v)
	return err
}
