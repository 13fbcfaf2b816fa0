package app

import (
	"context"
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/store"
)

// makeSite creates the demo site in dir and closes it, as a previous run
// of the server would have left it.
func makeSite(t *testing.T, dir string) {
	t.Helper()
	cfg, err := ParseServeConfig([]string{"--demo", "--data", dir}, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(context.Background(), cfg, NewLogger("text", io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
}

// checkReadOnlySite holds what a site served read-only must do: the
// public site reads, votes and newsroom writes are refused with a page
// that says the site is read-only, and the site is ready.
func checkReadOnlySite(t *testing.T, a *App, base string) {
	t.Helper()
	if !a.DB.ReadOnly() {
		t.Fatal("the database was not opened read-only")
	}

	t.Run("the public site serves", func(t *testing.T) {
		for _, path := range []string{referencePath, "/", "/trang/gioi-thieu", "/tim-kiem?q=chi+thi"} {
			if got := fetch(t, "GET", base+path, ""); got.status != 200 {
				t.Errorf("%s: %d", path, got.status)
			}
		}
	})

	t.Run("a vote is refused with the read-only page", func(t *testing.T) {
		target, form := voteForm(t, a.DB)
		got := fetch(t, "POST", base+target, form)
		if got.status != 503 || got.retryAfter == "" || !strings.Contains(got.body, "chế độ chỉ đọc") {
			t.Errorf("vote: %d, Retry-After %q, body %.400q", got.status, got.retryAfter, got.body)
		}
	})

	t.Run("signing in to the newsroom is refused with the read-only page", func(t *testing.T) {
		form := url.Values{"username": {"admin"}, "password": {"wrong password"}}.Encode()
		got := fetch(t, "POST", base+"/quan-tri/dang-nhap", form)
		if got.status != 503 || !strings.Contains(got.body, "chế độ chỉ đọc") {
			t.Errorf("login: %d, body %.400q", got.status, got.body)
		}
	})

	t.Run("the newsroom says it is read-only", func(t *testing.T) {
		got := fetch(t, "GET", base+"/quan-tri/dang-nhap", "")
		if got.status != 200 || !strings.Contains(got.body, "chế độ chỉ đọc") {
			t.Errorf("login page: %d, body %.400q", got.status, got.body)
		}
	})

	t.Run("the site is ready", func(t *testing.T) {
		got := fetch(t, "GET", base+"/readyz", "")
		if got.status != 200 || !strings.Contains(got.body, `"disk":"read-only"`) {
			t.Errorf("/readyz: %d %s", got.status, got.body)
		}
	})
}

// TestReadOnlyDataFolderServesReadOnly mounts the data folder read-only,
// as an operator protecting a site might, or as the kernel does after a
// disk error: the server starts and serves read-only instead of stopping.
// The mount is what root (CI) cannot write either, unlike a chmod.
func TestReadOnlyDataFolderServesReadOnly(t *testing.T) {
	dir := mountTmpfs(t, "32m")
	makeSite(t, dir)
	remount(t, dir, "ro")

	a, srv := startSite(t, "--data", dir)
	checkReadOnlySite(t, a, srv.URL)
}

// TestReadOnlyFlagServesReadOnly asks for read-only with the flag, on a
// folder that could be written, which needs no root.
func TestReadOnlyFlagServesReadOnly(t *testing.T) {
	dir := t.TempDir()
	makeSite(t, dir)

	a, srv := startSite(t, "--data", dir, "--read-only")
	checkReadOnlySite(t, a, srv.URL)
}

// TestReadOnlyDatabaseNeedingMigrationIsRefused: a read-only database
// cannot be migrated, and serving it unmigrated would fail later; the
// start is refused with what to do.
func TestReadOnlyDatabaseNeedingMigrationIsRefused(t *testing.T) {
	dir := t.TempDir()
	makeSite(t, dir)
	db, err := store.Open(context.Background(), store.SQLitePath(dir))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(context.Background(),
		`DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	cfg, err := ParseServeConfig([]string{"--data", dir, "--read-only"}, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(context.Background(), cfg, NewLogger("text", io.Discard))
	if err == nil || !strings.Contains(err.Error(), "read-only and needs migrations") {
		t.Errorf("start: %v", err)
	}
}
