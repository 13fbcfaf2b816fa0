package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
)

// damagedPages overwrites the middle of the database file, as a failing
// disk does.
func damagedPages(t *testing.T, dir string) {
	path := store.SQLitePath(dir)
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

// staleLogBesideACopy is the documented restore after a crash: an older
// copy of the file put in place while the crashed process's -wal and
// -shm are still there.
func staleLogBesideACopy(t *testing.T, dir string) {
	ctx := context.Background()
	path := store.SQLitePath(dir)
	live, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	for i := range 60 {
		live.ExecContext(ctx, `INSERT INTO media_blobs (sha256, bytes) VALUES ($1, $2)`,
			fmt.Sprintf("churn%059d", i), make([]byte, 16<<10))
	}
	live.ExecContext(ctx, `DELETE FROM media_blobs WHERE sha256 LIKE 'churn%'`)
	if err := live.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(t.TempDir(), "old.db")
	if _, err := live.ExecContext(ctx, `VACUUM INTO $1`, old); err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		live.ExecContext(ctx, `INSERT INTO media_blobs (sha256, bytes) VALUES ($1, $2)`,
			fmt.Sprintf("late%060d", i), make([]byte, 16<<10))
		live.ExecContext(ctx, `UPDATE articles SET body_html = body_html || $1`, strings.Repeat("x", 500))
	}
	crashed := t.TempDir()
	for _, suffix := range []string{"-wal", "-shm"} {
		copyFile(t, path+suffix, store.SQLitePath(crashed)+suffix)
	}
	live.Close()
	copyFile(t, old, path)
	for _, suffix := range []string{"-wal", "-shm"} {
		copyFile(t, store.SQLitePath(crashed)+suffix, path+suffix)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestTheServerRefusesADamagedDatabaseAndSaysHowToRestore(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		damage func(t *testing.T, dir string)
	}{
		{"a page overwritten", damagedPages},
		{"an older copy beside a crash's -wal and -shm", staleLogBesideACopy},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			dir := t.TempDir()
			db, err := store.Open(ctx, store.SQLitePath(dir))
			if err != nil {
				t.Fatal(err)
			}
			if err := demo.Load(ctx, db, 1); err != nil {
				t.Fatal(err)
			}
			db.Close()
			backup := filepath.Join(dir, "backups", store.BackupName(time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)))
			os.MkdirAll(filepath.Dir(backup), 0o750)
			os.WriteFile(backup, nil, 0o600)
			c.damage(t, dir)

			cfg, err := ParseServeConfig([]string{"--data", dir}, func(string) string { return "" })
			if err != nil {
				t.Fatal(err)
			}
			a, err := New(ctx, cfg, NewLogger("text", io.Discard))
			if err == nil {
				a.Close()
				t.Fatal("the server started on a damaged database")
			}
			msg, ok := problem.Message(i18n.Default, err)
			want := "congtin restore " + backup + " --data " + dir + " --force"
			if !ok || !strings.Contains(msg, want) {
				t.Errorf("refusal says %q (%v), want the command %q", msg, err, want)
			}
		})
	}
}
