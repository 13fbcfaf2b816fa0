// Package joomla imports a Joomla site (1.5 to 5) from its MySQL/MariaDB
// database: categories, articles with their files, users with their
// password hashes, 1.5 polls with every dated vote, the visit count, and
// a redirect for every address the old site answered. It is idempotent:
// import_map remembers what came from where, so a second run updates
// what changed and adds what is new. See ../../../shared/joomla/MODEL.md.
package joomla

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/oldlink"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// Options are the settings of an import.
type Options struct {
	// Prefix is the table prefix ("jos_"); empty: detected, which fails
	// when the database holds several installs.
	Prefix string
	// ImagesRoot is the old site's root folder (holding images/); empty:
	// files are not copied and every reference is reported.
	ImagesRoot string
	// BaseURL is the old site's address; absolute links to it count as
	// own-site files, and its path is the subfolder the site lived in.
	BaseURL string
	// VisitsOffset, when not negative, becomes the visits_offset setting;
	// negative: the old site's counter module is read, best effort (see
	// counter.go), and the setting is left alone when none is found.
	VisitsOffset int64
	// DryRun runs everything in a transaction that is rolled back.
	DryRun bool
	// SiteID is the congtin site imported into; required.
	SiteID int64
	// Roles maps Joomla group titles (case-insensitive) to congtin roles;
	// nil means DefaultRoles. A user gets the highest role of their groups.
	Roles map[string]string
	// Roles15 maps 1.5 gid values to roles; nil means DefaultRoles15.
	Roles15 map[int64]string
	// Source names the import in import_map; empty: "joomla:<db>/<prefix>".
	Source string
	// Indexer keeps the search index up to date; nil: the index is rebuilt
	// at the next start.
	Indexer content.Indexer
	// Progress receives progress lines; nil: silent.
	Progress io.Writer
	// BatchSize is how many items are committed at once; 0 means 2000.
	BatchSize int
}

// DefaultRoles is the group → role map of 1.6 and later.
var DefaultRoles = map[string]string{
	"super users": "admin",
	"publisher":   "editor_in_chief",
	"editor":      "editor",
	"author":      "writer",
}

// DefaultRoles15 is the gid → role map of 1.5.
var DefaultRoles15 = map[int64]string{25: "admin", 24: "admin", 21: "editor_in_chief", 20: "editor", 19: "writer"}

var roleRank = map[string]int{"writer": 1, "editor": 2, "editor_in_chief": 3, "admin": 4}

type mapEntry struct {
	target   int64
	checksum string
}

type category struct {
	jid       string // source id in import_map ("12", or "section:3" in 1.5)
	num       int64
	parent    string
	alias     string
	path      string
	title     string
	published bool
	live      bool
	target    int64
	slug      string
	section   string // 1.5: the section's jid of a category
}

// artInfo is what the redirect phase needs of each article.
type artInfo struct {
	jid    int64
	target int64
	alias  string
	cat    string
	slug   string
	status content.Status
}

type importer struct {
	src     *sql.DB
	dst     *store.DB
	opts    Options
	p       string
	ver     Version
	rep     *Report
	w       *writer
	prog    *progress
	content *content.Store
	media   *media.Store
	polls   *poll.Store

	baseHost, basePath string
	source             string
	now                time.Time

	imap      map[string]map[string]mapEntry
	files     map[string]storedMedia
	mediaMime map[int64]string
	userIDs   map[int64]int64  // Joomla user id → congtin user id
	names     map[int64]string // Joomla user id → name, for bylines
	cats      map[string]*category
	catOrder  []*category
	tags      map[int64]int64 // Joomla tag id → congtin tag id
	articles  []artInfo
	redirects map[string]oldlink.Redirect

	// indexer and toIndex: articles written since the last commit, indexed
	// together before it (see indexPending).
	indexer content.Indexer
	toIndex []*content.Article
	// mapRows are import_map rows written since the last commit.
	mapRows map[mapKey]mapRow

	probeMu sync.Mutex
	probes  map[string]fileRef
}

