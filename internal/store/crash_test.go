package store_test

import (
	"archive/tar"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
)

// entrySpan is where the bytes of the first archive entry whose name
// starts with prefix lie in the file.
func entrySpan(t *testing.T, path, prefix string) (offset, size int64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := &counting{r: f}
	tr := tar.NewReader(cr)
	for {
		hdr, err := tr.Next()
		if err != nil {
			t.Fatalf("no entry %s* in %s: %v", prefix, path, err)
		}
		if strings.HasPrefix(hdr.Name, prefix) {
			return cr.n, hdr.Size
		}
		io.Copy(io.Discard, tr)
	}
}

type counting struct {
	r io.Reader
	n int64
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// crashedFolder reproduces the documented restore gone wrong: a site
// that was writing when it stopped leaves its -wal and -shm, and an older
// copy of the database is put in place beside them. It returns the folder
// and an archive of the site.
func crashedFolder(t *testing.T) (dir, archive string) {
	t.Helper()
	ctx := context.Background()
	dir = t.TempDir()
	path := store.SQLitePath(dir)
	live, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	if err := demo.Load(ctx, live, 1); err != nil {
		t.Fatal(err)
	}
	// Years of edits leave free pages in the live file, which VACUUM INTO
	// leaves out of its copy: the two files' pages no longer line up.
	for i := range 60 {
		blob := make([]byte, 16<<10)
		rand.Read(blob)
		if _, err := live.ExecContext(ctx, `INSERT INTO media_blobs (sha256, bytes) VALUES ($1, $2)`,
			fmt.Sprintf("churn%059d", i), blob); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := live.ExecContext(ctx, `DELETE FROM media_blobs WHERE sha256 LIKE 'churn%'`); err != nil {
		t.Fatal(err)
	}
	archive = filepath.Join(t.TempDir(), "site.tar")
	if _, err := store.BackupFile(ctx, live, archive); err != nil {
		t.Fatal(err)
	}
	// A running site checkpoints as it goes: its log holds only the
	// writes since the last checkpoint.
	if err := live.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(t.TempDir(), "old.db")
	if _, err := live.ExecContext(ctx, `VACUUM INTO $1`, old); err != nil {
		t.Fatal(err)
	}

	// More writes after the copy, still in the log when the process dies.
	if _, err := live.ExecContext(ctx, `PRAGMA wal_autocheckpoint = 0`); err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		blob := make([]byte, 16<<10)
		rand.Read(blob)
		if _, err := live.ExecContext(ctx, `INSERT INTO media_blobs (sha256, bytes) VALUES ($1, $2)`,
			fmt.Sprintf("late%060d", i), blob); err != nil {
			t.Fatal(err)
		}
		if _, err := live.ExecContext(ctx, `UPDATE articles SET body_html = body_html || $1`, strings.Repeat("x", 500)); err != nil {
			t.Fatal(err)
		}
	}
	stale := t.TempDir()
	for _, suffix := range []string{"-wal", "-shm"} {
		copyFile(t, path+suffix, filepath.Join(stale, "congtin.db"+suffix))
	}
	copyFile(t, old, filepath.Join(stale, "congtin.db"))
	return stale, archive
}

func TestAQuickCheckFindsADatabaseMixedWithACrashsLog(t *testing.T) {
	t.Parallel()
	dir, _ := crashedFolder(t)
	ctx := context.Background()
	db, err := store.Open(ctx, store.SQLitePath(dir))
	if err == nil {
		defer db.Close()
		_, err = store.QuickCheck(ctx, db)
	}
	if !store.IsCorrupt(err) {
		t.Fatalf("quick check of the mixed file = %v, want it found damaged", err)
	}
}

func TestARestoreLeavesNoStaleLogBesideTheDatabase(t *testing.T) {
	t.Parallel()
	dir, archive := crashedFolder(t)
	ctx := context.Background()
	a, err := store.OpenArchive(archive)
	if err != nil {
		t.Fatal(err)
	}
	path := store.SQLitePath(dir)
	if _, err := store.Restore(ctx, a, path, store.RestoreOptions{Force: true}); err != nil {
		t.Fatalf("restore: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "congtin.db" {
			t.Errorf("%s left in the data folder", e.Name())
		}
	}

	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if complete, err := store.QuickCheck(ctx, db); err != nil || !complete {
		t.Fatalf("quick check after restore: %v (complete %v)", err, complete)
	}
	var title string
	if err := db.QueryRowContext(ctx, `SELECT title FROM articles WHERE id = 1`).Scan(&title); err != nil ||
		title != demo.Reference.Title {
		t.Errorf("reference article after restore: %q, %v", title, err)
	}
}

func TestAQuickCheckCutShortIsNotADamagedFile(t *testing.T) {
	t.Parallel()
	db := demoSite(t, "sqlite")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	complete, err := store.QuickCheck(ctx, db)
	if err != nil || complete {
		t.Fatalf("quick check with no time left = %v, complete %v; want cut short, no error", err, complete)
	}
}

func TestADamagedPageIsFoundByTheQuickCheck(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	path := store.SQLitePath(t.TempDir())
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(ctx, db, 1); err != nil {
		t.Fatal(err)
	}
	db.Close()
	damagePages(t, path)

	db, err = store.Open(ctx, path)
	if err == nil {
		defer db.Close()
		_, err = store.QuickCheck(ctx, db)
	}
	if !store.IsCorrupt(err) || !errors.Is(err, store.ErrMalformed) && err == nil {
		t.Fatalf("quick check of a damaged file = %v, want it found damaged", err)
	}
}

// damagePages overwrites the middle of the file, as a failing disk does.
func damagePages(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) / 3; i < len(b)/3+8192; i++ {
		b[i] = 0xa5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// rewriteManifest writes a copy of the archive at from to to with its
// manifest changed by edit and its checksum made again, as an older
// congtin would have written it.
func rewriteManifest(t *testing.T, from, to string, edit func(m *store.Manifest)) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	tr, tw := tar.NewReader(in), tar.NewWriter(out)
	var manifest []byte
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(tr)
		switch hdr.Name {
		case "manifest.json":
			var m store.Manifest
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			edit(&m)
			b, _ = json.Marshal(m)
			manifest = b
		case "manifest.sha256":
			sum := sha256.Sum256(manifest)
			b = []byte(hex.EncodeToString(sum[:]) + "\n")
		}
		hdr.Size = int64(len(b))
		tw.WriteHeader(hdr)
		tw.Write(b)
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestAnArchiveFromAnOlderSchemaIsRestoredThenMigrated(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	src := demoSite(t, "sqlite")
	current := filepath.Join(t.TempDir(), "site.tar")
	if _, err := store.BackupFile(ctx, src, current); err != nil {
		t.Fatal(err)
	}
	var latest int
	if err := src.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&latest); err != nil {
		t.Fatal(err)
	}

	// A site of an older congtin: its schema stops at migration 4, and it
	// has a category and an article.
	old, err := store.OpenAtMigration(ctx, filepath.Join(t.TempDir(), "old.db"), 4)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	for _, q := range []string{
		`INSERT INTO categories (id, site_id, slug, name, position, created_at, updated_at)
			VALUES (1, 1, 'tin-tuc', 'Tin tức', 1, 0, 0)`,
		`INSERT INTO articles (id, site_id, category_id, slug, title, status, created_at, updated_at)
			VALUES (7, 1, 1, 'bai-cu', 'Bài cũ', 'published', 0, 0)`,
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	older := filepath.Join(t.TempDir(), "older.tar")
	if _, err := store.BackupFile(ctx, old, older); err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(t.TempDir(), "newer.tar")
	rewriteManifest(t, current, newer, func(m *store.Manifest) { m.Migration = 99 })

	t.Run("older", func(t *testing.T) {
		a, err := store.OpenArchive(older)
		if err != nil {
			t.Fatal(err)
		}
		path := store.SQLitePath(t.TempDir())
		if _, err := store.Restore(ctx, a, path, store.RestoreOptions{}); err != nil {
			t.Fatalf("restore of an archive at migration 4: %v", err)
		}
		db, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var v int
		db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
		if v != latest {
			t.Errorf("restored site at migration %d, want %d", v, latest)
		}

		var title string
		if err := db.QueryRowContext(ctx, `SELECT title FROM articles WHERE id = 7`).Scan(&title); err != nil ||
			title != "Bài cũ" {
			t.Errorf("the older site's article after restore: %q, %v", title, err)
		}
	})
	t.Run("newer is refused", func(t *testing.T) {
		a, err := store.OpenArchive(newer)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := store.Restore(ctx, a, store.SQLitePath(t.TempDir()), store.RestoreOptions{}); err == nil {
			t.Fatal("an archive from a newer congtin was restored")
		}
	})
}
