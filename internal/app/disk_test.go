package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fillDisk writes a file in dir until the file system refuses, and
// returns it: removing it frees the space again.
func fillDisk(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	block := make([]byte, 64<<10)
	for {
		if _, err := f.Write(block); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("fill the disk: %v", err)
			}
			break
		}
	}
	for { // the last bytes, in small writes
		if _, err := f.Write(block[:512]); err != nil {
			break
		}
	}
	return path
}

// TestFullDisk runs the site from a small tmpfs and fills it: reads go
// on, a vote is refused with a page that says why (never a 500), /readyz
// names the disk, and once space is freed votes are taken again.
func TestFullDisk(t *testing.T) {
	dir := mountTmpfs(t, "16m")
	a, srv := startSite(t, "--demo", "--data", dir, "--ready-min-free-mb", "1")
	target, form := voteForm(t, a.DB)

	t.Run("before the disk is full the site is ready", func(t *testing.T) {
		if got := fetch(t, "GET", srv.URL+"/readyz", ""); got.status != 200 {
			t.Fatalf("/readyz: %d %s", got.status, got.body)
		}
	})

	// Nothing left in the WAL to be reused: the next write must grow a file.
	if _, err := a.DB.ExecContext(context.Background(), `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	filler := fillDisk(t, dir)

	t.Run("on a full disk reads are served", func(t *testing.T) {
		for _, path := range []string{referencePath, "/", "/trang/gioi-thieu"} {
			if got := fetch(t, "GET", srv.URL+path, ""); got.status != 200 {
				t.Errorf("%s: %d", path, got.status)
			}
		}
	})

	t.Run("on a full disk a vote is refused with a page that says why", func(t *testing.T) {
		got := fetch(t, "POST", srv.URL+target, form)
		if got.status != 503 || got.retryAfter == "" || !strings.Contains(got.body, "hết dung lượng") {
			t.Errorf("vote: %d, Retry-After %q, body %.400q", got.status, got.retryAfter, got.body)
		}
	})

	t.Run("on a full disk /readyz names the disk", func(t *testing.T) {
		got := fetch(t, "GET", srv.URL+"/readyz", "")
		if got.status != 503 || !strings.Contains(got.body, `"database":"ok"`) || strings.Contains(got.body, `"disk":"ok"`) {
			t.Errorf("/readyz: %d %s", got.status, got.body)
		}
	})

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}

	t.Run("once space is freed votes are taken and the site is ready", func(t *testing.T) {
		if got := fetch(t, "POST", srv.URL+target, form); got.status != 303 {
			t.Errorf("vote: %d %.300q", got.status, got.body)
		}
		if got := fetch(t, "GET", srv.URL+"/readyz", ""); got.status != 200 {
			t.Errorf("/readyz: %d %s", got.status, got.body)
		}
	})
}