type mapKey struct{ kind, sid string }

type mapRow struct {
	target   int64
	checksum string
}

// Import copies the Joomla site in src into dst and returns what it did.
// Bad rows are reported and skipped; only a failure of the databases
// themselves stops it.
func Import(ctx context.Context, src *sql.DB, dst *store.DB, opts Options) (*Report, error) {
	start := time.Now()
	if err := checkPrefix(opts.Prefix); err != nil {
		return nil, err
	}
	if err := site.Check(opts.SiteID, "import"); err != nil {
		return nil, err
	}
	if opts.Roles == nil {
		opts.Roles = DefaultRoles
	}
	if opts.Roles15 == nil {
		opts.Roles15 = DefaultRoles15
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 2000
	}

	im := &importer{src: src, dst: dst, opts: opts, rep: newReport(), prog: newProgress(opts.Progress),
		content: content.NewStore(dst), media: media.NewStore(dst), polls: poll.NewStore(dst),
		now: time.Now().UTC(), imap: map[string]map[string]mapEntry{}, files: map[string]storedMedia{},
		mediaMime: map[int64]string{}, userIDs: map[int64]int64{}, names: map[int64]string{},
		cats: map[string]*category{}, tags: map[int64]int64{}, redirects: map[string]oldlink.Redirect{},
		probes: map[string]fileRef{}}

	// The content store gets no indexer: the importer indexes each batch
	// of articles itself, outside the per-row savepoints (SQLite's FTS5
	// writes its pending entries to disk at every savepoint).
	im.indexer = opts.Indexer
	if opts.BaseURL != "" {
		u, err := url.Parse(opts.BaseURL)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("--base-url %q is not an address", opts.BaseURL)
		}

		im.baseHost = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		im.basePath = strings.TrimRight(u.Path, "/")
	}

	if err := im.detect(ctx); err != nil {
		return nil, err
	}

	im.rep.DryRun = opts.DryRun
	im.w = &writer{db: dst, dry: opts.DryRun, batch: opts.BatchSize}
	im.w.flush = []func(context.Context) error{im.indexPending, im.writeMapRows}
	if err := im.w.begin(ctx); err != nil {
		return nil, err
	}

	err := im.run(ctx)
	if ferr := im.w.finish(ctx, err == nil); err == nil {
		err = ferr
	}

	im.prog.end()
	im.rep.Elapsed = time.Since(start)
	if err != nil {
		return im.rep, err
	}

	return im.rep, nil
}

func (im *importer) detect(ctx context.Context) error {
	im.p = im.opts.Prefix
	if im.p == "" {
		ps, err := Prefixes(ctx, im.src)
		if err != nil {
			return err
		}

		switch len(ps) {
		case 0:
			return errors.New("no Joomla tables in this database (no <prefix>content with <prefix>users)")
		case 1:
			if err := checkPrefix(ps[0]); err != nil {
				return err
			}
			im.p = ps[0]
		default:
			installs, err := Installs(ctx, im.src, ps)
			if err != nil {
				return err
			}

			return &SeveralInstallsError{Installs: installs}
		}
	}

	v, err := DetectVersion(ctx, im.src, im.p)
	if err != nil {
		return err
	}

	im.ver = v
	im.source = im.opts.Source
	if im.source == "" {
		var db string
		if err := im.src.QueryRowContext(ctx, `SELECT DATABASE()`).Scan(&db); err != nil {
			return fmt.Errorf("source database: %w", err)
		}

		im.source = "joomla:" + db + "/" + im.p
	}

	im.rep.Version, im.rep.Prefix, im.rep.Source = v.Exact, im.p, im.source
	return nil
}

