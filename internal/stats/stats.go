// Package stats reads and keeps the visitor counters shown on every page:
// "Số lượt truy cập" (visits, continuing from the figure carried over from
// the old site) and "Đang trực tuyến" (visitors seen recently).
package stats

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/congtin/congtin/internal/store"
)

// Counter names in the counters table.
const CounterVisits = "visits"

// DefaultOnlineWindow is how recently a visitor must have been seen to
// count as online: Joomla's default session lifetime, which the
// department's staff are used to reading.
const DefaultOnlineWindow = 15 * time.Minute

// Totals are the figures of the counter block.
type Totals struct {
	Visits int64 // counted here, without the carried-over offset
	Online int64
}

// ReadTotals reads the counters as stored.
func ReadTotals(ctx context.Context, q store.Querier, siteID int64, now time.Time, window time.Duration) (Totals, error) {
	var t Totals
	err := q.QueryRowContext(ctx, `SELECT value FROM counters WHERE site_id = $1 AND name = $2`, siteID, CounterVisits).Scan(&t.Visits)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return Totals{}, fmt.Errorf("read visits: %w", err)
	}
	err = q.QueryRowContext(ctx, `SELECT count(*) FROM online_visitors WHERE site_id = $1 AND last_seen > $2`,
		siteID, now.Add(-window).Unix()).Scan(&t.Online)
	if err != nil {
		return Totals{}, fmt.Errorf("read online: %w", err)
	}
	return t, nil
}
