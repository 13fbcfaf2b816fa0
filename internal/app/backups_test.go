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
