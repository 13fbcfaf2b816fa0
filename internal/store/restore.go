package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/problem"
)

// RestoreOptions say how a restore may treat what it finds.
type RestoreOptions struct {
	// Force replaces a site that has content; without it such a site is
	// refused.
	Force bool
	// Prepare runs on the restored database, migrated to this binary's
	// schema, before it is checked and put in place: the caller rebuilds
	// what is derived from the rows (the search index) here.
	Prepare func(ctx context.Context, db *DB) error
}

// RestoreReport says what a restore put in place.
type RestoreReport struct {
	Tables []ArchivedTable // each verified: same rows, same checksum
	Rows   int64
	Blobs  int
	// Replaced is true when a site with content was replaced (Force).
	Replaced bool
}

// Refusals of a restore, said in the catalogue's words.
var (
	errRestoreNotEmpty   = problem.New(problem.Conflict, "backup.restore.not_empty")
	errRestoreUnreadable = problem.New(problem.Conflict, "backup.restore.unreadable_target")
	errRestoreVersion    = problem.New(problem.Conflict, "backup.restore.version")
	errRestoreNewer      = problem.New(problem.Unsupported, "backup.restore.newer")
	errRestoreVerify     = problem.New(problem.Invalid, "backup.restore.verify")
)

// ErrNotEmpty is in the chain of the refusal to restore over content.
var ErrNotEmpty = errors.New("destination has content")

// contentTables are those whose rows make a site worth keeping; the rows
// migrations seed (the site, default settings) do not count.
var contentTables = []string{"articles", "categories", "pages", "media", "polls", "users"}

// Restore puts the site of the archive a in the database named by dsn
// (as Open takes it), replacing nothing until the restored copy has been
// checked against every checksum of the archive. On SQLite the copy is
// built in a new file beside the database and renamed over it, after the
// old file's -wal and -shm are removed; on PostgreSQL the rows are loaded
// and checked in one transaction.
func Restore(ctx context.Context, a *Archive, dsn string, o RestoreOptions) (RestoreReport, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		return restorePostgres(ctx, a, dsn, o)
	}
	return restoreSQLite(ctx, a, dsn, o)
}

// migrationsUpTo are the migrations up to the archive's, which the
// destination runs before the rows go in; the rest run after.
func migrationsUpTo(d Dialect, version int) ([]Migration, error) {
	ms, err := Migrations(d)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(ms, func(m Migration) bool { return m.Version > version })
	if i < 0 {
		i = len(ms)
	}
	if i == 0 || ms[i-1].Version != version {
		return nil, problem.New(errRestoreNewer.Kind, errRestoreNewer.Key, version)
	}
	return ms[:i], nil
}

func restoreSQLite(ctx context.Context, a *Archive, path string, o RestoreOptions) (RestoreReport, error) {
	var r RestoreReport
	upTo, err := migrationsUpTo(SQLite, a.Manifest.Migration)
	if err != nil {
		return r, err
	}
	if _, err := os.Stat(path); err == nil && !o.Force {
		open := func(ctx context.Context) (*DB, error) { return openSQLite(ctx, path) }
		if err := refuseContent(ctx, path, open); err != nil {
			return r, err
		}
	} else if err == nil {
		r.Replaced = true
	}

	tmp := path + ".restore-" + randomSuffix()
	removeSQLiteFiles(tmp)
	defer removeSQLiteFiles(tmp) // nothing once renamed

	db, err := openSQLite(ctx, tmp)
	if err != nil {
		return r, err
	}
	defer db.Close()
	if err := migrate(ctx, db, upTo); err != nil {
		return r, err
	}
	if err := r.load(ctx, a, db); err != nil {
		return r, err
	}
	if err := finishRestore(ctx, db, o); err != nil {
		return r, err
	}
	if err := checkIntegrity(ctx, db); err != nil {
		return r, err
	}
	if err := db.Checkpoint(ctx); err != nil {
		return r, err
	}
	if err := db.Close(); err != nil {
		return r, fmt.Errorf("close restored database: %w", err)
	}

	// The old file's -wal and -shm go first: left beside the new file,
	// SQLite would replay the old pages into it.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return r, fmt.Errorf("remove stale %s: %w", path+suffix, err)
		}
		os.Remove(tmp + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		return r, fmt.Errorf("put restored database in place: %w", err)
	}
	syncDir(dirOf(path))
	return r, nil
}

