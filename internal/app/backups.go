package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync/atomic"
	"time"

	"github.com/congtin/congtin/internal/store"
)

// Backups writes the scheduled archives of the site into one folder,
// keeps the newest few, and knows when the last good one was taken: the
// newsroom dashboard shows it, and metrics can read it.
type Backups struct {
	dir      string
	keep     int
	interval time.Duration
	last     atomic.Int64 // when the newest whole archive was taken, Unix seconds; 0: none

	// db and siteID, when set (ShareThrough), share the schedule with the
	// other nodes of one database.
	db     *store.DB
	siteID int64
}

// NewBackups looks in the backup folder for the archives already there,
// written by earlier runs or by `congtin backup`.
func NewBackups(cfg Config) *Backups {
	b := &Backups{dir: cfg.BackupFolder(), keep: cfg.BackupKeep, interval: cfg.BackupInterval}
	if b.keep < 1 {
		b.keep = 1
	}
	if names, err := b.archives(); err == nil && len(names) > 0 {
		b.last.Store(takenAt(names[len(names)-1]).Unix())
	}
	return b
}

// Interval is how often a backup is taken; 0 when never.
func (b *Backups) Interval() time.Duration { return b.interval }

// LastGood is when the newest whole archive was taken, by this node or,
// with a shared schedule, any node; false when there is none.
func (b *Backups) LastGood() (time.Time, bool) {
	shared, sharedOK := b.sharedLastGood()

	sec := b.last.Load()
	if sec == 0 {
		return shared, sharedOK
	}
	local := time.Unix(sec, 0).UTC()
	if sharedOK && shared.After(local) {
		return shared, true
	}
	return local, true
}

// Age is how old the last good backup is at now, false when there is none.
func (b *Backups) Age(now time.Time) (time.Duration, bool) {
	at, ok := b.LastGood()
	if !ok {
		return 0, false
	}
	return now.Sub(at), true
}

// Take writes a new archive, then removes the oldest beyond the number to
// keep. A failed backup removes nothing: the last good archive stays.
func (b *Backups) Take(ctx context.Context, db *store.DB, now time.Time) (string, error) {
	path := filepath.Join(b.dir, store.BackupName(now))
	if _, err := store.BackupFile(ctx, db, path); err != nil {
		return "", err
	}
	b.last.Store(now.Unix())
	return path, b.prune()
}

// prune removes the archives beyond the newest b.keep.
func (b *Backups) prune() error {
	names, err := b.archives()
	if err != nil {
		return err
	}
	var errs []error
	for len(names) > b.keep {
		if err := os.Remove(filepath.Join(b.dir, names[0])); err != nil {
			errs = append(errs, err)
		}
		names = names[1:]
	}
	return errors.Join(errs...)
}

// archives lists the whole archives in the folder, oldest first; the
// temporary files of a backup being written are not among them.
func (b *Backups) archives() ([]string, error) {
	entries, err := os.ReadDir(b.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read backup folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && store.IsBackupName(e.Name()) {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names, nil
}

// Newest is the path of the newest whole archive, "" when there is none.
func (b *Backups) Newest() string {
	names, err := b.archives()
	if err != nil || len(names) == 0 {
		return ""
	}
	return filepath.Join(b.dir, names[len(names)-1])
}

func takenAt(name string) time.Time {
	t, _ := time.Parse("congtin-20060102-150405.tar", name)
	return t
}

// backupLoop takes a backup every interval until ctx ends.
func (a *App) backupLoop(ctx context.Context) {
	if a.Backups.interval <= 0 {
		return
	}
	t := time.NewTicker(a.Backups.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			mine, err := a.Backups.claim(ctx, now)
			if err != nil && ctx.Err() == nil {
				a.Log.Warn("scheduled backup: could not agree with the other nodes who takes it", "err", err)
			}
			if !mine {
				continue
			}

			start := time.Now()
			path, err := a.Backups.Take(ctx, a.DB, now)
			if err == nil || path != "" {
				if err := a.Backups.recordTaken(ctx, now); err != nil {
					a.Log.Warn("scheduled backup: the other nodes were not told of it", "err", err)
				}
			}
			switch {
			case err != nil && path == "" && ctx.Err() == nil:
				a.Log.Error("scheduled backup failed; the last good one is kept", "err", err)
			case err != nil && path != "":
				a.Log.Warn("backup written, but an old one could not be removed", "path", path, "err", err)
			case err == nil:
				a.Log.Info("backup written", "path", path, "took", time.Since(start).Round(time.Millisecond))
			}
		}
	}
}
