package content

import (
	"context"
	"fmt"
	"time"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
)

// Transition is a move in the editorial workflow.
type Transition string

const (
	Submit    Transition = "submit"    // draft -> pending
	Publish   Transition = "publish"   // -> published, now or at publish_at
	Reject    Transition = "reject"    // pending -> draft, with a note for the writer
	Unpublish Transition = "unpublish" // published -> unpublished
	Archive   Transition = "archive"   // -> archived
	Trash     Transition = "trash"     // -> trashed
	Restore   Transition = "untrash"   // trashed -> draft
)

// transitions lists, for each move, the states it may start from and the
// state it leads to.
var transitions = map[Transition]struct {
	from []Status
	to   Status
}{
	Submit: {[]Status{StatusDraft}, StatusPending},
	Publish: {
		[]Status{StatusDraft, StatusPending, StatusUnpublished, StatusArchived, StatusPublished},
		StatusPublished,
	},
	Reject:    {[]Status{StatusPending}, StatusDraft},
	Unpublish: {[]Status{StatusPublished}, StatusUnpublished},
	Archive:   {[]Status{StatusPublished, StatusUnpublished}, StatusArchived},
	Trash: {
		[]Status{StatusDraft, StatusPending, StatusPublished, StatusUnpublished, StatusArchived},
		StatusTrashed,
	},
	Restore: {[]Status{StatusTrashed}, StatusDraft},
}

// Allows reports whether move t may start from status s.
func (t Transition) Allows(s Status) bool {
	tr, ok := transitions[t]
	if !ok {
		return false
	}

	for _, f := range tr.from {
		if f == s {
			return true
		}
	}

	return false
}

// StatusChange is a workflow move on one article.
type StatusChange struct {
	ID      int64
	Version int // the version the user saw; a different one is ErrStale
	Move    Transition
	// PublishAt schedules a Publish; nil publishes now, or keeps the
	// article's own time when it already has one (re-publishing).
	PublishAt *time.Time
	Note      string // the reason for a Reject, shown to the writer
	UserID    int64
	Now       time.Time
}

// SetStatus applies a workflow move, writes a revision and updates the
// search index, all inside q. A publication time in the past is refused
// unless it is the one the article already had.
func (s *Store) SetStatus(ctx context.Context, q store.Querier, c StatusChange) (*Editable, error) {
	e, err := s.ArticleForEdit(ctx, q, c.ID)
	if err != nil {
		return nil, err
	}
	if e.Version != c.Version {
		return nil, ErrStale
	}

	if !c.Move.Allows(e.Status) {
		return nil, problem.New(problem.Invalid, "content.err.move_refused",
			problem.Key(c.Move.LabelKey()), problem.Key(e.Status.LabelKey())).Because(ErrInvalid)
	}

	now := c.Now.UTC().Truncate(time.Second)
	a := &e.Article
	note := i18n.Default.T(c.Move.LabelKey())
	switch c.Move {
	case Publish:
		switch {
		case c.PublishAt != nil && c.PublishAt.Before(now.Add(-time.Minute)) &&
			(a.PublishAt == nil || !a.PublishAt.Equal(c.PublishAt.Truncate(time.Second))):
			return nil, invalid("publish_at", "content.err.publish_past")
		case c.PublishAt != nil:
			t := c.PublishAt.UTC().Truncate(time.Second)
			a.PublishAt = &t
		case a.PublishAt == nil || a.Status == StatusDraft || a.Status == StatusPending:
			a.PublishAt = &now
		}

		if a.UnpublishAt != nil && !a.UnpublishAt.After(*a.PublishAt) {
			return nil, invalid("unpublish_at", "content.err.unpublish_before")
		}

		e.ReviewNote = ""
		if a.PublishAt.After(now) {
			note = i18n.Default.T("content.note.scheduled")
		}
	case Reject:
		if c.Note == "" {
			return nil, invalid("note", "content.err.reject_note")
		}

		e.ReviewNote = c.Note
		note += ": " + c.Note
	case Submit:
		e.ReviewNote = ""
	}

	a.Status = transitions[c.Move].to
	a.UpdatedAt = now
	res, err := q.ExecContext(ctx, `UPDATE articles SET status = $1, publish_at = $2, review_note = $3, updated_at = $4,
		version = version + 1 WHERE id = $5 AND version = $6`,
		string(a.Status), store.NullUnix(a.PublishAt), e.ReviewNote, now.Unix(), a.ID, c.Version)
	if err != nil {
		return nil, fmt.Errorf("set status: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, ErrStale
	}

	a.Version = c.Version + 1
	if err := s.reindex(ctx, q, a); err != nil {
		return nil, err
	}
	if err := writeRevision(ctx, q, e, c.UserID, note); err != nil {
		return nil, err
	}

	return e, nil
}

// LabelKey names the move in the catalogue, for messages and the audit log.
func (t Transition) LabelKey() string {
	switch t {
	case Submit:
		return "content.move.submit"
	case Publish:
		return "content.move.publish"
	case Reject:
		return "content.move.reject"
	case Unpublish:
		return "content.move.unpublish"
	case Archive:
		return "content.move.archive"
	case Trash:
		return "content.move.trash"
	case Restore:
		return "content.move.untrash"
	}
	return "content.move.unknown"
}

// LabelKey names the status in the catalogue.
func (s Status) LabelKey() string {
	switch s {
	case StatusDraft:
		return "content.status.draft"
	case StatusPending:
		return "content.status.pending"
	case StatusPublished:
		return "content.status.published"
	case StatusUnpublished:
		return "content.status.unpublished"
	case StatusArchived:
		return "content.status.archived"
	case StatusTrashed:
		return "content.status.trashed"
	}
	return "content.status.unknown"
}

// Statuses lists every status in workflow order, for filters.
var Statuses = []Status{StatusDraft, StatusPending, StatusPublished, StatusUnpublished, StatusArchived, StatusTrashed}
