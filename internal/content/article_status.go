package content

import (
	"context"
	"fmt"
	"time"

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
	Submit:    {[]Status{StatusDraft}, StatusPending},
	Publish:   {[]Status{StatusDraft, StatusPending, StatusUnpublished, StatusArchived, StatusPublished}, StatusPublished},
	Reject:    {[]Status{StatusPending}, StatusDraft},
	Unpublish: {[]Status{StatusPublished}, StatusUnpublished},
	Archive:   {[]Status{StatusPublished, StatusUnpublished}, StatusArchived},
	Trash:     {[]Status{StatusDraft, StatusPending, StatusPublished, StatusUnpublished, StatusArchived}, StatusTrashed},
	Restore:   {[]Status{StatusTrashed}, StatusDraft},
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
		return nil, fmt.Errorf("%w: không thể %s bài đang ở trạng thái %s", ErrInvalid, c.Move.Label(), e.Status.Label())
	}
	now := c.Now.UTC().Truncate(time.Second)
	a := &e.Article
	note := c.Move.Label()
	switch c.Move {
	case Publish:
		switch {
		case c.PublishAt != nil && c.PublishAt.Before(now.Add(-time.Minute)) &&
			(a.PublishAt == nil || !a.PublishAt.Equal(c.PublishAt.Truncate(time.Second))):
			return nil, fmt.Errorf("%w: thời điểm đăng đã qua; hãy để trống để đăng ngay hoặc chọn thời điểm trong tương lai", ErrInvalid)
		case c.PublishAt != nil:
			t := c.PublishAt.UTC().Truncate(time.Second)
			a.PublishAt = &t
		case a.PublishAt == nil || a.Status == StatusDraft || a.Status == StatusPending:
			a.PublishAt = &now
		}
		if a.UnpublishAt != nil && !a.UnpublishAt.After(*a.PublishAt) {
			return nil, fmt.Errorf("%w: thời điểm gỡ bài phải sau thời điểm đăng", ErrInvalid)
		}
		e.ReviewNote = ""
		if a.PublishAt.After(now) {
			note = "hẹn giờ đăng"
		}
	case Reject:
		if c.Note == "" {
			return nil, fmt.Errorf("%w: hãy ghi lý do trả lại bài để phóng viên biết cần sửa gì", ErrInvalid)
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

// Label is the move in Vietnamese, for messages and the audit log.
func (t Transition) Label() string {
	switch t {
	case Submit:
		return "gửi duyệt"
	case Publish:
		return "xuất bản"
	case Reject:
		return "trả lại"
	case Unpublish:
		return "gỡ bài"
	case Archive:
		return "lưu trữ"
	case Trash:
		return "bỏ vào thùng rác"
	case Restore:
		return "khôi phục từ thùng rác"
	}
	return string(t)
}

// Label is the status in Vietnamese.
func (s Status) Label() string {
	switch s {
	case StatusDraft:
		return "bản nháp"
	case StatusPending:
		return "chờ duyệt"
	case StatusPublished:
		return "đã xuất bản"
	case StatusUnpublished:
		return "đã gỡ"
	case StatusArchived:
		return "lưu trữ"
	case StatusTrashed:
		return "thùng rác"
	}
	return string(s)
}

// Statuses lists every status in workflow order, for filters.
var Statuses = []Status{StatusDraft, StatusPending, StatusPublished, StatusUnpublished, StatusArchived, StatusTrashed}
