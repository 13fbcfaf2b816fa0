package joomla

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Version is what the fingerprint of MODEL.md §0 found.
type Version struct {
	// Major is 1 (1.5), 2 (1.6-2.5), 3, 4 or 5.
	Major int
	// Exact is the release from the extensions manifest when known
	// ("3.10.12"), else a family name ("1.5", "2.5", "3.x", "4.x").
	Exact string
}

func (v Version) String() string { return v.Exact }

// legacy reports a 1.5 database: sections, INI parameters, gid groups.
func (v Version) legacy() bool { return v.Major == 1 }

// Prefixes lists the table prefixes of the Joomla installs in the current
// database: every P for which both P+"content" and P+"users" exist.
func Prefixes(ctx context.Context, src *sql.DB) ([]string, error) {
	tables, err := tableSet(ctx, src)
	if err != nil {
		return nil, err
	}

	var out []string
	for t := range tables {
		if p, ok := strings.CutSuffix(t, "content"); ok && tables[p+"users"] {
			out = append(out, p)
		}
	}

	sort.Strings(out)
	return out, nil
}

// Install describes one Joomla install of a database, for choosing
// among several.
type Install struct {
	Prefix   string
	Version  string // "" when the tables match no known version
	Articles int
	// Newest is the creation date of the newest article ("" for none):
	// a leftover copy stops where it was copied.
	Newest string
}

// Installs describes the installs with the given prefixes.
func Installs(ctx context.Context, src *sql.DB, prefixes []string) ([]Install, error) {
	for _, p := range prefixes {
		if err := checkPrefix(p); err != nil {
			return nil, err
		}
	}

	var out []Install
	for _, p := range prefixes {
		in := Install{Prefix: p}
		if v, err := DetectVersion(ctx, src, p); err == nil {
			in.Version = v.Exact
		}

		var newest sql.NullString
		if err := src.QueryRowContext(ctx, `SELECT count(*), MAX(created) FROM `+p+`content`).
			Scan(&in.Articles, &newest); err != nil {
			return nil, fmt.Errorf("count articles of %s: %w", p, err)
		}

		if len(newest.String) >= 10 && !strings.HasPrefix(newest.String, "0000") {
			in.Newest = newest.String[:10]
		}

		out = append(out, in)
	}

	return out, nil
}

// SeveralInstallsError is what Import returns when no prefix was given
// and the database holds more than one install: it lists them so the
// officer can pick one with --prefix.
type SeveralInstallsError struct{ Installs []Install }

func (e *SeveralInstallsError) Error() string {
	var b strings.Builder
	b.WriteString("this database holds several Joomla installs; choose one with --prefix:")
	for _, in := range e.Installs {
		v := "Joomla " + in.Version
		if in.Version == "" {
			v = "unknown version"
		}

		n := "articles"
		if in.Articles == 1 {
			n = "article"
		}

		fmt.Fprintf(&b, "\n  --prefix %-10s %s, %d %s", in.Prefix, v, in.Articles, n)
		if in.Newest != "" {
			fmt.Fprintf(&b, ", newest %s", in.Newest)
		}
	}

	return b.String()
}

func tableSet(ctx context.Context, src *sql.DB) (map[string]bool, error) {
	rows, err := src.QueryContext(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = DATABASE()`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}

		out[strings.ToLower(t)] = true
	}

	return out, rows.Err()
}

func hasColumn(ctx context.Context, src *sql.DB, table, column string) bool {
	var n int
	err := src.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.columns
		WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?`, table, column).Scan(&n)
	return err == nil && n > 0
}

// DetectVersion fingerprints the install with prefix p.
func DetectVersion(ctx context.Context, src *sql.DB, p string) (Version, error) {
	if err := checkPrefix(p); err != nil {
		return Version{}, err
	}

	tables, err := tableSet(ctx, src)
	if err != nil {
		return Version{}, err
	}
	if !tables[p+"content"] || !tables[p+"users"] {
		return Version{}, fmt.Errorf("no Joomla tables with prefix %q (%scontent, %susers)", p, p, p)
	}

	var v Version
	switch {
	case tables[p+"sections"] && hasColumn(ctx, src, p+"content", "sectionid") &&
		!hasColumn(ctx, src, p+"content", "asset_id"):
		return Version{Major: 1, Exact: "1.5"}, nil
	case tables[p+"workflows"]:
		v = Version{Major: 4, Exact: "4.x"}
		if tables[p+"guidedtours"] {
			v.Exact = "4.3+"
		}
	case tables[p+"tags"] && tables[p+"ucm_content"]:
		v = Version{Major: 3, Exact: "3.x"}
	case tables[p+"usergroups"]:
		v = Version{Major: 2, Exact: "2.5"}
	default:
		return Version{}, fmt.Errorf("prefix %q: unknown Joomla version", p)
	}

	if tables[p+"schemas"] {
		// The last schema update applied, e.g. 3.10.7-2022-03-18.
		var id sql.NullString
		if src.QueryRowContext(ctx, `SELECT s.version_id FROM `+p+`schemas s JOIN `+p+`extensions e
			ON e.extension_id = s.extension_id WHERE e.name = 'files_joomla'
			ORDER BY s.version_id DESC LIMIT 1`).Scan(&id) == nil {
			if parts := strings.SplitN(id.String, ".", 3); len(parts) >= 2 {
				v.Exact = parts[0] + "." + parts[1] + ".x"
			}
		}
	}

	if tables[p+"extensions"] {
		var manifest sql.NullString
		if src.QueryRowContext(ctx, `SELECT manifest_cache FROM `+p+`extensions WHERE name = 'files_joomla'
			ORDER BY extension_id LIMIT 1`).Scan(&manifest) == nil {
			var m struct{ Version string }
			if json.Unmarshal([]byte(manifest.String), &m) == nil && m.Version != "" {
				v.Exact = m.Version
				if m.Version[0] >= '1' && m.Version[0] <= '9' && (len(m.Version) == 1 || m.Version[1] == '.') {
					v.Major = max(int(m.Version[0]-'0'), 2)
				}
			}
		}
	}

	return v, nil
}

// row reads the columns of one source row as strings: Joomla's zero dates
// and NULLs both arrive as "".
type row []sql.NullString

func (r row) s(i int) string { return r[i].String }

func (r row) i(i int) int64 {
	var n int64
	s := strings.TrimSpace(r[i].String)
	neg := strings.HasPrefix(s, "-")
	for _, c := range strings.TrimPrefix(s, "-") {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int64(c-'0')
	}

	if neg {
		return -n
	}

	return n
}

// scanAll runs query and calls fn for each row; a scan error of one row is
// passed to fn's caller through bad, and the loop goes on.
func scanAll(ctx context.Context, src *sql.DB, query string, fn func(r row) error) error {
	rows, err := src.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}

	r := make(row, len(cols))
	ptrs := make([]any, len(cols))
	for i := range r {
		ptrs[i] = &r[i]
	}

	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := fn(r); err != nil {
			return err
		}
	}

	return rows.Err()
}
