package poll

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// ErrHasVotes is returned when an edit would remove an option people
// voted for, or change what it says. It is also an ErrInvalid.
var ErrHasVotes = fmt.Errorf("poll: option has votes: %w", ErrInvalid)

// hasVotes is the problem of an edit refused because people voted.
func hasVotes(field, key string, args ...any) error {
	return problem.InvalidField(field, key, args...).Because(ErrHasVotes)
}

// sameWords reports whether a and b differ only in diacritics, case and
// spacing: the corrections allowed on a question or option that already
// has votes (imported Joomla polls often lack their marks).
func sameWords(a, b string) bool {
	return strings.Join(strings.Fields(vn.Fold(a)), " ") == strings.Join(strings.Fields(vn.Fold(b)), " ")
}

// lockPoll checks that poll id belongs to site siteID and, on PostgreSQL,
// locks its row until the transaction ends. Vote takes the same lock, so
// no vote lands on an option while it is being removed, nor during a
// reset. SQLite transactions already exclude each other.
func (s *Store) lockPoll(ctx context.Context, q store.Querier, siteID, id int64) (string, error) {
	lock := ""
	if s.db.Dialect == store.Postgres {
		lock = " FOR UPDATE"
	}

	var question string
	err := q.QueryRowContext(ctx, `SELECT question FROM polls WHERE id = $1 AND site_id = $2`+lock,
		id, siteID).Scan(&question)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	if err != nil {
		return "", fmt.Errorf("poll %d: %w", id, err)
	}

	return question, nil
}

// SetQuestion changes the question of poll id. Once the poll has votes
// only diacritics, case and spacing may change: people answered the
// question as it was.
func (s *Store) SetQuestion(ctx context.Context, q store.Querier, siteID, id int64, question string) error {
	question = strings.TrimSpace(vn.NFC(question))
	if question == "" {
		return invalid("question", "poll.err.question_required")
	}

	old, err := s.lockPoll(ctx, q, siteID, id)
	if err != nil {
		return err
	}
	if old == question {
		return nil
	}

	var votes int64
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM poll_votes WHERE poll_id = $1`,
		id).Scan(&votes); err != nil {
		return fmt.Errorf("poll %d: count votes: %w", id, err)
	}

	if votes > 0 && !sameWords(old, question) {
		return hasVotes("question", "poll.err.question_has_votes", votes)
	}
	if _, err := q.ExecContext(ctx, `UPDATE polls SET question = $1 WHERE id = $2`, question, id); err != nil {
		return fmt.Errorf("poll %d: set question: %w", id, err)
	}

	return nil
}

// SetOptions makes opts the options of poll id, in the order given. An
// option with an ID is an existing one, renamed or moved; one without is
// added (its ID and Position are filled in); an existing option missing
// from opts is removed. An option with votes cannot be removed, and may
// only be renamed in diacritics, case and spacing: either is refused with
// ErrHasVotes and nothing changes. The caller's transaction makes the
// whole edit one change.
func (s *Store) SetOptions(ctx context.Context, q store.Querier, siteID, id int64, opts []Option) error {
	if len(opts) < MinOptions || len(opts) > MaxOptions {
		return invalid("options", "poll.err.option_count", MinOptions, MaxOptions)
	}
	if _, err := s.lockPoll(ctx, q, siteID, id); err != nil {
		return err
	}

	current, err := s.optionsWithVotes(ctx, q, id)
	if err != nil {
		return err
	}

	kept := map[int64]bool{}
	seen := map[string]int{}
	for i := range opts {
		o := &opts[i]
		o.Label = strings.TrimSpace(vn.NFC(o.Label))
		if o.Label == "" {
			return invalid("options", "poll.err.option_empty", i+1)
		}

		key := strings.Join(strings.Fields(vn.Fold(o.Label)), " ")
		if j, dup := seen[key]; dup {
			return invalid("options", "poll.err.option_duplicate", j+1, i+1, o.Label)
		}

		seen[key] = i
		if o.ID == 0 {
			continue
		}

		old, ok := current[o.ID]
		if !ok || kept[o.ID] {
			return invalid("options", "poll.err.option_foreign", i+1)
		}

		kept[o.ID] = true
		if old.Votes > 0 && !sameWords(old.Label, o.Label) {
			return hasVotes("options", "poll.err.option_has_votes", old.Label, old.Votes, o.Label)
		}
	}

	var removed []Option
	for oid, old := range current {
		if !kept[oid] {
			removed = append(removed, old)
		}
	}

	slices.SortFunc(removed, func(a, b Option) int {
		return cmp.Or(cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
	})

	for _, old := range removed {
		if old.Votes > 0 {
			return hasVotes("options", "poll.err.remove_has_votes", old.Label, old.Votes)
		}
	}

	for _, old := range removed {
		// The NOT EXISTS guard keeps the rule even if a vote slipped in;
		// the foreign key would otherwise delete it with the option.
		res, err := q.ExecContext(ctx, `DELETE FROM poll_options WHERE id = $1 AND poll_id = $2
			AND NOT EXISTS (SELECT 1 FROM poll_votes v WHERE v.option_id = $1)`, old.ID, id)
		if err != nil {
			return fmt.Errorf("poll %d: remove option %d: %w", id, old.ID, err)
		}

		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return hasVotes("options", "poll.err.remove_just_voted", old.Label)
		}
	}

	for i := range opts {
		o := &opts[i]
		o.Position = i + 1
		if o.ID != 0 {
			if _, err := q.ExecContext(ctx, `UPDATE poll_options SET label = $1, position = $2
				WHERE id = $3 AND poll_id = $4`,
				o.Label, o.Position, o.ID, id); err != nil {
				return fmt.Errorf("poll %d: update option %d: %w", id, o.ID, err)
			}
			continue
		}

		if err := q.QueryRowContext(ctx, `INSERT INTO poll_options (poll_id, label, position)
			VALUES ($1, $2, $3) RETURNING id`,
			id, o.Label, o.Position).Scan(&o.ID); err != nil {
			return fmt.Errorf("poll %d: add option: %w", id, err)
		}
	}

	return nil
}

func (s *Store) optionsWithVotes(ctx context.Context, q store.Querier, id int64) (map[int64]Option, error) {
	rows, err := q.QueryContext(ctx, `SELECT o.id, o.label, o.position,
		(SELECT count(*) FROM poll_votes v WHERE v.option_id = o.id)
		FROM poll_options o WHERE o.poll_id = $1`, id)
	if err != nil {
		return nil, fmt.Errorf("poll %d options: %w", id, err)
	}
	defer rows.Close()
	out := map[int64]Option{}
	for rows.Next() {
		var o Option
		if err := rows.Scan(&o.ID, &o.Label, &o.Position, &o.Votes); err != nil {
			return nil, err
		}

		out[o.ID] = o
	}

	return out, rows.Err()
}

// Reset deletes every vote of poll id and returns how many there were.
// The poll keeps its question, options and status; visitors who voted
// may vote again.
func (s *Store) Reset(ctx context.Context, q store.Querier, siteID, id int64) (int64, error) {
	if _, err := s.lockPoll(ctx, q, siteID, id); err != nil {
		return 0, err
	}

	res, err := q.ExecContext(ctx, `DELETE FROM poll_votes WHERE poll_id = $1`, id)
	if err != nil {
		return 0, fmt.Errorf("poll %d: reset: %w", id, err)
	}

	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("poll %d: reset: %w", id, err)
	}

	return n, nil
}
