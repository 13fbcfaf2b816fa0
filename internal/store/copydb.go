package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"iter"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// CopyReport says what CopyDatabase did for one table.
type CopyReport struct {
	Table    string
	Rows     int64
	Copied   int64
	Checksum string
	Skipped  bool // the destination already held exactly these rows
}

// ErrDestinationDiffers is returned when a destination table already holds
// rows that are not the source's: copying would mix two sites.
var ErrDestinationDiffers = errors.New("destination table already holds different rows")

// derivedTables are rebuilt on the destination rather than copied: the
// search index is made from the articles (see internal/search).
func derived(table string) bool {
	return strings.HasPrefix(table, "search_") || table == "schema_migrations"
}

// CopyDatabase copies every table of src into dst, which must be migrated
// to the same version: a whole site, media included. Tables are copied in
// foreign-key order, each in one transaction. A table whose destination
// already holds exactly the source's rows is skipped, so running the copy
// again after an interruption is safe; a destination with other rows is
// refused. Every table is then verified by row count and a checksum of
// its rows in key order.
func CopyDatabase(ctx context.Context, src, dst *DB, progress func(CopyReport)) ([]CopyReport, error) {
	if err := sameVersion(ctx, src, dst); err != nil {
		return nil, err
	}
	tables, err := tablesInOrder(ctx, src, src.Dialect)
	if err != nil {
		return nil, err
	}
	var reports []CopyReport
	for _, t := range tables {
		r, err := copyTable(ctx, src, dst, t)
		if err != nil {
			return reports, fmt.Errorf("table %s: %w", t.name, err)
		}
		reports = append(reports, r)
		if progress != nil {
			progress(r)
		}
	}
	if dst.Dialect == Postgres {
		if err := resetIdentities(ctx, dst, tables); err != nil {
			return reports, err
		}
	}
	return reports, nil
}

func sameVersion(ctx context.Context, a, b *DB) error {
	var va, vb int
	if err := a.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0) FROM schema_migrations`).Scan(&va); err != nil {
		return err
	}
	if err := b.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0) FROM schema_migrations`).Scan(&vb); err != nil {
		return err
	}
	if va != vb {
		return fmt.Errorf("source is at migration %d, destination at %d", va, vb)
	}
	return nil
}

type tableInfo struct {
	name    string
	columns []string
	key     []string // ORDER BY for a stable row order
	hasID   bool
	selfRef string // a column referencing the table's own id (categories.parent_id)
	// textKey marks the key columns holding text: PostgreSQL orders them
	// by its collation unless told to compare bytes, as SQLite does.
	textKey map[string]bool
}

// orderBy is the ORDER BY list giving the same row order on both
// databases.
func (t tableInfo) orderBy(d Dialect) string {
	cols := make([]string, len(t.key))
	for i, c := range t.key {
		cols[i] = c
		if d == Postgres && t.textKey[c] {
			cols[i] += ` COLLATE "C"`
		}
	}
	return strings.Join(cols, ", ")
}

// tablesInOrder lists the source's tables so that each comes after the
// tables it references.
func tablesInOrder(ctx context.Context, db Querier, d Dialect) ([]tableInfo, error) {
	names, err := tableNames(ctx, db, d)
	if err != nil {
		return nil, err
	}
	deps := map[string][]string{}
	infos := map[string]tableInfo{}
	for _, n := range names {
		info, refs, err := describe(ctx, db, d, n)
		if err != nil {
			return nil, err
		}
		infos[n] = info
		deps[n] = refs
	}
	var order []tableInfo
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(string) error
	visit = func(n string) error {
		switch state[n] {
		case 1:
			return nil // a self-reference (categories.parent_id) or a cycle: order within the table by key
		case 2:
			return nil
		}
		state[n] = 1
		for _, d := range deps[n] {
			if _, ok := infos[d]; ok && d != n {
				if err := visit(d); err != nil {
					return err
				}
			}
		}
		state[n] = 2
		order = append(order, infos[n])
		return nil
	}
	sort.Strings(names)
	for _, n := range names {
		if err := visit(n); err != nil {
			return nil, err
		}
	}
	return order, nil
}

