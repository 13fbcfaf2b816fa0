package store_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/congtin/congtin/internal/store"
)

// An archive entry claims a size in its header; the reader must believe
// only the bytes the file holds, so a header cannot make it allocate or
// read without bound.
func TestAnArchiveHeaderCannotClaimWhatTheFileDoesNotHold(t *testing.T) {
	whole := tarOf(t, smallArchive(t))
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"a stored file claiming 10 GB", append(oversizedHeader(t, "blobs/x", 10<<30), whole...)},
		{"a manifest claiming 10 GB", append(oversizedHeader(t, "manifest.json", 10<<30), whole...)},
		// Its holes are bytes a reader makes up: 1 TB of them from a file
		// of 1.5 KB would be read and hashed for minutes or hours.
		{"a sparse file of 1 TB held in no bytes", sparseEntry(t, "blobs/x", 1<<40)},
		{"a sparse file in an archive otherwise whole", append(sparseEntry(t, "blobs/y", 1<<40)[:512], whole...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "site.tar")
			if err := os.WriteFile(path, c.data, 0o600); err != nil {
				t.Fatal(err)
			}

			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := store.OpenArchive(path)
			runtime.ReadMemStats(&after)

			if !errors.Is(err, store.ErrArchiveDamaged) {
				t.Fatalf("OpenArchive = %v, want a refusal naming the damage", err)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
				t.Errorf("reading a %d-byte archive allocated %d bytes", len(c.data), n)
			}
		})
	}
}

// Backup writes regular files only; a sparse entry, whose bytes do not lie
// at one place in the file for a restore to read, is refused even when its
// checksum is the manifest's.
func TestAnArchiveWithASparseEntryIsRefused(t *testing.T) {
	t.Parallel()
	hole := make([]byte, 4096)
	entries := archiveHolding(t, hole)
	before := tarOf(t, entries[:1])
	withSparse := append(before[:len(before)-1024], sparseEntry(t, entries[1].name, int64(len(hole)))[:512]...)
	withSparse = append(withSparse, tarOf(t, entries[2:])...)
	path := filepath.Join(t.TempDir(), "site.tar")
	if err := os.WriteFile(path, withSparse, 0o600); err != nil {
		t.Fatal(err)
	}

	if _, err := store.OpenArchive(path); !errors.Is(err, store.ErrArchiveDamaged) {
		t.Fatalf("OpenArchive = %v, want a refusal naming the damage", err)
	}
}