// refuseContent opens the database already there and refuses when it has
// content or cannot be read.
func refuseContent(ctx context.Context, where string, open func(context.Context) (*DB, error)) error {
	db, err := open(ctx)
	if err != nil {
		return problem.New(errRestoreUnreadable.Kind, errRestoreUnreadable.Key, where).Because(err)
	}
	defer db.Close()
	found, err := contentOf(ctx, db)
	if err != nil {
		return problem.New(errRestoreUnreadable.Kind, errRestoreUnreadable.Key, where).Because(err)
	}
	if found != "" {
		return problem.New(errRestoreNotEmpty.Kind, errRestoreNotEmpty.Key, where, found).Because(ErrNotEmpty)
	}
	return nil
}

// contentOf names the first content table holding rows, "" when none.
func contentOf(ctx context.Context, db *DB) (string, error) {
	version, err := migrationOf(ctx, db)
	if err != nil || version == 0 {
		return "", err
	}
	for _, t := range contentTables {
		var n int
		err := db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+t+` LIMIT 1) AS one`).Scan(&n)
		if err != nil {
			return "", err
		}
		if n > 0 {
			return t, nil
		}
	}
	return "", nil
}

// migrationOf is the database's migration, 0 for a database never
// migrated.
func migrationOf(ctx context.Context, db *DB) (int, error) {
	q := `SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'`
	if db.Dialect == Postgres {
		q = `SELECT count(*) FROM (SELECT to_regclass('schema_migrations') AS t) AS r WHERE t IS NOT NULL`
	}
	var exists int
	if err := db.QueryRowContext(ctx, q).Scan(&exists); err != nil || exists == 0 {
		return 0, err
	}
	var v int
	err := db.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func restorePostgres(ctx context.Context, a *Archive, url string, o RestoreOptions) (RestoreReport, error) {
	var r RestoreReport
	upTo, err := migrationsUpTo(Postgres, a.Manifest.Migration)
	if err != nil {
		return r, err
	}
	db, err := openPostgres(ctx, url, false)
	if err != nil {
		return r, err
	}
	defer db.Close()

	version, err := migrationOf(ctx, db)
	if err != nil {
		return r, err
	}
	if version != 0 && version != a.Manifest.Migration {
		return r, problem.New(errRestoreVersion.Kind, errRestoreVersion.Key, version, a.Manifest.Migration)
	}
	found, err := contentOf(ctx, db)
	if err != nil {
		return r, err
	}
	if found != "" && !o.Force {
		return r, problem.New(errRestoreNotEmpty.Kind, errRestoreNotEmpty.Key, "PostgreSQL", found).Because(ErrNotEmpty)
	}
	r.Replaced = found != ""
	if err := migrate(ctx, db, upTo); err != nil {
		return r, err
	}

	if err := r.load(ctx, a, db); err != nil {
		return r, err
	}
	tables, err := tablesInOrder(ctx, db, Postgres)
	if err != nil {
		return r, err
	}
	if err := resetIdentities(ctx, db, tables); err != nil {
		return r, err
	}
	return r, finishRestore(ctx, db, o)
}

// finishRestore brings the restored rows to this binary's schema and lets
// the caller rebuild what derives from them.
func finishRestore(ctx context.Context, db *DB, o RestoreOptions) error {
	if err := Migrate(ctx, db); err != nil {
		return err
	}
	if o.Prepare != nil {
		return o.Prepare(ctx, db)
	}
	return nil
}

// load empties the destination's tables and loads the archive's rows in
// one transaction, then compares every table with the manifest before
// committing: a mismatch leaves the destination as it was. The
// destination must be at the archive's migration.
func (r *RestoreReport) load(ctx context.Context, a *Archive, db *DB) error {
	f, err := os.Open(a.Path)
	if err != nil {
		return fmt.Errorf("open archive: %w", err)
	}
	defer f.Close()

	return db.InTx(ctx, func(tx Tx) error {
		present, err := tablesInOrder(ctx, tx, db.Dialect)
		if err != nil {
			return err
		}
		if err := emptyTables(ctx, tx, db.Dialect, present); err != nil {
			return err
		}
		byName := map[string]tableInfo{}
		for _, t := range present {
			byName[t.name] = t
		}
		for _, at := range a.Manifest.Tables {
			t, ok := byName[at.Name]
			if !ok {
				return fmt.Errorf("table %s of the archive is not in the database", at.Name)
			}
			if err := r.loadTable(ctx, tx, db.Dialect, a, f, t, at); err != nil {
				return fmt.Errorf("table %s: %w", at.Name, err)
			}
		}
		r.Blobs = len(a.Manifest.Blobs)
		return nil
	})
}

// emptyTables deletes every row, children before parents, and the
// derived tables' too (they are rebuilt from the restored rows).
func emptyTables(ctx context.Context, tx Tx, d Dialect, tables []tableInfo) error {
	names, err := derivedTables(ctx, tx, d)
	if err != nil {
		return err
	}
	for i := len(tables) - 1; i >= 0; i-- {
		names = append(names, tables[i].name)
	}
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+n); err != nil {
			return fmt.Errorf("empty %s: %w", n, err)
		}
	}
	return nil
}