func (im *importer) run(ctx context.Context) error {
	if err := im.loadState(ctx); err != nil {
		return err
	}

	phases := []struct {
		name string
		fn   func(context.Context) error
	}{
		{"users", im.importUsers},
		{"categories", im.importCategories},
		{"tags", im.importTags},
		{"articles", im.importArticles},
		{"polls", im.importPolls},
		{"redirects", im.importRedirects},
		{"settings", im.importSettings},
	}

	for _, ph := range phases {
		if err := ph.fn(ctx); err != nil {
			return fmt.Errorf("%s: %w", ph.name, err)
		}
		if err := im.w.commitIfDue(ctx, true); err != nil {
			return err
		}
	}

	if im.dst.Dialect == store.Postgres {
		tables := []string{"articles", "categories", "users", "tags", "media", "polls", "poll_options", "poll_votes"}
		for _, t := range tables {
			if _, err := im.w.tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'),
				GREATEST((SELECT COALESCE(max(id), 0) FROM `+t+`), 1))`); err != nil {
				return fmt.Errorf("reset %s ids: %w", t, err)
			}
		}
	}

	return nil
}

// loadState reads what earlier imports of this source left.
func (im *importer) loadState(ctx context.Context) error {
	rows, err := im.w.tx.QueryContext(ctx, `SELECT kind, source_id, target_id, checksum FROM import_map
		WHERE site_id = $1 AND source = $2`, im.opts.SiteID, im.source)
	if err != nil {
		return fmt.Errorf("read import_map: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, sid, sum string
		var target int64
		if err := rows.Scan(&kind, &sid, &target, &sum); err != nil {
			return err
		}

		im.setMapped(kind, sid, mapEntry{target: target, checksum: sum})
	}

	if err := rows.Err(); err != nil {
		return err
	}

	mrows, err := im.w.tx.QueryContext(ctx, `SELECT id, mime FROM media WHERE site_id = $1`, im.opts.SiteID)
	if err != nil {
		return err
	}
	defer mrows.Close()
	for mrows.Next() {
		var id int64
		var mime string
		if err := mrows.Scan(&id, &mime); err != nil {
			return err
		}

		im.mediaMime[id] = mime
	}

	return mrows.Err()
}

func (im *importer) setMapped(kind, sid string, e mapEntry) {
	m, ok := im.imap[kind]
	if !ok {
		m = map[string]mapEntry{}
		im.imap[kind] = m
	}
	m[sid] = e
}

func (im *importer) mapped(kind, sid string) (mapEntry, bool) {
	e, ok := im.imap[kind][sid]
	return e, ok
}

// remember records that source item sid of kind became target. The
// import_map row is written with the batch (writeMapRows), in the same
// transaction, so it is committed together with the item it describes.
// Call it last in an item's write, once nothing can fail any more.
func (im *importer) remember(kind, sid string, target int64, checksum string) error {
	if im.mapRows == nil {
		im.mapRows = map[mapKey]mapRow{}
	}
	im.mapRows[mapKey{kind, sid}] = mapRow{target: target, checksum: checksum}
	im.setMapped(kind, sid, mapEntry{target: target, checksum: checksum})
	return nil
}

// writeMapRows writes the pending import_map rows in multi-row statements.
func (im *importer) writeMapRows(ctx context.Context) error {
	if len(im.mapRows) == 0 {
		return nil
	}

	keys := make([]mapKey, 0, len(im.mapRows))
	for k := range im.mapRows {
		keys = append(keys, k)
	}

	sort.Slice(keys, func(i, j int) bool {
		if keys[i].kind != keys[j].kind {
			return keys[i].kind < keys[j].kind
		}
		return keys[i].sid < keys[j].sid
	})

	const per = 500
	for i := 0; i < len(keys); i += per {
		chunk := keys[i:min(i+per, len(keys))]
		var b strings.Builder
		b.WriteString(`INSERT INTO import_map
			(site_id, source, kind, source_id, target_id, checksum, imported_at) VALUES `)
		args := make([]any, 0, 3+len(chunk)*4)
		args = append(args, im.opts.SiteID, im.source, im.now.Unix())
		for j, k := range chunk {
			if j > 0 {
				b.WriteString(", ")
			}

			n := len(args)
			r := im.mapRows[k]
			b.WriteString("($1, $2, $" + strconv.Itoa(n+1) + ", $" + strconv.Itoa(n+2) + ", $" + strconv.Itoa(n+3) +
				", $" + strconv.Itoa(n+4) + ", $3)")

			args = append(args, k.kind, k.sid, r.target, r.checksum)
		}

		b.WriteString(` ON CONFLICT (site_id, source, kind, source_id) DO UPDATE SET target_id = excluded.target_id,
		checksum = excluded.checksum, imported_at = excluded.imported_at`)
		if _, err := im.w.tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("import_map: %w", err)
		}
	}

	clear(im.mapRows)
	return nil
}

// indexPending puts the articles written since the last commit into the
// search index in one go. Should one of them fail, they are indexed one
// by one so only that one is left out (and reported); the index is
// rebuilt at the next start when it lacks articles.
func (im *importer) indexPending(ctx context.Context) error {
	if im.indexer == nil || len(im.toIndex) == 0 {
		return nil
	}

	batch := im.toIndex
	im.toIndex = im.toIndex[:0]
	err := im.w.row(ctx, func() error {
		for _, a := range batch {
			if err := im.indexer.Index(ctx, im.w.tx, a); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		clear(batch)
		return nil
	}

	for _, a := range batch {
		if err := im.w.row(ctx, func() error { return im.indexer.Index(ctx, im.w.tx, a) }); err != nil {
			im.rep.Notes = append(im.rep.Notes, fmt.Sprintf("article %d is not in the search index: %v", a.ID, err))
		}
	}

	clear(batch)
	return nil
}

func checksum(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func (im *importer) count(ctx context.Context, query string) int {
	var n int
	if im.src.QueryRowContext(ctx, query).Scan(&n) != nil {
		return 0
	}
	return n
}

// writer holds the destination transaction. Items are written in batches
// (committed every BatchSize items) so a large import neither holds one
// huge transaction nor loses its work on a crash; a dry run keeps one
// transaction and rolls it back. Each item runs under a savepoint, so a
// failing row is undone alone and the import goes on. Work that is cheaper
// done once per batch (search index entries, import_map rows) waits in
// flush hooks that run before each commit, outside any item's savepoint.
type writer struct {
	db    *store.DB
	tx    *txq
	dry   bool
	batch int
	n     int
	// flush runs before every commit (and at every batch boundary of a
	// dry run), in order.
	flush []func(context.Context) error
}

func (w *writer) begin(ctx context.Context) error {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	// modernc's SQLite driver parses every statement it is given; pgx
	// already keeps its own statement cache.
	w.tx, w.n = &txq{tx: tx, cache: w.db.Dialect == store.SQLite}, 0
	return nil
}

func (w *writer) row(ctx context.Context, fn func() error) error {
	if _, err := w.tx.ExecContext(ctx, `SAVEPOINT item`); err != nil {
		return err
	}

	if err := fn(); err != nil {
		if _, rerr := w.tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT item`); rerr != nil {
			return errors.Join(err, rerr)
		}

		w.tx.ExecContext(ctx, `RELEASE SAVEPOINT item`)
		return err
	}

	_, err := w.tx.ExecContext(ctx, `RELEASE SAVEPOINT item`)
	return err
}

