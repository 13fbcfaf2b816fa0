package poll

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
)

// DefaultVotesPerIP is the default per-poll, per-hour limit on votes from
// one address. It is high because a department's whole office often
// reaches the site through one address; it only stops someone clearing
// cookies in a loop.
const DefaultVotesPerIP = 500

// Reasons a vote is refused. Each leaves the database unchanged; the web
// layer turns them into a message for the visitor.
var (
	ErrAlreadyVoted  = problem.New(problem.Conflict, "poll.already")
	ErrClosed        = problem.New(problem.Conflict, "poll.closed")
	ErrNotOpenYet    = problem.New(problem.Conflict, "poll.not_open")
	ErrUnknownOption = problem.New(problem.Malformed, "poll.unknown_option")
	ErrTooManyFromIP = problem.New(problem.TooMany, "poll.too_many")
)

// Vote records voterKey's choice of optionID in poll pollID at time now,
// committed before it returns. Drafts and polls of other sites are
// ErrNotFound: a visitor cannot tell them from polls that do not exist.
func (s *Store) Vote(ctx context.Context, siteID, pollID, optionID int64, voterKey, ip string, now time.Time) error {
	if voterKey == "" {
		return fmt.Errorf("empty voter key: %w", ErrInvalid)
	}

	// On PostgreSQL, lock the poll row: votes on one poll then take turns,
	// so the per-IP count cannot be raced past its limit and no vote can
	// commit after a concurrent Close. SQLite already serialises writers
	// (transactions begin IMMEDIATE) and has no FOR UPDATE.
	lock := ""
	if s.db.Dialect == store.Postgres {
		lock = " FOR UPDATE"
	}

	return s.db.InTx(ctx, func(tx store.Tx) error {
		var p Poll
		var opens, closes sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT status, opens_at, closes_at FROM polls
			WHERE id = $1 AND site_id = $2`+lock, pollID, siteID).Scan(&p.Status, &opens, &closes)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("vote: read poll %d: %w", pollID, err)
		}

		p.OpensAt, p.ClosesAt = store.NullTime(opens), store.NullTime(closes)
		if err := p.Refusal(now); err != nil {
			return err
		}

		var one int
		err = tx.QueryRowContext(ctx, `SELECT 1 FROM poll_options WHERE id = $1 AND poll_id = $2`,
			optionID, pollID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrUnknownOption
		}
		if err != nil {
			return fmt.Errorf("vote: read option: %w", err)
		}

		limit, _, err := s.VotesPerIP(ctx, tx, siteID)
		if err != nil {
			return fmt.Errorf("vote: %w", err)
		}

		if limit > 0 && ip != "" {
			var n int
			err := tx.QueryRowContext(ctx, `SELECT count(*) FROM poll_votes
				WHERE poll_id = $1 AND ip = $2 AND created_at > $3`,
				pollID, ip, now.Add(-time.Hour).Unix()).Scan(&n)
			if err != nil {
				return fmt.Errorf("vote: count votes from address: %w", err)
			}
			if n >= limit {
				return ErrTooManyFromIP
			}
		}

		// DO NOTHING rather than catching the unique violation: on
		// PostgreSQL a failed statement would poison the transaction.
		res, err := tx.ExecContext(ctx, `INSERT INTO poll_votes (poll_id, option_id, voter_key, ip, created_at)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (poll_id, voter_key) DO NOTHING`,
			pollID, optionID, voterKey, ip, now.Unix())
		if err != nil {
			return fmt.Errorf("vote: insert: %w", err)
		}

		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("vote: insert: %w", err)
		} else if n == 0 {
			return ErrAlreadyVoted
		}

		return nil
	})
}

// Refusal says why the poll takes no vote at time now (ErrClosed,
// ErrNotOpenYet, ErrNotFound for a draft), or nil when it does.
func (p *Poll) Refusal(now time.Time) error {
	switch {
	case p.Status == StatusDraft:
		return ErrNotFound
	case p.Status == StatusClosed:
		return ErrClosed
	case p.OpensAt != nil && now.Before(*p.OpensAt):
		return ErrNotOpenYet
	case p.ClosesAt != nil && !now.Before(*p.ClosesAt):
		return ErrClosed
	}
	return nil
}

// HasVoted reports whether voterKey has a vote in poll pollID.
func (s *Store) HasVoted(ctx context.Context, pollID int64, voterKey string) (bool, error) {
	if voterKey == "" {
		return false, nil
	}

	var one int
	err := s.db.QueryRowContext(ctx, `SELECT 1 FROM poll_votes WHERE poll_id = $1 AND voter_key = $2`,
		pollID, voterKey).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("has voted: %w", err)
	}

	return true, nil
}

// List returns every poll of a site with its counts, newest first.
func (s *Store) List(ctx context.Context, siteID int64) ([]*Results, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM polls WHERE site_id = $1
		ORDER BY created_at DESC, id DESC`, siteID)
	if err != nil {
		return nil, fmt.Errorf("list polls: %w", err)
	}

	ids, err := store.Collect(rows, store.ScanInt64)
	if err != nil {
		return nil, fmt.Errorf("list polls: %w", err)
	}

	out := make([]*Results, 0, len(ids))
	for _, id := range ids {
		r, err := s.Results(ctx, siteID, id)
		if err != nil {
			return nil, err
		}

		out = append(out, r)
	}

	return out, nil
}

// Close stops a poll taking votes; its results stay visible.
func (s *Store) Close(ctx context.Context, siteID, id int64) error {
	return s.setStatus(ctx, siteID, id, StatusClosed)
}

// Open lets a poll take votes (within its opening and closing times).
func (s *Store) Open(ctx context.Context, siteID, id int64) error {
	return s.setStatus(ctx, siteID, id, StatusOpen)
}

func (s *Store) setStatus(ctx context.Context, siteID, id int64, st Status) error {
	res, err := s.db.ExecContext(ctx, `UPDATE polls SET status = $1 WHERE id = $2 AND site_id = $3`,
		string(st), id, siteID)
	if err != nil {
		return fmt.Errorf("poll %d: set status %s: %w", id, st, err)
	}

	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return ErrNotFound
	}

	return nil
}
