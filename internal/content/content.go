// Package content holds the portal's editorial content: categories,
// articles and static pages, and the rules that decide what a visitor may
// see. It knows the database, never HTTP.
package content

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
)

// ErrNotFound is returned when a category, article or page does not exist
// or is not visible to the caller.
var ErrNotFound = store.ErrNotFound

// ErrInvalid is the sentinel of every validation problem content returns:
// errors.Is(err, ErrInvalid) holds for each.
var ErrInvalid = errors.New("content: invalid")

// invalid is a value of field that breaks a rule; key names the message.
func invalid(field, key string, args ...any) error {
	return problem.InvalidField(field, key, args...).Because(ErrInvalid)
}

// Status is an article's place in the editorial workflow.
type Status string

const (
	StatusDraft       Status = "draft"
	StatusPending     Status = "pending"
	StatusPublished   Status = "published"
	StatusUnpublished Status = "unpublished"
	StatusArchived    Status = "archived"
	StatusTrashed     Status = "trashed"
)

// Category is a section of the site. Categories form a tree through
// ParentID (0 for a top-level category).
type Category struct {
	ID          int64
	SiteID      int64
	ParentID    int64
	Slug        string
	Name        string
	Description string
	Position    int
	Published   bool
	Children    []*Category
}

// Article is a news item or document.
type Article struct {
	ID          int64
	SiteID      int64
	CategoryID  int64
	Slug        string
	Title       string
	IntroHTML   string
	BodyHTML    string
	Excerpt     string // plain text, made from intro or body when saved
	AuthorAlias string
	// Access is who may read it: AccessPublic, or AccessRegistered for an
	// article an imported site kept for its members, which the public
	// site never shows. Empty means public.
	Access          string
	MetaDescription string
	CreatedBy       int64
	Status          Status
	PublishAt       *time.Time
	UnpublishAt     *time.Time
	Featured        bool
	Hits            int64
	ImageID         int64
	Version         int
	CreatedAt       time.Time
	UpdatedAt       time.Time

	// Filled by reads for display.
	Image *ImageRef
}

// Summary is an article as shown in lists: enough for a title, a date, an
// intro and a thumbnail, without the body.
type Summary struct {
	ID           int64
	Slug         string
	Title        string
	Excerpt      string
	PublishAt    time.Time
	CategoryID   int64
	CategorySlug string
	CategoryName string
	Featured     bool
	Hits         int64
	Image        *ImageRef
}

// ImageRef points at a stored image by its content hash.
type ImageRef struct {
	SHA256 string
	Mime   string
	Width  int
	Height int
	Alt    string
}

// Page is a static page such as "Giới thiệu".
type Page struct {
	ID        int64
	SiteID    int64
	Slug      string
	Title     string
	BodyHTML  string
	Position  int
	Published bool
	UpdatedAt time.Time
}

// Store reads and writes content.
type Store struct {
	db      *store.DB
	indexer Indexer
}

// NewStore returns a content store on db.
func NewStore(db *store.DB) *Store { return &Store{db: db} }

// Indexer keeps a search index in step with articles. The store calls
// Index after every write of an article, inside the write's transaction
// (q), so the index never shows what the database rolled back; the
// indexer decides from the article's status whether it belongs in the
// index at all. Remove is for an article that is being deleted.
// internal/search implements it; content does not import search.
type Indexer interface {
	Index(ctx context.Context, q store.Querier, a *Article) error
	Remove(ctx context.Context, q store.Querier, id int64) error
}

// WithIndexer makes the store keep ix up to date and returns the store.
// Every store that writes articles in a running site needs one (see
// internal/app); without it, articles are written unindexed and only a
// rebuild of the index finds them.
func (s *Store) WithIndexer(ix Indexer) *Store {
	s.indexer = ix
	return s
}

// reindex tells the indexer, if any, that a changed inside q.
func (s *Store) reindex(ctx context.Context, q store.Querier, a *Article) error {
	if s.indexer == nil {
		return nil
	}
	if err := s.indexer.Index(ctx, q, a); err != nil {
		return fmt.Errorf("index article %d: %w", a.ID, err)
	}
	return nil
}

// DB exposes the handle for callers that must join content writes with
// their own in one transaction (the demo loader, the importer).
func (s *Store) DB() *store.DB { return s.db }
