package app

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// archivesIn lists the files of the backup folder.
func archivesIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestScheduledBackupsKeepTheNewestAndNeverLoseTheLastGoodOne(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	start := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	at := func(day int) time.Time { return start.AddDate(0, 0, day) }

	t.Run("only the newest are kept", func(t *testing.T) {
		t.Parallel()
		db := storetest.SQLite(t)
		dir := t.TempDir()
		b := NewBackups(Config{BackupDir: dir, BackupKeep: 2, BackupInterval: 24 * time.Hour})
		if _, ok := b.LastGood(); ok {
			t.Error("an empty folder has a last good backup")
		}
		for day := range 4 {
			if _, err := b.Take(ctx, db, at(day)); err != nil {
				t.Fatalf("day %d: %v", day, err)
			}
		}
		want := []string{store.BackupName(at(2)), store.BackupName(at(3))}
		if got := archivesIn(t, dir); !slices.Equal(got, want) {
			t.Errorf("folder holds %v, want %v", got, want)
		}
		if last, ok := b.LastGood(); !ok || !last.Equal(at(3)) {
			t.Errorf("last good backup %v, want %v", last, at(3))
		}
		again := NewBackups(Config{BackupDir: dir, BackupKeep: 2})
		if last, ok := again.LastGood(); !ok || !last.Equal(at(3)) {
			t.Errorf("after a restart the last good backup is %v, want %v", last, at(3))
		}
	})

	t.Run("a failed backup removes nothing", func(t *testing.T) {
		t.Parallel()
		db := storetest.SQLite(t)
		dir := t.TempDir()
		b := NewBackups(Config{BackupDir: dir, BackupKeep: 1, BackupInterval: 24 * time.Hour})
		if _, err := b.Take(ctx, db, at(0)); err != nil {
			t.Fatal(err)
		}
		db.Close() // the next backup cannot read the site
		if _, err := b.Take(ctx, db, at(1)); err == nil {
			t.Fatal("a backup of a closed database succeeded")
		}
		if got, want := archivesIn(t, dir), []string{store.BackupName(at(0))}; !slices.Equal(got, want) {
			t.Errorf("after a failed backup the folder holds %v, want %v", got, want)
		}
		if last, ok := b.LastGood(); !ok || !last.Equal(at(0)) {
			t.Errorf("last good backup %v, want %v", last, at(0))
		}
		if _, err := store.OpenArchive(dir + "/" + store.BackupName(at(0))); err != nil {
			t.Errorf("the kept backup does not read: %v", err)
		}
	})
}

// Nodes sharing one database take one archive per interval between them,
// and each knows when the site was last backed up.
func TestScheduledBackupsAreTakenOnceForSeveralNodes(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		start := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
		day := 24 * time.Hour

		nodes := make([]*Backups, 3)
		dirs := make([]string, 3)
		for i := range nodes {
			dirs[i] = t.TempDir()
			nodes[i] = NewBackups(Config{BackupDir: dirs[i], BackupKeep: 7, BackupInterval: day})
			nodes[i].ShareThrough(db, 1)
		}

		for d := range 3 {
			taken := 0
			for i, n := range nodes {
				// The ticks of the nodes fall a few seconds apart.
				now := start.Add(time.Duration(d)*day + time.Duration(i)*7*time.Second)
				mine, err := n.claim(ctx, now)
				if err != nil {
					t.Fatal(err)
				}
				if !mine {
					continue
				}

				taken++
				if _, err := n.Take(ctx, db, now); err != nil {
					t.Fatal(err)
				}
				if err := n.recordTaken(ctx, now); err != nil {
					t.Fatal(err)
				}
			}
			if taken != 1 {
				t.Errorf("day %d: %d nodes took the backup, want one", d, taken)
			}
		}

		total := 0
		for _, dir := range dirs {
			total += len(archivesIn(t, dir))
		}
		if total != 3 {
			t.Errorf("%d archives over the three folders after three days, want 3", total)
		}
		for i, n := range nodes {
			last, ok := n.LastGood()
			if want := start.Add(2 * day); !ok || last.Before(want) {
				t.Errorf("node %d: last good backup %v, want %v or later", i, last, want)
			}
		}
	})
}