// derivedTables lists the search tables of PostgreSQL. On SQLite the
// destination is a new file whose search tables are empty (and FTS5's
// own tables must not be written to directly).
func derivedTables(ctx context.Context, tx Tx, d Dialect) ([]string, error) {
	if d != Postgres {
		return nil, nil
	}
	return QueryAll(ctx, tx, ScanString, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name LIKE 'search\_%'`)
}

// loadTable inserts a table's archived rows and checks them.
func (r *RestoreReport) loadTable(ctx context.Context, tx Tx, d Dialect, a *Archive, f *os.File, t tableInfo,
	at ArchivedTable) error {
	if !sameColumns(t.columns, at.Columns) {
		return fmt.Errorf("columns %v in the archive, %v in the database", at.Columns, t.columns)
	}
	t.columns = at.Columns
	kinds, err := columnKinds(ctx, tx, d, t.name)
	if err != nil {
		return err
	}
	sec, ok := a.section(f, at.File)
	if !ok {
		return damaged(errArchiveTruncated, a.Path)
	}
	dec := json.NewDecoder(sec)
	dec.UseNumber()
	var header []string
	if err := dec.Decode(&header); err != nil || !slices.Equal(header, at.Columns) {
		return damaged(errArchiveUnreadable, a.Path)
	}

	ph := make([]string, len(t.columns))
	for i := range ph {
		ph[i] = "$" + strconv.Itoa(i+1)
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO `+t.name+` (`+strings.Join(t.columns, ", ")+`) VALUES (`+
		strings.Join(ph, ", ")+`)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	var n int64
	for {
		var row []any
		if err := dec.Decode(&row); errors.Is(err, io.EOF) {
			break
		} else if err != nil || len(row) != len(t.columns) {
			return damaged(errArchiveUnreadable, a.Path)
		}
		for i, c := range t.columns {
			v, err := a.decodeValue(f, row[i])
			if err != nil {
				return err
			}
			row[i] = convertFor(kinds[c], v)
		}
		if _, err := stmt.ExecContext(ctx, row...); err != nil {
			return err
		}
		n++
	}

	sum, count, err := tableChecksum(ctx, tx, d, t)
	if err != nil {
		return err
	}
	if n != at.Rows || count != at.Rows || sum != at.RowsSHA256 {
		return problem.New(errRestoreVerify.Kind, errRestoreVerify.Key, t.name).
			Because(fmt.Errorf("archive %d rows (%s), restored %d (%s)", at.Rows, at.RowsSHA256[:12], count, sum[:12]))
	}
	r.Tables = append(r.Tables, at)
	r.Rows += n
	return nil
}

// decodeValue turns an archived value back into one to bind.
func (a *Archive) decodeValue(f *os.File, v any) (any, error) {
	switch x := v.(type) {
	case nil, string:
		return x, nil
	case json.Number:
		return x.Int64()
	case map[string]any:
		if fl, ok := x["float"].(json.Number); ok {
			return fl.Float64()
		}
		sum, _ := x["blob"].(string)
		sec, ok := a.section(f, blobsDir+sum)
		if !ok {
			return nil, damaged(errArchiveTruncated, a.Path)
		}
		b := make([]byte, sec.Size())
		if _, err := io.ReadFull(sec, b); err != nil {
			return nil, fmt.Errorf("read blob %s: %w", sum, err)
		}
		if sha256Hex(b) != sum {
			return nil, damaged(errArchiveMismatch, a.Path, blobsDir+sum)
		}
		return b, nil
	}
	return nil, damaged(errArchiveUnreadable, a.Path)
}

func sameColumns(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// checkIntegrity runs SQLite's full integrity and foreign-key checks.
func checkIntegrity(ctx context.Context, db *DB) error {
	var check string
	if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		return fmt.Errorf("restored database failed its integrity check: %s %v", check, err)
	}
	rows, err := db.QueryUncached(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		return errors.New("restored database failed its foreign-key check")
	}
	return rows.Err()
}

// removeSQLiteFiles removes a database file and its companions.
func removeSQLiteFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

func randomSuffix() string {
	b := make([]byte, 6)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[:i+1]
	}
	return "."
}
