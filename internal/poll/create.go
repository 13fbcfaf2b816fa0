package poll

import (
	"context"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// ErrClosesBeforeOpens is a poll whose voting would end before it starts.
// It is also an ErrInvalid.
var ErrClosesBeforeOpens = problem.InvalidField("closes_at", "poll.err.closes_before_opens").Because(ErrInvalid)

// NewPoll is a poll as someone asks for it: a question, its answers in
// order, and when voting runs.
type NewPoll struct {
	SiteID   int64
	Question string
	Options  []string
	// OpensAt is when voting starts; nil: at once.
	OpensAt *time.Time
	// ClosesAt is when voting ends; nil: never.
	ClosesAt *time.Time
	// Open opens the poll now; otherwise it is a draft.
	Open bool
}

// Add creates the poll n describes, with its options in order, in a
// transaction of its own. Nothing is written when it is refused.
func (s *Store) Add(ctx context.Context, n NewPoll) (*Poll, error) {
	if err := site.Check(n.SiteID, "add poll"); err != nil {
		return nil, err
	}
	if n.OpensAt != nil && n.ClosesAt != nil && !n.ClosesAt.After(*n.OpensAt) {
		return nil, ErrClosesBeforeOpens
	}

	p := &Poll{SiteID: n.SiteID, Question: n.Question, Status: StatusDraft, OpensAt: n.OpensAt, ClosesAt: n.ClosesAt}
	if n.Open {
		p.Status = StatusOpen
	}

	for _, label := range n.Options {
		p.Options = append(p.Options, Option{Label: label})
	}

	if err := s.db.InTx(ctx, func(tx store.Tx) error { return s.Create(ctx, tx, p) }); err != nil {
		return nil, err
	}

	return p, nil
}
