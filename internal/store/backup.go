package store

import (
	"archive/tar"
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// BackupFile writes the whole site to a new archive at path (see
// archive.go) while the site keeps serving. The archive is written under
// a temporary name beside path and renamed when it is complete and on
// disk, so a file with the final name is always whole. An existing file
// is never overwritten.
func BackupFile(ctx context.Context, db *DB, path string) (Manifest, error) {
	if _, err := os.Stat(path); err == nil {
		return Manifest{}, fmt.Errorf("%s exists; choose a new file name", path)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return Manifest{}, fmt.Errorf("create backup folder: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".part-*")
	if err != nil {
		return Manifest{}, fmt.Errorf("create backup: %w", err)
	}
	defer os.Remove(f.Name()) // a no-op once renamed

	m, err := Backup(ctx, db, f, dir)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return m, fmt.Errorf("write backup: %w", err)
	}

	if err := os.Rename(f.Name(), path); err != nil {
		return m, fmt.Errorf("write backup: %w", err)
	}
	syncDir(dir)
	return m, nil
}

// Backup writes the site's archive to w. Every table is read in one read
// transaction (REPEATABLE READ on PostgreSQL), so the archive is one
// consistent moment of the site while writes go on. Each table's rows are
// gathered in a temporary file in spoolDir first, since a tar entry must
// state its size before its bytes; blobs go to w as they are met, one at
// a time.
func Backup(ctx context.Context, db *DB, w io.Writer, spoolDir string) (Manifest, error) {
	m := Manifest{Format: ArchiveFormat, Source: db.Dialect.String(), CreatedAt: time.Now().UTC().Truncate(time.Second)}
	opts := &sql.TxOptions{ReadOnly: true}
	if db.Dialect == Postgres {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx, err := db.BeginTx(ctx, opts)
	if err != nil {
		return m, fmt.Errorf("begin backup: %w", err)
	}
	defer tx.Rollback()

	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0) FROM schema_migrations`).
		Scan(&m.Migration); err != nil {
		return m, fmt.Errorf("read migration: %w", err)
	}
	tables, err := tablesInOrder(ctx, tx, db.Dialect)
	if err != nil {
		return m, fmt.Errorf("list tables: %w", err)
	}

	aw := &archiveWriter{tw: tar.NewWriter(w), blobs: map[string]bool{}, created: m.CreatedAt}
	for _, t := range tables {
		at, err := aw.table(ctx, tx, db.Dialect, t, spoolDir)
		if err != nil {
			return m, fmt.Errorf("table %s: %w", t.name, err)
		}
		m.Tables = append(m.Tables, at)
	}
	m.Blobs = aw.list
	return m, aw.finish(m)
}

// archiveWriter writes the entries of one archive.
type archiveWriter struct {
	tw      *tar.Writer
	blobs   map[string]bool
	list    []ArchivedBlob
	created time.Time
}

func (aw *archiveWriter) header(name string, size int64) error {
	return aw.tw.WriteHeader(&tar.Header{Name: name, Size: size, Mode: 0o640, ModTime: aw.created,
		Typeflag: tar.TypeReg, Format: tar.FormatPAX})
}

// table spools a table's rows to a temporary file, writing blobs on the
// way, then copies the file in as the table's entry.
func (aw *archiveWriter) table(ctx context.Context, q Querier, d Dialect, t tableInfo,
	spoolDir string) (ArchivedTable, error) {
	at := ArchivedTable{Name: t.name, File: tableFile(t.name), Columns: t.columns}
	spool, err := os.CreateTemp(spoolDir, ".congtin-backup-*.jsonl")
	if err != nil {
		return at, err
	}
	defer os.Remove(spool.Name())
	defer spool.Close()

	fileSum := sha256.New()
	buf := bufio.NewWriterSize(io.MultiWriter(spool, fileSum), 64<<10)
	enc := json.NewEncoder(buf)
	if err := enc.Encode(t.columns); err != nil {
		return at, err
	}
	rows := newRowHasher()
	write := func(vals []any) error {
		out, err := aw.encodeRow(vals)
		if err != nil {
			return err
		}
		at.Rows++
		return enc.Encode(out)
	}
	if t.selfRef == "" {
		err = eachRow(ctx, q, d, t, func(vals []any) error {
			rows.add(vals)
			return write(vals)
		})
	} else {
		err = parentsFirstRows(ctx, q, d, t, rows, write)
	}
	if err != nil {
		return at, err
	}
	if err := buf.Flush(); err != nil {
		return at, err
	}
	at.RowsSHA256, at.FileSHA256 = rows.sum(), hex.EncodeToString(fileSum.Sum(nil))

	size, err := spool.Seek(0, io.SeekCurrent)
	if err != nil {
		return at, err
	}
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return at, err
	}
	if err := aw.header(at.File, size); err != nil {
		return at, err
	}
	_, err = io.Copy(aw.tw, spool)
	return at, err
}

// parentsFirstRows reads a table that references itself whole (such
// tables are small: categories), hashes it in key order and writes it
// parents first.
func parentsFirstRows(ctx context.Context, q Querier, d Dialect, t tableInfo, h *rowHasher,
	write func([]any) error) error {
	var all [][]any
	err := eachRow(ctx, q, d, t, func(vals []any) error {
		h.add(vals)
		all = append(all, append([]any(nil), vals...))
		return nil
	})
	if err != nil {
		return err
	}
	idCol, parentCol := -1, -1
	for i, c := range t.columns {
		switch c {
		case "id":
			idCol = i
		case t.selfRef:
			parentCol = i
		}
	}
	for _, r := range parentsFirst(all, idCol, parentCol) {
		if err := write(r); err != nil {
			return err
		}
	}
	return nil
}

// eachRow calls fn with every row of t in key order; vals is reused.
func eachRow(ctx context.Context, q Querier, d Dialect, t tableInfo, fn func(vals []any) error) error {
	rows, err := q.QueryContext(ctx, `SELECT `+strings.Join(t.columns, ", ")+` FROM `+t.name+` ORDER BY `+t.orderBy(d))
	if err != nil {
		return err
	}
	defer rows.Close()

	vals := make([]any, len(t.columns))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

// encodeRow turns a row into its archived form: booleans as 0 or 1, as
// SQLite stores them, and bytes as a reference to a blob entry, written
// here the first time it is met.
func (aw *archiveWriter) encodeRow(vals []any) ([]any, error) {
	out := make([]any, len(vals))
	for i, v := range vals {
		switch x := v.(type) {
		case nil, int64, string:
			out[i] = x
		case int32:
			out[i] = int64(x)
		case bool:
			out[i] = 0
			if x {
				out[i] = 1
			}
		case float64:
			out[i] = map[string]float64{"float": x}
		case []byte:
			sum, err := aw.blob(x)
			if err != nil {
				return nil, err
			}
			out[i] = map[string]string{"blob": sum}
		default:
			return nil, fmt.Errorf("column %d: values of type %T cannot be archived", i, v)
		}
	}
	return out, nil
}

func (aw *archiveWriter) blob(b []byte) (string, error) {
	s := sha256.Sum256(b)
	sum := hex.EncodeToString(s[:])
	if aw.blobs[sum] {
		return sum, nil
	}
	if err := aw.header(blobsDir+sum, int64(len(b))); err != nil {
		return "", err
	}
	if _, err := aw.tw.Write(b); err != nil {
		return "", err
	}
	aw.blobs[sum] = true
	aw.list = append(aw.list, ArchivedBlob{SHA256: sum, Size: int64(len(b))})
	return sum, nil
}

// finish writes the manifest, then its checksum, and closes the tar.
func (aw *archiveWriter) finish(m Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	for _, e := range []struct {
		name string
		data []byte
	}{{manifestName, b}, {manifestSumName, []byte(sha256Hex(b) + "\n")}} {
		if err := aw.header(e.name, int64(len(e.data))); err != nil {
			return err
		}
		if _, err := aw.tw.Write(e.data); err != nil {
			return err
		}
	}
	return aw.tw.Close()
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// syncDir makes a rename in dir durable; a failure only weakens that.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
