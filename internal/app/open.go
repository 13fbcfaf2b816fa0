package app

import (
	"context"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// OpenSite opens (creating and migrating) the database named by dsn and
// resolves, once, the site it serves: the start of the server and of every
// command that touches content, which then pass the site down.
func OpenSite(ctx context.Context, dsn string) (*store.DB, site.Site, error) {
	return OpenSiteWith(ctx, dsn, store.Options{})
}

// OpenSiteWith is OpenSite with the store's options (read-only).
func OpenSiteWith(ctx context.Context, dsn string, opt store.Options) (*store.DB, site.Site, error) {
	db, err := store.OpenWith(ctx, dsn, opt)
	if err != nil {
		return nil, site.Site{}, err
	}

	s, err := site.Only(ctx, db)
	if err != nil {
		db.Close()
		return nil, site.Site{}, err
	}

	return db, s, nil
}
