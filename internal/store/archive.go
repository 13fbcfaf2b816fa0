package store

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
	"path"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/problem"
)

// A site archive is an uncompressed tar file, written front to back and
// read back the same way, so neither needs the site in memory:
//
//	tables/<table>.jsonl  one per table, in foreign-key order: a first line
//	                      with the column names as a JSON array, then one
//	                      JSON array per row (a number, a string, null, or
//	                      {"blob": "<sha256>"} for bytes)
//	blobs/<sha256>        every distinct byte value (media files and their
//	                      thumbnails), named by its SHA-256
//	manifest.json         written last: see Manifest
//	manifest.sha256       the SHA-256 of manifest.json, so a changed
//	                      manifest is caught as well
//
// Rows of a table that references itself (categories) are written parents
// first, so a restore can insert them in file order.

// ArchiveFormat is the version of the layout above.
const ArchiveFormat = 1

// Names of the fixed entries of an archive.
const (
	manifestName    = "manifest.json"
	manifestSumName = "manifest.sha256"
	tablesDir       = "tables/"
	blobsDir        = "blobs/"
)

// maxManifestBytes bounds what is read into memory from an archive that
// may not be one.
const maxManifestBytes = 256 << 20

// Manifest says what an archive holds and how to check it.
type Manifest struct {
	Format    int             `json:"format"`
	Migration int             `json:"migration"` // the schema migration the site was at
	Source    string          `json:"source"`    // sqlite or postgres
	CreatedAt time.Time       `json:"created_at"`
	Tables    []ArchivedTable `json:"tables"`
	Blobs     []ArchivedBlob  `json:"blobs"`
}

// ArchivedTable is one table of an archive.
type ArchivedTable struct {
	Name    string   `json:"name"`
	File    string   `json:"file"`
	Columns []string `json:"columns"`
	Rows    int64    `json:"rows"`
	// FileSHA256 is the SHA-256 of the table's file in the archive;
	// RowsSHA256 that of its rows as the database holds them (see
	// rowHasher), which a restore compares with the destination.
	FileSHA256 string `json:"file_sha256"`
	RowsSHA256 string `json:"rows_sha256"`
}

// ArchivedBlob is one stored file of an archive.
type ArchivedBlob struct {
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// RowCount is the number of rows over every table.
func (m Manifest) RowCount() int64 {
	var n int64
	for _, t := range m.Tables {
		n += t.Rows
	}
	return n
}

// entry is where an entry's bytes lie in the archive file.
type entry struct {
	offset, size int64
	sha256       string
}

// Archive is a site archive whose every checksum has been verified.
type Archive struct {
	Path     string
	Manifest Manifest
	entries  map[string]entry
}

// Refusals of an archive that is not whole, said in the catalogue's words.
var (
	errArchiveUnreadable = problem.New(problem.Invalid, "backup.archive.unreadable")
	errArchiveTruncated  = problem.New(problem.Invalid, "backup.archive.truncated")
	errArchiveMismatch   = problem.New(problem.Invalid, "backup.archive.mismatch")
)

// ErrArchiveDamaged is in the chain of every refusal of a damaged archive.
var ErrArchiveDamaged = errors.New("archive damaged")

func damaged(p *problem.Error, file string, args ...any) error {
	return (&problem.Error{Kind: p.Kind, Key: p.Key, Args: append([]any{file}, args...)}).Because(ErrArchiveDamaged)
}

// OpenArchive reads the archive at path once from end to end and checks
// it: every entry against the manifest's SHA-256, the manifest against
// its own, and nothing missing. Nothing is restored from an archive that
// fails; the error says which part is damaged.
func OpenArchive(path string) (*Archive, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open archive: %w", err)
	}
	defer f.Close()

	a := &Archive{Path: path, entries: map[string]entry{}}
	var manifest []byte
	var manifestSum string
	cr := &countingReader{r: f}
	tr := tar.NewReader(cr)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, damaged(errArchiveTruncated, path)
		}
		if err != nil {
			return nil, damaged(errArchiveUnreadable, path)
		}
		// Backup writes regular files only. A sparse entry's holes are bytes
		// the tar reader makes up, so a small file could claim a terabyte of
		// them to hash, and its bytes do not lie at one offset for a restore.
		if hdr.Typeflag != tar.TypeReg {
			return nil, damaged(errArchiveUnreadable, path)
		}
		e := entry{offset: cr.n, size: hdr.Size}
		h := sha256.New()
		var keep bytes.Buffer
		w := io.Writer(h)
		if hdr.Name == manifestName || hdr.Name == manifestSumName {
			if hdr.Size > maxManifestBytes {
				return nil, damaged(errArchiveUnreadable, path)
			}
			w = io.MultiWriter(h, &keep)
		}
		if n, err := io.Copy(w, tr); err != nil || n != hdr.Size {
			return nil, damaged(errArchiveTruncated, path)
		}
		e.sha256 = hex.EncodeToString(h.Sum(nil))
		a.entries[hdr.Name] = e
		switch hdr.Name {
		case manifestName:
			manifest = keep.Bytes()
		case manifestSumName:
			manifestSum = strings.TrimSpace(keep.String())
		}
	}
	if manifest == nil || manifestSum == "" {
		return nil, damaged(errArchiveTruncated, path)
	}
	if a.entries[manifestName].sha256 != manifestSum {
		return nil, damaged(errArchiveMismatch, path, manifestName)
	}
	if err := json.Unmarshal(manifest, &a.Manifest); err != nil || a.Manifest.Format != ArchiveFormat {
		return nil, damaged(errArchiveUnreadable, path)
	}
	return a, a.checkEntries()
}

// checkEntries compares every table file and blob with the manifest.
func (a *Archive) checkEntries() error {
	for _, t := range a.Manifest.Tables {
		e, ok := a.entries[t.File]
		if !ok || !strings.HasPrefix(t.File, tablesDir) {
			return damaged(errArchiveTruncated, a.Path)
		}
		if e.sha256 != t.FileSHA256 {
			return damaged(errArchiveMismatch, a.Path, t.File)
		}
	}
	for _, b := range a.Manifest.Blobs {
		name := blobsDir + b.SHA256
		e, ok := a.entries[name]
		if !ok {
			return damaged(errArchiveTruncated, a.Path)
		}
		if e.sha256 != b.SHA256 || e.size != b.Size {
			return damaged(errArchiveMismatch, a.Path, name)
		}
	}
	return nil
}

// section gives an entry's bytes, read from the file f of the archive.
func (a *Archive) section(f io.ReaderAt, name string) (*io.SectionReader, bool) {
	e, ok := a.entries[name]
	if !ok {
		return nil, false
	}
	return io.NewSectionReader(f, e.offset, e.size), true
}

// countingReader counts what the tar reader has read: after Next, it is
// where the entry's bytes begin (the reader reads headers whole and never
// ahead).
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// tableFile is the archive entry of a table's rows.
func tableFile(table string) string { return path.Join("tables", table+".jsonl") }

// BackupName is the file name of an archive taken at t, for the backup
// command and the scheduled backups alike: names sort as times do.
func BackupName(t time.Time) string {
	return "congtin-" + t.UTC().Format("20060102-150405") + ".tar"
}

// IsBackupName reports whether name is one BackupName gives.
func IsBackupName(name string) bool {
	_, err := time.Parse("congtin-20060102-150405.tar", name)
	return err == nil
}
