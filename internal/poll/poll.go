// Package poll holds the site's polls: questions, ordered options, votes
// and their results. Joomla showed "Total Votes / First Vote / Last Vote";
// those are the count, min and max of the stored votes, so they stay
// exact, imported votes included.
package poll

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// ErrNotFound is returned for unknown polls and options.
var ErrNotFound = store.ErrNotFound

// ErrInvalid is the sentinel of every validation problem poll returns:
// errors.Is(err, ErrInvalid) holds for each.
var ErrInvalid = errors.New("poll: invalid")

// invalid is a value of field that breaks a rule; key names the message.
func invalid(field, key string, args ...any) error {
	return problem.InvalidField(field, key, args...).Because(ErrInvalid)
}

// Status is a poll's state.
type Status string

const (
	StatusDraft  Status = "draft"
	StatusOpen   Status = "open"
	StatusClosed Status = "closed"
)

// Limits on options, as the newsroom form and the command line enforce.
const (
	MinOptions = 2
	MaxOptions = 20
)

// Poll is a question with its options.
type Poll struct {
	ID        int64
	SiteID    int64
	Question  string
	Status    Status
	OpensAt   *time.Time
	ClosesAt  *time.Time
	CreatedAt time.Time
	Options   []Option
}

// Option is one answer, with its vote count when read with results.
type Option struct {
	ID       int64
	Label    string
	Position int
	Votes    int64
}

// Results is a poll with its counts and the times of its first and last
// votes (nil when nobody has voted).
type Results struct {
	Poll
	Total int64
	First *time.Time
	Last  *time.Time
}

// Percent is the share of votes for option i, from 0 to 100.
func (r *Results) Percent(i int) float64 {
	if r.Total == 0 || i < 0 || i >= len(r.Options) {
		return 0
	}
	return float64(r.Options[i].Votes) * 100 / float64(r.Total)
}

// AcceptsVotes reports whether the poll takes votes at time now.
func (p *Poll) AcceptsVotes(now time.Time) bool {
	if p.Status != StatusOpen {
		return false
	}
	if p.OpensAt != nil && now.Before(*p.OpensAt) {
		return false
	}
	if p.ClosesAt != nil && !now.Before(*p.ClosesAt) {
		return false
	}

	return true
}

// Store reads and writes polls.
type Store struct {
	db         *store.DB
	votesPerIP int
}

// NewStore returns a poll store on db with the default per-IP limit.
func NewStore(db *store.DB) *Store { return &Store{db: db, votesPerIP: DefaultVotesPerIP} }

// WithVotesPerIP returns a copy of s that accepts at most n votes per poll
// from one IP address in any hour; 0 turns the limit off.
func (s *Store) WithVotesPerIP(n int) *Store {
	c := *s
	c.votesPerIP = max(n, 0)
	return &c
}

// Create inserts p and its options in order.
func (s *Store) Create(ctx context.Context, q store.Querier, p *Poll) error {
	p.Question = strings.TrimSpace(vn.NFC(p.Question))
	if p.Question == "" {
		return invalid("question", "poll.err.question_required")
	}
	if len(p.Options) < MinOptions || len(p.Options) > MaxOptions {
		return invalid("options", "poll.err.option_count", MinOptions, MaxOptions)
	}
	if p.Status == "" {
		p.Status = StatusDraft
	}
	if err := site.Check(p.SiteID, "create poll"); err != nil {
		return err
	}
	if p.CreatedAt.IsZero() {
		p.CreatedAt = time.Now().UTC().Truncate(time.Second)
	}

	err := q.QueryRowContext(ctx, `INSERT INTO polls (site_id, question, status, opens_at, closes_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, p.SiteID, p.Question, string(p.Status),
		store.NullUnix(p.OpensAt), store.NullUnix(p.ClosesAt), p.CreatedAt.Unix()).Scan(&p.ID)
	if err != nil {
		return fmt.Errorf("create poll: %w", err)
	}

	for i := range p.Options {
		o := &p.Options[i]
		o.Label = strings.TrimSpace(vn.NFC(o.Label))
		if o.Label == "" {
			return invalid("options", "poll.err.option_empty", i+1)
		}

		o.Position = i + 1
		if err := q.QueryRowContext(ctx, `INSERT INTO poll_options (poll_id, label, position)
			VALUES ($1, $2, $3) RETURNING id`,
			p.ID, o.Label, o.Position).Scan(&o.ID); err != nil {
			return fmt.Errorf("create poll option: %w", err)
		}
	}

	return nil
}

// RecordVote stores a vote as it happened at time at, for the demo loader
// and the importer. It does not check whether the poll accepts votes.
func (s *Store) RecordVote(
	ctx context.Context,
	q store.Querier,
	pollID, optionID int64,
	voterKey, ip string,
	at time.Time,
) error {
	_, err := q.ExecContext(ctx, `INSERT INTO poll_votes (poll_id, option_id, voter_key, ip, created_at)
		VALUES ($1, $2, $3, $4, $5)`, pollID, optionID, voterKey, ip, at.Unix())
	if err != nil {
		return fmt.Errorf("record vote: %w", err)
	}
	return nil
}

// Current returns the results of the newest poll open at time now, or
// ErrNotFound when none is.
func (s *Store) Current(ctx context.Context, siteID int64, now time.Time) (*Results, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM polls WHERE site_id = $1 AND status = 'open'
		AND (opens_at IS NULL OR opens_at <= $2) AND (closes_at IS NULL OR closes_at > $2)
		ORDER BY created_at DESC, id DESC LIMIT 1`, siteID, now.Unix()).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("current poll: %w", err)
	}

	return s.Results(ctx, siteID, id)
}

// Results returns a poll of site siteID with its counts.
func (s *Store) Results(ctx context.Context, siteID, id int64) (*Results, error) {
	r := &Results{}
	var opens, closes, first, last sql.NullInt64
	var created int64
	err := s.db.QueryRowContext(ctx, `SELECT p.id, p.site_id, p.question, p.status, p.opens_at, p.closes_at,
		p.created_at,
		(SELECT count(*) FROM poll_votes v WHERE v.poll_id = p.id),
		(SELECT min(created_at) FROM poll_votes v WHERE v.poll_id = p.id),
		(SELECT max(created_at) FROM poll_votes v WHERE v.poll_id = p.id)
		FROM polls p WHERE p.id = $1 AND p.site_id = $2`, id, siteID).Scan(
		&r.ID, &r.SiteID, &r.Question, &r.Status, &opens, &closes, &created, &r.Total, &first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("poll %d: %w", id, err)
	}

	r.OpensAt, r.ClosesAt = store.NullTime(opens), store.NullTime(closes)
	r.CreatedAt = store.Time(created)
	r.First, r.Last = store.NullTime(first), store.NullTime(last)
	rows, err := s.db.QueryContext(ctx, `SELECT o.id, o.label, o.position,
		(SELECT count(*) FROM poll_votes v WHERE v.option_id = o.id)
		FROM poll_options o WHERE o.poll_id = $1 ORDER BY o.position, o.id`, id)
	if err != nil {
		return nil, fmt.Errorf("poll %d options: %w", id, err)
	}

	r.Options, err = store.Collect(rows, func(sc store.Scanner) (Option, error) {
		var o Option
		return o, sc.Scan(&o.ID, &o.Label, &o.Position, &o.Votes)
	})
	if err != nil {
		return nil, fmt.Errorf("poll %d options: %w", id, err)
	}

	return r, nil
}