func (w *writer) runFlush(ctx context.Context) error {
	for _, f := range w.flush {
		if err := f(ctx); err != nil {
			return err
		}
	}
	return nil
}

// commitIfDue counts one item and commits when the batch is full (or
// now, when force is set).
func (w *writer) commitIfDue(ctx context.Context, force bool) error {
	w.n++
	if !force && w.n < w.batch {
		return nil
	}
	if err := w.runFlush(ctx); err != nil {
		return err
	}

	if w.dry {
		w.n = 0
		return nil
	}

	if err := w.tx.tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}

	return w.begin(ctx)
}

func (w *writer) finish(ctx context.Context, ok bool) error {
	if ok {
		if err := w.runFlush(ctx); err != nil {
			w.tx.tx.Rollback()
			return err
		}
	}

	if w.dry || !ok {
		return w.tx.tx.Rollback()
	}
	if err := w.tx.tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}

	return nil
}

// txq is the writer's transaction as a store.Querier. On SQLite it
// prepares each distinct statement once per transaction and reuses it, so
// the tens of thousands of identical INSERTs of an import are parsed once
// per batch instead of once per row (pgx keeps its own statement cache).
// It also rewrites the $N placeholders into anonymous ones: the driver
// looks up the name of every parameter of every execution, a linear
// search each, which is most of the cost of binding a multi-row INSERT.
// The statements close with the transaction.
type txq struct {
	tx    *sql.Tx
	cache bool
	stmts map[string]*txStmt
}

