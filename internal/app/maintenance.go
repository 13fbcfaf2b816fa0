package app

import (
	"context"
	"time"

	"github.com/congtin/congtin/internal/store"
)

// maintenanceEvery is how often old rows are purged.
const maintenanceEvery = 10 * time.Minute

// loginFailureMemory is how long failed logins are kept: far longer than
// any lock-out window, short enough that a password-guessing run does not
// grow the table without bound.
const loginFailureMemory = 24 * time.Hour

// Maintain purges rows that have served their purpose: failed logins
// older than a day and sessions past their absolute expiry. With several
// nodes on one PostgreSQL database only one of them does it each round.
func Maintain(ctx context.Context, db *store.DB, now time.Time) (ran bool, err error) {
	return db.Exclusive(ctx, "maintenance", func(tx store.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM login_failures WHERE at < $1`, now.Add(-loginFailureMemory).Unix())
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < $1`, now.Unix())
		return err
	})
}

// maintainLoop runs Maintain every maintenanceEvery until ctx ends.
func (a *App) maintainLoop(ctx context.Context) {
	t := time.NewTicker(maintenanceEvery)
	defer t.Stop()
	for {
		if _, err := Maintain(ctx, a.DB, time.Now()); err != nil && ctx.Err() == nil {
			a.Log.Warn("maintenance", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
