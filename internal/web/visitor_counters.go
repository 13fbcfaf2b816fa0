package web

import (
	"context"
	"time"

	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/vn"
)

// counterRow is one line of the counter block below the two totals.
type counterRow struct {
	Label string
	Value int64
}

// counterRows reads the period figures the site chose to show. Like the
// totals they come from the database, so they lag the live counts by up
// to one flush interval (stats.DefaultFlushEvery).
func (s *Server) counterRows(ctx context.Context, now time.Time) ([]counterRow, error) {
	names, err := stats.CounterRows(ctx, s.db, s.cfg.SiteID)
	if err != nil || len(names) == 0 {
		return nil, err
	}

	p, err := stats.ReadPeriods(ctx, s.db, s.cfg.SiteID, now, vn.Location)
	if err != nil {
		return nil, err
	}

	rows := make([]counterRow, 0, len(names))
	for _, n := range names {
		v, _ := p.Get(n)
		rows = append(rows, counterRow{Label: s.text.T("stats." + n), Value: v})
	}

	return rows, nil
}
