package main

import (
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// runProgram runs the program with args and returns what it printed.
func runProgram(t *testing.T, bin string, args ...string) string {
	t.Helper()
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("congtin %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// sameSite compares two archives table by table and file by file.
func sameSite(t *testing.T, a, b store.Manifest) {
	t.Helper()
	tables := map[string]store.ArchivedTable{}
	for _, at := range b.Tables {
		tables[at.Name] = at
	}
	for _, at := range a.Tables {
		bt, ok := tables[at.Name]
		switch {
		case !ok:
			t.Errorf("%s is not in the restored site", at.Name)
		case bt.Rows != at.Rows:
			t.Errorf("%s: %d rows archived, %d restored", at.Name, at.Rows, bt.Rows)
		case slices.Equal(at.Columns, bt.Columns) && at.RowsSHA256 != bt.RowsSHA256:
			t.Errorf("%s: rows differ after the restore", at.Name)
		}
	}
	if len(a.Blobs) != len(b.Blobs) {
		t.Errorf("%d files archived, %d restored", len(a.Blobs), len(b.Blobs))
	}
	for i := range min(len(a.Blobs), len(b.Blobs)) {
		if !slices.ContainsFunc(b.Blobs, func(x store.ArchivedBlob) bool { return x == a.Blobs[i] }) {
			t.Errorf("file %s not restored", a.Blobs[i].SHA256)
		}
	}
}

// A backup taken while visitors vote is restored into a new folder or
// database, a backup of the restored site holds the same rows and files,
// and the restored site serves.
func TestABackupUnderLoadRestoresToTheSameSite(t *testing.T) {
	bin := binary(t)
	databases(t, func(t *testing.T, dbFlags []string, dsn string) {
		s := startServer(t, bin, append([]string{"--demo"}, dbFlags...)...)
		_, page := fetch(t, browser(), "GET", s.base+"/", chrome, nil)
		m := regexp.MustCompile(`action="/binh-chon/(\d+)"[\s\S]*?name="option" value="(\d+)"`).FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no poll form on the home page")
		}

		var acknowledged atomic.Int64
		var lastRefusal atomic.Int64
		enough := make(chan struct{})
		var enoughOnce sync.Once
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for range 4 {
			wg.Go(func() {
				for {
					select {
					case <-stop:
						return
					default:
					}
					c := browser()
					fetch(t, c, "GET", s.base+"/", chrome, nil)
					code, _ := fetch(t, c, "POST", s.base+"/binh-chon/"+m[1], chrome, url.Values{"option": {m[2]}})
					if code != http.StatusSeeOther {
						lastRefusal.Store(int64(code))
					} else if acknowledged.Add(1) >= 20 {
						enoughOnce.Do(func() { close(enough) })
					}
					fetch(t, browser(), "GET", s.base+referencePath, chrome, nil)
				}
			})
		}
		// Generous, as startServer is: only a hung server takes this long.
		select {
		case <-enough:
		case <-time.After(3 * time.Minute):
			close(stop)
			wg.Wait()
			t.Fatalf("%d votes acknowledged; the last refused with %d", acknowledged.Load(), lastRefusal.Load())
		}
		before := acknowledged.Load()
		archive := filepath.Join(t.TempDir(), "site.tar")
		runProgram(t, bin, append([]string{"backup", "--out", archive}, dbFlags...)...)
		close(stop)
		wg.Wait()
		s.stop(t, syscall.SIGTERM)

		a, err := store.OpenArchive(archive)
		if err != nil {
			t.Fatal(err)
		}
		for _, at := range a.Manifest.Tables {
			if at.Name == "poll_votes" && at.Rows < before {
				t.Errorf("%d votes in the archive, %d acknowledged before it began", at.Rows, before)
			}
		}
		t.Logf("%d votes acknowledged before the backup, %d in all", before, acknowledged.Load())

		for _, to := range []string{"sqlite", "postgres"} {
			t.Run("into "+to, func(t *testing.T) {
				flags := []string{"--data", t.TempDir()}
				if to == "postgres" {
					flags = []string{"--database", storetest.EmptyPostgresDatabase(t)}
				}
				out := runProgram(t, bin, append([]string{"restore", archive}, flags...)...)
				if !strings.Contains(out, "every checksum matched") {
					t.Errorf("restore said:\n%s", out)
				}
				again := filepath.Join(t.TempDir(), "again.tar")
				runProgram(t, bin, append([]string{"backup", "--out", again}, flags...)...)
				b, err := store.OpenArchive(again)
				if err != nil {
					t.Fatal(err)
				}
				sameSite(t, a.Manifest, b.Manifest)

				restored := startServer(t, bin, flags...)
				if code, body := fetch(t, browser(), "GET", restored.base+referencePath, "curl/8.5.0", nil); code != 200 ||
					!strings.Contains(body, "Chỉ thị 03") {
					t.Errorf("restored site answers %d for the reference article", code)
				}
				restored.stop(t, syscall.SIGTERM)
			})
		}
	})
}
