package site

import (
	"context"
	"errors"
	"fmt"

	"github.com/congtin/congtin/internal/store"
)

// ErrMissing is a service or a write given no site. There is no default
// site: a forgotten site must fail loudly, never write into site 1. It is
// a programming error, reported as an internal error.
var ErrMissing = errors.New("no site given")

// ErrNone and ErrSeveral are what Only finds when the sites table does not
// hold exactly one site.
var (
	ErrNone    = errors.New("the sites table holds no site")
	ErrSeveral = errors.New("the sites table holds several sites")
)

// Site is one row of the sites table: a site served by this installation.
type Site struct {
	ID   int64
	Host string
	Name string
}

// Check returns an error wrapping ErrMissing, naming what was being done,
// when id is not a site's id.
func Check(id int64, doing string) error {
	if id <= 0 {
		return fmt.Errorf("%s: %w", doing, ErrMissing)
	}
	return nil
}

// Only returns the one site this installation serves. The server and
// every command that touches content call it once, at start, and pass the
// site down; nothing below them picks a site.
//
// Until a platform runs several sites the sites table holds one row
// (migration 0001), served under every host name. The multi-site step adds
// a lookup of a site by host name, which app's per-host handler calls once
// per request, and a way for commands to name their site; Only then stays
// the answer of a one-site installation, and ErrSeveral is what a command
// that names no site gets on a platform.
func Only(ctx context.Context, q store.Querier) (Site, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sites`).Scan(&n); err != nil {
		return Site{}, fmt.Errorf("count sites: %w", err)
	}

	switch {
	case n == 0:
		return Site{}, ErrNone
	case n > 1:
		return Site{}, fmt.Errorf("%w (%d); this version serves one", ErrSeveral, n)
	}

	var s Site
	err := q.QueryRowContext(ctx, `SELECT id, host, name FROM sites`).Scan(&s.ID, &s.Host, &s.Name)
	if err != nil {
		return Site{}, fmt.Errorf("read the site: %w", err)
	}

	return s, nil
}
