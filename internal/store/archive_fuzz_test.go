package store_test

import (
	"archive/tar"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
)

// archiveEntry is one entry of an archive a test writes by hand.
type archiveEntry struct {
	name string
	body []byte
}

// smallArchive is a whole archive of one table and one stored file, as
// Backup lays it out, with its manifest and the manifest's checksum last.
func smallArchive(t testing.TB) []archiveEntry {
	t.Helper()
	return archiveHolding(t, []byte("\x89PNG\r\n\x1a\n ảnh"))
}

// archiveHolding is smallArchive with blob as its stored file.
func archiveHolding(t testing.TB, blob []byte) []archiveEntry {
	t.Helper()
	rows := []byte(`["id","slug"]` + "\n" + `[1,"tin-tuc"]` + "\n")
	m := store.Manifest{
		Format:    store.ArchiveFormat,
		Migration: 1,
		Source:    "sqlite",
		CreatedAt: time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC),
		Tables: []store.ArchivedTable{{Name: "categories", File: "tables/categories.jsonl",
			Columns: []string{"id", "slug"}, Rows: 1, FileSHA256: hexSum(rows)}},
		Blobs: []store.ArchivedBlob{{SHA256: hexSum(blob), Size: int64(len(blob))}},
	}
	manifest, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return []archiveEntry{
		{"tables/categories.jsonl", rows},
		{"blobs/" + hexSum(blob), blob},
		{"manifest.json", manifest},
		{"manifest.sha256", []byte(hexSum(manifest) + "\n")},
	}
}

func hexSum(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// tarOf writes entries as the backup writer does.
func tarOf(t testing.TB, entries []archiveEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, e := range entries {
		hdr := &tar.Header{Name: e.name, Size: int64(len(e.body)), Mode: 0o640, Typeflag: tar.TypeReg,
			Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(e.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// maxFuzzArchive bounds the archives the fuzzer writes: the reader
// streams, so a larger one finds nothing a small one cannot.
const maxFuzzArchive = 64 << 10

// FuzzOpenArchive holds the archive reader to its promise on any bytes: an
// error that names damage, or an archive whose every table file and stored
// file has the bytes its manifest says, as a second reading of the tar
// confirms. It never panics, and a header cannot make it read or keep
// more than the file holds (see the sparse and oversized seeds).
func FuzzOpenArchive(f *testing.F) {
	good := smallArchive(f)
	whole := tarOf(f, good)
	f.Add(whole)
	f.Add(whole[:len(whole)/2])
	f.Add(whole[:512])
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0}, 1024))
	f.Add(tarOf(f, good[:2]))
	f.Add(tarOf(f, append([]archiveEntry{good[2], good[3]}, good[:2]...)))
	f.Add(tarOf(f, append(good, archiveEntry{"blobs/" + hexSum(nil), nil})))
	f.Add(append(oversizedHeader(f, "blobs/x", 10<<30), whole...))
	f.Add(append(oversizedHeader(f, "manifest.json", 10<<30), whole...))
	f.Add(sparseEntry(f, "blobs/x", 1<<40))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzArchive {
			return
		}
		path := filepath.Join(t.TempDir(), "site.tar")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}

		a, err := store.OpenArchive(path)
		if err != nil {
			if !errors.Is(err, store.ErrArchiveDamaged) {
				t.Fatalf("OpenArchive = %v, want a refusal naming the damage", err)
			}
			return
		}

		if a.Manifest.Format != store.ArchiveFormat {
			t.Fatalf("archive of format %d accepted", a.Manifest.Format)
		}
		sums := entrySums(t, data)
		if sums["manifest.sha256"] == "" || sums["manifest.json"] == "" {
			t.Fatal("archive without its manifest accepted")
		}
		for _, tb := range a.Manifest.Tables {
			if sums[tb.File] != tb.FileSHA256 {
				t.Fatalf("table %s accepted with file %s of checksum %q, manifest %q", tb.Name, tb.File,
					sums[tb.File], tb.FileSHA256)
			}
		}
		for _, b := range a.Manifest.Blobs {
			if sums["blobs/"+b.SHA256] != b.SHA256 {
				t.Fatalf("stored file %s accepted with other bytes", b.SHA256)
			}
		}
	})
}

// entrySums reads data again with archive/tar alone: the checksum of every
// entry by name, the last of a name winning as in OpenArchive.
func entrySums(t *testing.T, data []byte) map[string]string {
	t.Helper()
	sums := map[string]string{}
	tr := tar.NewReader(bytes.NewReader(data))
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			return sums
		}
		if err != nil {
			t.Fatalf("accepted archive is not a tar file: %v", err)
		}
		body, err := io.ReadAll(tr)
		if err != nil {
			t.Fatalf("accepted archive has a short entry %s: %v", hdr.Name, err)
		}
		sums[hdr.Name] = hexSum(body)
	}
}

// oversizedHeader is a tar header claiming size bytes that never follow.
func oversizedHeader(t testing.TB, name string, size int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	if err := tw.WriteHeader(&tar.Header{Name: name, Size: size, Mode: 0o640, Typeflag: tar.TypeReg}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()[:512]
}

// sparseEntry is a GNU sparse file of size bytes that are all one hole, so
// the archive holds none of them: archive/tar writes no such header, so it
// is built by hand, followed by the end of the archive.
func sparseEntry(t testing.TB, name string, size int64) []byte {
	t.Helper()
	h := make([]byte, 512)
	copy(h, name)
	copy(h[100:], "0000640\x00")
	copy(h[108:], "0000000\x00")
	copy(h[116:], "0000000\x00")
	copy(h[124:], "00000000000\x00") // bytes in the archive: none
	copy(h[136:], "00000000000\x00")
	h[156] = tar.TypeGNUSparse
	copy(h[257:], "ustar  \x00")
	copy(h[483:], fmt.Sprintf("%011o\x00", size)) // the size a reader gives
	copy(h[148:], "        ")
	sum := 0
	for _, c := range h {
		sum += int(c)
	}
	copy(h[148:], fmt.Sprintf("%06o\x00 ", sum))
	return append(h, make([]byte, 1024)...)
}
