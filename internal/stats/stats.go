// Package stats reads and keeps the visitor counters shown on every page:
// "Số lượt truy cập" (visits, continuing from the figure carried over from
// the old site) and "Đang trực tuyến" (visitors seen recently).
package stats

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
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
func ReadTotals(
	ctx context.Context,
	q store.Querier,
	siteID int64,
	now time.Time,
	window time.Duration,
) (Totals, error) {
	var t Totals
	err := q.QueryRowContext(ctx, `SELECT value FROM counters WHERE site_id = $1 AND name = $2`,
		siteID, CounterVisits).Scan(&t.Visits)
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

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// Periods are the visits of the current calendar periods in Vietnam's time
// zone, read from the hourly rows (Vietnam's offset is whole hours, so
// hours never straddle its midnight).
type Periods struct {
	Today, Yesterday, Week, Month int64
}

// Period names, as listed in the counter_rows setting.
const (
	PeriodToday     = "today"
	PeriodYesterday = "yesterday"
	PeriodWeek      = "week"
	PeriodMonth     = "month"
)

// KeyCounterRows is the setting that lists, comma-separated, which period
// rows the counter block shows; absent means all four, empty means none.
const KeyCounterRows = "counter_rows"

// DefaultCounterRows is shown when the setting is absent.
var DefaultCounterRows = []string{PeriodToday, PeriodYesterday, PeriodWeek, PeriodMonth}

// Get returns the figure of a named period.
func (p Periods) Get(name string) (int64, bool) {
	switch name {
	case PeriodToday:
		return p.Today, true
	case PeriodYesterday:
		return p.Yesterday, true
	case PeriodWeek:
		return p.Week, true
	case PeriodMonth:
		return p.Month, true
	}
	return 0, false
}

// ReadPeriods sums the visits of today, yesterday, this week (from Monday)
// and this month, as days are in loc.
func ReadPeriods(
	ctx context.Context,
	q store.Querier,
	siteID int64,
	now time.Time,
	loc *time.Location,
) (Periods, error) {
	t := now.In(loc)
	today := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
	yesterday := today.AddDate(0, 0, -1)
	week := today.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	month := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
	from := min(yesterday.Unix(), week.Unix(), month.Unix())
	var p Periods
	err := q.QueryRowContext(ctx, `SELECT
		CAST(COALESCE(SUM(CASE WHEN hour >= $3 THEN visits ELSE 0 END), 0) AS BIGINT),
		CAST(COALESCE(SUM(CASE WHEN hour >= $4 AND hour < $3 THEN visits ELSE 0 END), 0) AS BIGINT),
		CAST(COALESCE(SUM(CASE WHEN hour >= $5 THEN visits ELSE 0 END), 0) AS BIGINT),
		CAST(COALESCE(SUM(CASE WHEN hour >= $6 THEN visits ELSE 0 END), 0) AS BIGINT)
		FROM stats_hourly WHERE site_id = $1 AND hour >= $2`,
		siteID, from, today.Unix(), yesterday.Unix(), week.Unix(), month.Unix()).
		Scan(&p.Today, &p.Yesterday, &p.Week, &p.Month)
	if err != nil {
		return Periods{}, fmt.Errorf("read periods: %w", err)
	}

	return p, nil
}

// CounterRows reads which period rows the counter block shows.
func CounterRows(ctx context.Context, q store.Querier, siteID int64) ([]string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE site_id = $1 AND key = $2`,
		siteID, KeyCounterRows).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return DefaultCounterRows, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", KeyCounterRows, err)
	}

	var rows []string
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if _, ok := (Periods{}).Get(f); ok {
			rows = append(rows, f)
		}
	}

	return rows, nil
}
