package auth

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// Throttling. Every password check is reserved before it runs: a row in
// login_failures, taken in a transaction that first counts the rows
// already there under a lock on the account and the address, so parallel
// requests and several nodes on one PostgreSQL database cannot check more
// than the limits allow. The row counts as a failure until the password
// proves right, when it is deleted.
//
//   - AttemptsPerAccountAddress checks of one account from one address per
//     FailureWindow. An attacker's address runs out of them; the owner's
//     address keeps its own.
//   - AttemptsPerAddress checks from one address, whatever the account
//     (higher, since an office shares one address).
//   - After AccountBackoffAfter failures of one account from anywhere in
//     FailureWindow, its checks are spaced: each waits longer after the
//     last one, up to MaxAccountSpacing. That slows guessing from many
//     addresses without a lock that anyone could set off.
const (
	AttemptsPerAccountAddress = 5
	AttemptsPerAddress        = 20
	FailureWindow             = 15 * time.Minute
	AccountBackoffAfter       = 10
	firstAccountSpacing       = 2 * time.Second
	MaxAccountSpacing         = time.Minute
)

// ThrottleScope says which limit refused a login.
type ThrottleScope int

// The limits of a login, from the narrowest.
const (
	ThrottledAccountAddress ThrottleScope = iota // this account from this address
	ThrottledAddress                             // this address, whatever the account
	ThrottledAccount                             // this account from anywhere: checks are spaced
)

// LockedError says a login was refused, its password unchecked, until a
// time.
type LockedError struct {
	Until time.Time
	Scope ThrottleScope
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("login throttled until %s (scope %d)", e.Until.Format(time.RFC3339), e.Scope)
}

// Unwrap makes a lock a problem of its own: too many attempts, with the
// time to try again in the message.
func (e *LockedError) Unwrap() error {
	switch e.Scope {
	case ThrottledAddress:
		return problem.New(problem.TooMany, "auth.err.locked_address", vn.FormatDateTimeShort(e.Until))
	case ThrottledAccount:
		return problem.New(problem.TooMany, "auth.err.spaced_account")
	}
	return problem.New(problem.TooMany, "auth.err.locked_account", vn.FormatDateTimeShort(e.Until))
}

// reserve takes an attempt slot for a password check, or refuses with
// *LockedError when a limit is reached.
func (s *Store) reserve(ctx context.Context, username, ip string, now time.Time) error {
	err := s.db.InTx(ctx, func(tx store.Tx) error {
		if err := s.lockAttempts(ctx, tx, username, ip); err != nil {
			return err
		}

		if err := refusal(ctx, tx, username, ip, now); err != nil {
			return err
		}

		_, err := tx.ExecContext(ctx, `INSERT INTO login_failures (username, ip, at) VALUES ($1, $2, $3)`,
			username, ip, now.Unix())
		return err
	})
	if err != nil {
		return fmt.Errorf("reserve login attempt: %w", err)
	}
	return nil
}

// lockAttempts makes reservations for one account, and for one address,
// take turns. On PostgreSQL these are transaction advisory locks, the
// account's always before the address's, so two reservations never wait
// for each other in a circle; account and address keys live in separate
// key spaces. SQLite already serialises writers (transactions begin
// IMMEDIATE).
func (s *Store) lockAttempts(ctx context.Context, tx store.Tx, username, ip string) error {
	if s.db.Dialect != store.Postgres {
		return nil
	}

	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, 1, lockKey(username)); err != nil {
		return err
	}
	if ip == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, 2, lockKey(ip))
	return err
}

func lockKey(s string) int32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return int32(h.Sum32())
}

// refusal applies the three limits to the attempts already reserved.
func refusal(ctx context.Context, q store.Querier, username, ip string, now time.Time) error {
	since := now.Add(-FailureWindow).Unix()

	ats, err := attemptTimes(ctx, q, `username = $1 AND ip = $2`, since, AttemptsPerAccountAddress, username, ip)
	if err != nil {
		return err
	}
	if len(ats) == AttemptsPerAccountAddress {
		return &LockedError{Until: ats[len(ats)-1].Add(FailureWindow), Scope: ThrottledAccountAddress}
	}

	if ip != "" {
		ats, err := attemptTimes(ctx, q, `ip = $1`, since, AttemptsPerAddress, ip)
		if err != nil {
			return err
		}
		if len(ats) == AttemptsPerAddress {
			return &LockedError{Until: ats[len(ats)-1].Add(FailureWindow), Scope: ThrottledAddress}
		}
	}

	return accountSpacing(ctx, q, username, since, now)
}

// accountSpacing refuses a check of an account that many addresses have
// failed on until enough time has passed since its last attempt.
func accountSpacing(ctx context.Context, q store.Querier, username string, since int64, now time.Time) error {
	var n int
	var last int64
	err := q.QueryRowContext(ctx, `SELECT count(*), coalesce(max(at), 0) FROM login_failures
		WHERE username = $1 AND at > $2`, username, since).Scan(&n, &last)
	if err != nil {
		return fmt.Errorf("login attempts: %w", err)
	}
	if n < AccountBackoffAfter {
		return nil
	}

	space := MaxAccountSpacing
	if over := n - AccountBackoffAfter; over < 16 {
		space = min(firstAccountSpacing<<over, MaxAccountSpacing)
	}
	if until := store.Time(last).Add(space); until.After(now) {
		return &LockedError{Until: until, Scope: ThrottledAccount}
	}
	return nil
}

// attemptTimes returns the times of the newest attempts matching where
// (whose last two placeholders are since and limit), newest first.
func attemptTimes(ctx context.Context, q store.Querier, where string, since int64, limit int,
	args ...any) ([]time.Time, error) {
	n := len(args)
	query := fmt.Sprintf(`SELECT at FROM login_failures WHERE %s AND at > $%d ORDER BY at DESC LIMIT $%d`,
		where, n+1, n+2)
	rows, err := q.QueryContext(ctx, query, append(args, since, limit)...)
	if err != nil {
		return nil, fmt.Errorf("login attempts: %w", err)
	}

	secs, err := store.Collect(rows, store.ScanInt64)
	if err != nil {
		return nil, fmt.Errorf("login attempts: %w", err)
	}
	ats := make([]time.Time, len(secs))
	for i, sec := range secs {
		ats[i] = store.Time(sec)
	}
	return ats, nil
}

// settleAttempts forgets the attempts of an account from the address a
// right password came from: the owner's own mistakes, and the check just
// made. Other addresses' failures stay, so they keep their limits.
func settleAttempts(ctx context.Context, q store.Querier, username, ip string) error {
	_, err := q.ExecContext(ctx, `DELETE FROM login_failures WHERE username = $1 AND ip = $2`, username, ip)
	return err
}
