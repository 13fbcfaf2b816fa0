package joomla

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
)

// Count is what happened to the items of one kind.
type Count struct {
	Created, Updated, Unchanged, Skipped int
}

// Skip is an item left out, with the reason.
type Skip struct {
	Kind, SourceID, Reason string
}

// MissingFile is a file a body or image field referenced that could not
// be copied; the reference is left as it was.
type MissingFile struct {
	Path      string
	ArticleID int64
	Reason    string
}

// Unsafe is an article whose HTML lost dangerous parts to the sanitiser.
type Unsafe struct {
	ArticleID int64
	Title     string
	Removed   int
}

// ArticleRef names an article in the report.
type ArticleRef struct {
	ID    int64
	Title string
}

// Report is the outcome of an import.
type Report struct {
	Version string
	Prefix  string
	Source  string
	DryRun  bool
	Elapsed time.Duration

	Counts map[string]*Count
	// Skipped lists rows left out: users without a newsroom group, rows
	// that failed, articles of missing categories.
	Skipped []Skip
	Missing []MissingFile
	Unsafe  []Unsafe
	// Registered lists articles only registered visitors could read on
	// the old site; they are imported with access "registered".
	Registered []ArticleRef
	// Hidden lists articles published on the old site in a category that
	// was not, so no visitor saw them; they are imported unpublished.
	Hidden []ArticleRef
	// UnknownHashes lists usernames whose password hash congtin cannot
	// verify: they must reset their password.
	UnknownHashes []string
	// VisitsOffset is the visit count written to the visits_offset
	// setting, -1 when it was left alone.
	VisitsOffset int64
	// Notes are remarks that need no list (extra votes without a date...).
	Notes []string
}

func newReport() *Report { return &Report{Counts: map[string]*Count{}, VisitsOffset: -1} }

func (r *Report) count(kind string) *Count {
	c, ok := r.Counts[kind]
	if !ok {
		c = &Count{}
		r.Counts[kind] = c
	}
	return c
}

func (r *Report) skip(kind, id, reason string) {
	r.count(kind).Skipped++
	r.Skipped = append(r.Skipped, Skip{Kind: kind, SourceID: id, Reason: reason})
}

func (r *Report) missing(path string, article int64, reason string) {
	r.Missing = append(r.Missing, MissingFile{Path: path, ArticleID: article, Reason: reason})
}

// listLimit caps each list in the text report; the full lists are in the
// Report value.
const listLimit = 50

// WriteText prints the summary an officer reads after the import.
func (r *Report) WriteText(w io.Writer) {
	mode := ""
	if r.DryRun {
		mode = " (dry run: nothing was written)"
	}

	fmt.Fprintf(w, "Joomla %s, prefix %q, %s%s, in %s\n",
		r.Version, r.Prefix, r.Source, mode, r.Elapsed.Round(time.Millisecond))

	kinds := make([]string, 0, len(r.Counts))
	for k := range r.Counts {
		kinds = append(kinds, k)
	}

	sort.Strings(kinds)
	fmt.Fprintf(w, "%-12s %8s %8s %9s %8s\n", "kind", "created", "updated", "unchanged", "skipped")
	for _, k := range kinds {
		c := r.Counts[k]
		fmt.Fprintf(w, "%-12s %8d %8d %9d %8d\n", k, c.Created, c.Updated, c.Unchanged, c.Skipped)
	}

	if r.VisitsOffset >= 0 {
		fmt.Fprintf(w, "visit count carried over: %d\n", r.VisitsOffset)
	}

	section := func(title string, n int, line func(i int) string) {
		if n == 0 {
			return
		}

		fmt.Fprintf(w, "\n%s (%d):\n", title, n)
		for i := 0; i < n && i < listLimit; i++ {
			fmt.Fprintln(w, "  "+line(i))
		}

		if n > listLimit {
			fmt.Fprintf(w, "  ... and %d more\n", n-listLimit)
		}
	}

	section("Skipped", len(r.Skipped), func(i int) string {
		s := r.Skipped[i]
		return fmt.Sprintf("%s %s: %s", s.Kind, s.SourceID, s.Reason)
	})

	section("Missing media (references left unchanged)", len(r.Missing), func(i int) string {
		m := r.Missing[i]
		return fmt.Sprintf("%s (article %d): %s", m.Path, m.ArticleID, m.Reason)
	})

	section("Unsafe HTML removed", len(r.Unsafe), func(i int) string {
		u := r.Unsafe[i]
		return fmt.Sprintf("article %d %q: %d removed", u.ArticleID, u.Title, u.Removed)
	})

	section("Registered-only articles (not public)", len(r.Registered), func(i int) string {
		return fmt.Sprintf("article %d %q", r.Registered[i].ID, r.Registered[i].Title)
	})

	section("Published in an unpublished category (imported unpublished)", len(r.Hidden), func(i int) string {
		return fmt.Sprintf("article %d %q", r.Hidden[i].ID, r.Hidden[i].Title)
	})

	section("Users whose password hash is unknown (must reset)", len(r.UnknownHashes), func(i int) string {
		return r.UnknownHashes[i]
	})

	section("Notes", len(r.Notes), func(i int) string { return r.Notes[i] })
}

// progress reports each phase: a bar redrawn in place on a terminal,
// plain lines at every tenth otherwise (logs, CI).
type progress struct {
	w       io.Writer
	tty     bool
	phase   string
	total   int
	done    int
	lastPct int
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) start(phase string, total int) {
	if p.w == nil {
		return
	}
	p.end()
	p.phase, p.total, p.done, p.lastPct = phase, total, 0, -1
	p.draw()
}

func (p *progress) step() {
	if p.w == nil {
		return
	}
	p.done++
	p.draw()
}

func (p *progress) draw() {
	pct := 100
	if p.total > 0 {
		pct = min(100, p.done*100/p.total)
	}

	if p.tty {
		if pct == p.lastPct && p.done%500 != 0 && p.done != p.total {
			return
		}

		bar := strings.Repeat("#", pct/4) + strings.Repeat(" ", 25-pct/4)
		fmt.Fprintf(p.w, "\r%-10s [%s] %3d%% %d/%d", p.phase, bar, pct, p.done, p.total)
	} else {
		if pct/10 == p.lastPct/10 && p.lastPct >= 0 {
			return
		}
		fmt.Fprintf(p.w, "%s: %d%% (%d/%d)\n", p.phase, pct, p.done, p.total)
	}

	p.lastPct = pct
}

func (p *progress) end() {
	if p.w != nil && p.tty && p.phase != "" {
		fmt.Fprintln(p.w)
	}
	p.phase = ""
}

// skipReason is why a row was left out, in words the operator reads: a
// refusal's message from the catalogue, any other error as it is.
func skipReason(err error) string {
	if msg, ok := problem.Message(i18n.Default, err); ok {
		return msg
	}
	return err.Error()
}
