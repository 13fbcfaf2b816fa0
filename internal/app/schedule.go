package app

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// scheduleEvery is how often the site looks for articles whose publication
// or withdrawal time has just passed.
const scheduleEvery = time.Second

// scheduleCounter remembers, in the counters table, up to when scheduled
// times have been handled, so that with several nodes each moment is
// handled once, by whichever node holds the lock.
const scheduleCounter = "schedule_checked_at"

// PublishScheduled handles articles whose publish_at or unpublish_at fell
// between the last check and now. Visibility itself is decided when a page
// is read (content.visibleSQL), so nothing is rewritten; what needs doing
// is to record each scheduled publication once in the audit log and to
// tell every node's page cache that the site changed. It reports how many
// articles crossed their time.
func PublishScheduled(ctx context.Context, db *store.DB, siteID int64, now time.Time) (int, error) {
	if err := site.Check(siteID, "publish scheduled articles"); err != nil {
		return 0, err
	}

	n := 0
	_, err := db.Exclusive(ctx, "schedule", func(tx store.Tx) error {
		last, found, err := readCounter(ctx, tx, siteID, scheduleCounter)
		if err != nil {
			return err
		}
		if !found {
			// First run: what was scheduled before now is already visible;
			// start counting from here.
			return writeCounter(ctx, tx, siteID, scheduleCounter, now.Unix())
		}
		if now.Unix() <= last {
			return nil
		}

		// Two ranges, each on its own index, rather than one OR that
		// would read every published article each second.
		type crossed struct {
			id     int64
			action string
		}

		// An article published at once has publish_at = updated_at: it
		// was no one's schedule, even when this check runs behind the
		// clock and finds it in the range.
		list, err := store.QueryAll(ctx, tx, func(sc store.Scanner) (crossed, error) {
			var c crossed
			return c, sc.Scan(&c.id, &c.action)
		}, `SELECT id, 'scheduled_publish' FROM articles
			WHERE site_id = $1 AND status = 'published' AND publish_at > $2 AND publish_at <= $3
				AND publish_at > updated_at
			UNION ALL
			SELECT id, 'scheduled_unpublish' FROM articles
			WHERE site_id = $1 AND status = 'published' AND unpublish_at > $2 AND unpublish_at <= $3`,
			siteID, last, now.Unix())
		if err != nil {
			return err
		}

		for _, c := range list {
			_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (site_id, action, object_type, object_id, detail, at)
				VALUES ($1, $2, 'article', $3, '', $4)`, siteID, c.action, c.id, now.Unix())
			if err != nil {
				return err
			}
		}

		n = len(list)
		return writeCounter(ctx, tx, siteID, scheduleCounter, now.Unix())
	})
	if err != nil {
		return 0, fmt.Errorf("scheduled articles: %w", err)
	}

	return n, nil
}

// scheduleLoop runs PublishScheduled every scheduleEvery and announces a
// change when an article crossed its time.
func (a *App) scheduleLoop(ctx context.Context) {
	t := time.NewTicker(scheduleEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			n, err := PublishScheduled(ctx, a.DB, a.Site.ID, now)
			if err != nil {
				if ctx.Err() == nil {
					a.Log.Warn("scheduled articles", "err", err)
				}
				continue
			}

			if n > 0 {
				a.Log.Info("scheduled articles crossed their time", "count", n)
				a.Changes.Changed(ctx)
			}
		}
	}
}