type txStmt struct {
	st    *sql.Stmt
	query string // the rewritten query, for when st is nil
	order []int  // argument index of each placeholder; nil: as given
}

// maxCachedStmts bounds the cache: statements built with a variable
// number of rows (the last chunk of a multi-row INSERT) are rare, and
// past the bound they run unprepared.
const maxCachedStmts = 64

func (t *txq) stmt(ctx context.Context, query string) *txStmt {
	if s, ok := t.stmts[query]; ok {
		return s
	}

	s := &txStmt{}
	s.query, s.order = anonymous(query)
	if len(t.stmts) >= maxCachedStmts {
		return s
	}

	st, err := t.tx.PrepareContext(ctx, s.query)
	if err != nil {
		return s // run unprepared, which reports the error where it belongs
	}

	s.st = st
	if t.stmts == nil {
		t.stmts = map[string]*txStmt{}
	}

	t.stmts[query] = s
	return s
}

func (s *txStmt) args(args []any) []any {
	if s.order == nil {
		return args
	}

	out := make([]any, len(s.order))
	for i, n := range s.order {
		if n < len(args) {
			out[i] = args[n]
		}
	}

	return out
}

func (t *txq) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if !t.cache {
		return t.tx.ExecContext(ctx, query, args...)
	}
	s := t.stmt(ctx, query)
	if s.st != nil {
		return s.st.ExecContext(ctx, s.args(args)...)
	}
	return t.tx.ExecContext(ctx, s.query, s.args(args)...)
}

func (t *txq) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if !t.cache {
		return t.tx.QueryContext(ctx, query, args...)
	}
	s := t.stmt(ctx, query)
	if s.st != nil {
		return s.st.QueryContext(ctx, s.args(args)...)
	}
	return t.tx.QueryContext(ctx, s.query, s.args(args)...)
}

func (t *txq) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if !t.cache {
		return t.tx.QueryRowContext(ctx, query, args...)
	}
	s := t.stmt(ctx, query)
	if s.st != nil {
		return s.st.QueryRowContext(ctx, s.args(args)...)
	}
	return t.tx.QueryRowContext(ctx, s.query, s.args(args)...)
}

var _ store.Querier = (*txq)(nil)

// anonymous rewrites the $1, $2... placeholders of query (outside quoted
// strings and names) into ?, and returns the argument index each one
// takes, or nil when they take the arguments in order.
func anonymous(query string) (string, []int) {
	var b strings.Builder
	var order []int
	inOrder := true
	last := 0 // query[:last] is in b
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"' || c == '`':
			quote = c
		case c == '$' && i+1 < len(query) && query[i+1] >= '0' && query[i+1] <= '9':
			j, n := i+1, 0
			for j < len(query) && query[j] >= '0' && query[j] <= '9' {
				n = n*10 + int(query[j]-'0')
				j++
			}

			b.WriteString(query[last:i])
			b.WriteByte('?')
			last = j
			if n-1 != len(order) {
				inOrder = false
			}

			order = append(order, n-1)
			i = j - 1
		}
	}

	if last == 0 {
		return query, nil
	}

	b.WriteString(query[last:])
	if inOrder {
		order = nil
	}

	return b.String(), order
}
