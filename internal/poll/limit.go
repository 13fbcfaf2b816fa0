package poll

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/store"
)

// KeyVotesPerIP is the site setting, edited in the newsroom, that
// overrides the per-IP limit the store was started with
// (--poll-votes-per-ip). Absent or empty keeps the started value; 0 turns
// the limit off.
const KeyVotesPerIP = "poll_votes_per_ip"

// VotesPerIP returns the per-poll, per-hour limit on votes from one
// address in force for site siteID, and whether the site's setting chose
// it rather than the value the store was started with.
func (s *Store) VotesPerIP(ctx context.Context, q store.Querier, siteID int64) (int, bool, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE site_id = $1 AND key = $2`,
		siteID, KeyVotesPerIP).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return s.votesPerIP, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("read %s: %w", KeyVotesPerIP, err)
	}

	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return s.votesPerIP, false, nil
	}

	return n, true, nil
}

// DefaultLimit is the per-IP limit the store was started with.
func (s *Store) DefaultLimit() int { return s.votesPerIP }
