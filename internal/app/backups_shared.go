package app

import (
	"context"
	"time"

	"github.com/congtin/congtin/internal/store"
)

// Counters that make the scheduled backups of several nodes on one
// PostgreSQL database one schedule: who claimed the current interval,
// and when the last good archive was taken, by any node.
const (
	backupClaimedCounter = "backup_claimed_at"
	backupTakenCounter   = "backup_taken_at"
)

// ShareThrough makes b's schedule the site's rather than this node's:
// each interval one node takes the archive (into its own folder), and
// every node's LastGood knows of it, so the dashboard and the metrics of
// each node say when the site was last backed up.
func (b *Backups) ShareThrough(db *store.DB, siteID int64) {
	b.db, b.siteID = db, siteID
}

// claim reports whether this node takes the backup due at now: the first
// to ask in an interval does, the others leave it. Without a shared
// database every interval is this node's.
func (b *Backups) claim(ctx context.Context, now time.Time) (bool, error) {
	if b.db == nil {
		return true, nil
	}

	claimed := false
	ran, err := b.db.Exclusive(ctx, "backup", func(tx store.Tx) error {
		last, found, err := readCounter(ctx, tx, b.siteID, backupClaimedCounter)
		if err != nil {
			return err
		}
		// Half an interval: ticks of different nodes never line up, and a
		// node that started late must not take a second archive.
		if found && now.Unix()-last < int64(b.interval/2/time.Second) {
			return nil
		}

		claimed = true
		return writeCounter(ctx, tx, b.siteID, backupClaimedCounter, now.Unix())
	})
	return ran && claimed, err
}

// recordTaken tells the other nodes that a good archive was taken at now.
func (b *Backups) recordTaken(ctx context.Context, now time.Time) error {
	if b.db == nil {
		return nil
	}
	return writeCounter(ctx, b.db, b.siteID, backupTakenCounter, now.Unix())
}

// sharedLastGood is when any node last took a good archive, false when
// none did or the database does not say.
func (b *Backups) sharedLastGood() (time.Time, bool) {
	if b.db == nil {
		return time.Time{}, false
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	sec, found, err := readCounter(ctx, b.db, b.siteID, backupTakenCounter)
	if err != nil || !found {
		return time.Time{}, false
	}
	return time.Unix(sec, 0).UTC(), true
}