func tableNames(ctx context.Context, db Querier, d Dialect) ([]string, error) {
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if d == Postgres {
		q = `SELECT table_name FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	names, err := QueryAll(ctx, db, ScanString, q)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(names, derived), nil
}

// describe reads a table's columns, primary key and referenced tables.
func describe(ctx context.Context, db Querier, d Dialect, table string) (tableInfo, []string, error) {
	if d == Postgres {
		return describePostgres(ctx, db, table)
	}
	info := tableInfo{name: table, textKey: map[string]bool{}}

	type column struct {
		name, kind string
		pos        int // in the primary key, from 1; 0 when not part of it
	}
	cols, err := QueryAll(ctx, db, func(sc Scanner) (column, error) {
		var c column
		return c, sc.Scan(&c.name, &c.kind, &c.pos)
	}, `SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid`, table)
	if err != nil {
		return info, nil, err
	}
	pk := map[int]string{}
	for _, c := range cols {
		info.columns = append(info.columns, c.name)
		if c.pos > 0 {
			pk[c.pos] = c.name
		}
		if strings.Contains(strings.ToUpper(c.kind), "TEXT") {
			info.textKey[c.name] = true
		}
	}
	for i := 1; i <= len(pk); i++ {
		info.key = append(info.key, pk[i])
	}

	refs, err := references(ctx, db, &info, `SELECT "table", "from" FROM pragma_foreign_key_list($1)`)
	if err != nil {
		return info, nil, err
	}
	return info.finish(), refs, nil
}

// references reads a table's foreign keys with query (the dialect's own,
// giving the referenced table and the referencing column): the tables it
// must come after, and the column that points into the table itself.
func references(ctx context.Context, db Querier, info *tableInfo, query string) ([]string, error) {
	type foreignKey struct{ table, from string }
	fks, err := QueryAll(ctx, db, func(sc Scanner) (foreignKey, error) {
		var k foreignKey
		return k, sc.Scan(&k.table, &k.from)
	}, query, info.name)
	if err != nil {
		return nil, err
	}

	var refs []string
	for _, k := range fks {
		refs = append(refs, k.table)
		if k.table == info.name {
			info.selfRef = k.from
		}
	}
	return refs, nil
}

// describePostgres reads what describe does from PostgreSQL's catalogue.
func describePostgres(ctx context.Context, db Querier, table string) (tableInfo, []string, error) {
	info := tableInfo{name: table, textKey: map[string]bool{}}

	type column struct{ name, kind string }
	cols, err := QueryAll(ctx, db, func(sc Scanner) (column, error) {
		var c column
		return c, sc.Scan(&c.name, &c.kind)
	}, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, table)
	if err != nil {
		return info, nil, err
	}
	for _, c := range cols {
		info.columns = append(info.columns, c.name)
		if c.kind == "text" || strings.HasPrefix(c.kind, "character") {
			info.textKey[c.name] = true
		}
	}

	info.key, err = QueryAll(ctx, db, ScanString, `SELECT a.attname FROM pg_index i
		JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
		WHERE i.indrelid = to_regclass($1) AND i.indisprimary
		ORDER BY array_position(i.indkey::int2[], a.attnum)`, table)
	if err != nil {
		return info, nil, err
	}

	refs, err := references(ctx, db, &info, `SELECT t.relname, a.attname FROM pg_constraint c
		JOIN pg_class t ON t.oid = c.confrelid
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
		WHERE c.conrelid = to_regclass($1) AND c.contype = 'f'`)
	if err != nil {
		return info, nil, err
	}
	return info.finish(), refs, nil
}

// finish completes a description: a table without a primary key is
// ordered by all its columns, and only key columns keep their text mark.
func (t tableInfo) finish() tableInfo {
	if len(t.key) == 0 {
		t.key = t.columns
	}
	for c := range t.textKey {
		if !slices.Contains(t.key, c) {
			delete(t.textKey, c)
		}
	}
	t.hasID = slices.Contains(t.columns, "id")
	return t
}

// columnKinds reads the destination's column types so values read from
// SQLite (which has no booleans) are bound with the type PostgreSQL wants.
func columnKinds(ctx context.Context, db Querier, d Dialect, table string) (map[string]string, error) {
	kinds := map[string]string{}
	if d != Postgres {
		return kinds, nil
	}
	rows, err := db.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c, k string
		if err := rows.Scan(&c, &k); err != nil {
			return nil, err
		}
		kinds[c] = k
	}
	return kinds, rows.Err()
}

func copyTable(ctx context.Context, src, dst *DB, t tableInfo) (CopyReport, error) {
	r := CopyReport{Table: t.name}
	srcSum, srcN, err := tableChecksum(ctx, src, src.Dialect, t)
	if err != nil {
		return r, err
	}
	r.Rows, r.Checksum = srcN, srcSum
	dstSum, dstN, err := tableChecksum(ctx, dst, dst.Dialect, t)
	if err != nil {
		return r, err
	}
	if dstN > 0 || srcN == 0 {
		if dstSum == srcSum {
			r.Skipped = true
			return r, nil
		}
		// A fresh destination holds the rows its migrations seed (the
		// default site): those may be replaced by the source's.
		if t.name != "sites" {
			return r, fmt.Errorf("%w (%d rows there, %d here)", ErrDestinationDiffers, dstN, srcN)
		}
	}
	kinds, err := columnKinds(ctx, dst, dst.Dialect, t.name)
	if err != nil {
		return r, err
	}
	cols := strings.Join(t.columns, ", ")
	ph := make([]string, len(t.columns))
	for i := range ph {
		ph[i] = "$" + strconv.Itoa(i+1)
	}
	insert := `INSERT INTO ` + t.name + ` (` + cols + `) VALUES (` + strings.Join(ph, ", ") + `)`
	if t.name == "sites" {
		insert += ` ON CONFLICT (id) DO UPDATE SET host = excluded.host, name = excluded.name`
	}
	all, err := readRows(ctx, src, t)
	if err != nil {
		return r, err
	}
	err = dst.InTx(ctx, func(tx Tx) error {
		stmt, err := tx.PrepareContext(ctx, insert)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for row := range all {
			for i, c := range t.columns {
				row[i] = convertFor(kinds[c], row[i])
			}
			if _, err := stmt.ExecContext(ctx, row...); err != nil {
				return err
			}
			r.Copied++
		}
		return nil
	})
	if err != nil {
		return r, err
	}
	dstSum, dstN, err = tableChecksum(ctx, dst, dst.Dialect, t)
	if err != nil {
		return r, err
	}
	if dstN != srcN || dstSum != srcSum {
		return r, fmt.Errorf("verification failed: source %d rows (%s), destination %d rows (%s)",
			srcN, srcSum[:12], dstN, dstSum[:12])
	}
	return r, nil
}

// readRows yields a table's rows in key order. A table that references
// itself is read whole and ordered parents first, since a child may have
// a smaller id than its parent after years of re-parenting.
func readRows(ctx context.Context, src *DB, t tableInfo) (iter.Seq[[]any], error) {
	rows, err := src.QueryContext(ctx, `SELECT `+strings.Join(t.columns, ", ")+` FROM `+t.name+
		` ORDER BY `+t.orderBy(src.Dialect))
	if err != nil {
		return nil, err
	}
	var buffered [][]any
	for rows.Next() {
		row := make([]any, len(t.columns))
		ptrs := make([]any, len(row))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return nil, err
		}
		buffered = append(buffered, row)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if t.selfRef != "" {
		buffered = parentsFirst(buffered, slices.Index(t.columns, "id"), slices.Index(t.columns, t.selfRef))
	}
	return slices.Values(buffered), nil
}

// parentsFirst orders rows so that every row comes after the row its
// parent column names.
func parentsFirst(rows [][]any, idCol, parentCol int) [][]any {
	if idCol < 0 || parentCol < 0 {
		return rows
	}
	placed := map[any]bool{}
	out := make([][]any, 0, len(rows))
	for len(rows) > 0 {
		var rest [][]any
		for _, r := range rows {
			if p := r[parentCol]; p == nil || placed[p] {
				placed[r[idCol]] = true
				out = append(out, r)
			} else {
				rest = append(rest, r)
			}
		}
		if len(rest) == len(rows) { // a cycle or a missing parent: keep key order
			return append(out, rest...)
		}
		rows = rest
	}
	return out
}

func convertFor(kind string, v any) any {
	if kind == "boolean" {
		switch x := v.(type) {
		case int64:
			return x != 0
		}
	}
	if s, ok := v.([]byte); ok && kind != "bytea" && kind != "" {
		return string(s)
	}
	return v
}

// tableChecksum hashes a table's rows in key order in a form both drivers
// agree on (see rowHasher).
func tableChecksum(ctx context.Context, db Querier, d Dialect, t tableInfo) (string, int64, error) {
	rows, err := db.QueryContext(ctx, `SELECT `+strings.Join(t.columns, ", ")+` FROM `+t.name+` ORDER BY `+t.orderBy(d))
	if err != nil {
		return "", 0, err
	}
	defer rows.Close()

	h := newRowHasher()
	vals := make([]any, len(t.columns))
	ptrs := make([]any, len(t.columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return "", 0, err
		}
		n++
		h.add(vals)
	}
	return h.sum(), n, rows.Err()
}

// rowHasher hashes rows in a form both drivers agree on: integers and
// booleans as 64-bit numbers, text and bytes as length-prefixed bytes,
// NULL as a marker. A backup writes the same sum for the rows it reads,
// and a restore compares it with what the destination then holds.
type rowHasher struct {
	h   hash.Hash
	buf [8]byte
}

func newRowHasher() *rowHasher { return &rowHasher{h: sha256.New()} }

func (r *rowHasher) sum() string { return hex.EncodeToString(r.h.Sum(nil)) }

func (r *rowHasher) add(vals []any) {
	h, buf := r.h, r.buf[:]
	for _, v := range vals {
		switch x := v.(type) {
		case nil:
			h.Write([]byte{0})
		case int64:
			h.Write([]byte{1})
			binary.BigEndian.PutUint64(buf, uint64(x))
			h.Write(buf)
		case int32:
			h.Write([]byte{1})
			binary.BigEndian.PutUint64(buf, uint64(int64(x)))
			h.Write(buf)
		case bool:
			h.Write([]byte{1})
			b := uint64(0)
			if x {
				b = 1
			}
			binary.BigEndian.PutUint64(buf, b)
			h.Write(buf)
		case float64:
			h.Write([]byte{2})
			binary.BigEndian.PutUint64(buf, math.Float64bits(x))
			h.Write(buf)
		case string:
			writeBytes(h, []byte(x))
		case []byte:
			writeBytes(h, x)
		default:
			writeBytes(h, []byte(fmt.Sprint(x)))
		}
	}
}

func writeBytes(h interface{ Write([]byte) (int, error) }, b []byte) {
	var buf [9]byte
	buf[0] = 3
	binary.BigEndian.PutUint64(buf[1:], uint64(len(b)))
	h.Write(buf[:])
	h.Write(b)
}

// resetIdentities moves each identity sequence past the largest copied
// id, so the next row PostgreSQL numbers does not collide.
func resetIdentities(ctx context.Context, db *DB, tables []tableInfo) error {
	for _, t := range tables {
		if !t.hasID {
			continue
		}
		var seq sql.NullString
		if err := db.QueryRowContext(ctx, `SELECT pg_get_serial_sequence($1, 'id')`, t.name).Scan(&seq); err != nil {
			return err
		}
		if !seq.Valid {
			continue
		}
		resync := `SELECT setval($1, GREATEST((SELECT COALESCE(max(id), 0) FROM ` + t.name + `), 1))`
		if _, err := db.ExecContext(ctx, resync, seq.String); err != nil {
			return fmt.Errorf("reset %s: %w", seq.String, err)
		}
	}
	return nil
}
