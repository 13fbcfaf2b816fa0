package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// Session lifetimes: a session dies after IdleTimeout without a request,
// and in any case AbsoluteTimeout after login.
const (
	IdleTimeout     = 12 * time.Hour
	AbsoluteTimeout = 7 * 24 * time.Hour
	// touchEvery limits writes: last_seen moves at most once a minute.
	touchEvery = time.Minute
)

// Throttling: FailuresPerAccount wrong passwords within FailureWindow lock
// the account for LockDuration; FailuresPerIP do the same to an address
// (higher, since an office shares one address).
const (
	FailuresPerAccount = 5
	FailuresPerIP      = 20
	FailureWindow      = 15 * time.Minute
	LockDuration       = 15 * time.Minute
)

// ErrBadCredentials is a wrong username or password; which one is not said.
var ErrBadCredentials = problem.New(problem.Unauthenticated, "auth.err.bad_credentials")

// ErrBlocked is a correct password on a blocked account.
var ErrBlocked = problem.New(problem.Forbidden, "auth.err.blocked")

// LockedError says logins are refused until a time.
type LockedError struct {
	Until time.Time
	ByIP  bool
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("login locked until %s (by address: %t)", e.Until.Format(time.RFC3339), e.ByIP)
}

// Unwrap makes a lock a problem of its own: too many attempts, with the
// time to try again in the message.
func (e *LockedError) Unwrap() error {
	key := "auth.err.locked_account"
	if e.ByIP {
		key = "auth.err.locked_address"
	}
	return problem.New(problem.TooMany, key, vn.FormatDateTimeShort(e.Until))
}

// Session is a logged-in browser.
type Session struct {
	UserID    int64
	CSRFToken string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// LoginResult is a successful login: the cookie token (shown once, only
// its hash is stored), the session and the user.
type LoginResult struct {
	Token   string
	Session *Session
	User    *User
}

// dummyHash makes a login for an unknown username cost as much as one
// for a known user, so timing does not reveal which usernames exist. It
// is made at the first such login, not at start: hashing costs tens of
// milliseconds and megabytes that every start and every test binary of
// a package importing auth would otherwise pay.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("congtin-dummy-password")
	return h
})

// Login checks a password and opens a new session. Failures are recorded
// for throttling; a locked account or address gets *LockedError before the
// password is even checked. A legacy hash (imported from Joomla) is
// replaced with argon2id on success.
func (s *Store) Login(ctx context.Context, username, password, ip, userAgent string) (*LoginResult, error) {
	username = NormalizeUsername(username)
	now := s.now().UTC()
	if err := s.checkLock(ctx, username, ip, now); err != nil {
		return nil, err
	}

	var id int64
	var hash string
	var blocked bool
	err := s.db.QueryRowContext(ctx, `SELECT id, password_hash, blocked FROM users WHERE username = $1`,
		username).Scan(&id, &hash, &blocked)
	if errors.Is(err, sql.ErrNoRows) {
		VerifyPassword(dummyHash(), password)
		return nil, s.fail(ctx, username, ip, now)
	}

	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}

	ok, rehash, err := VerifyPassword(hash, password)
	if err != nil && !errors.Is(err, ErrUnknownHash) {
		return nil, fmt.Errorf("login: %w", err)
	}
	if !ok {
		return nil, s.fail(ctx, username, ip, now)
	}
	if blocked {
		return nil, ErrBlocked
	}

	token := randomToken()
	res := &LoginResult{Token: token}
	err = s.db.InTx(ctx, func(tx store.Tx) error {
		if rehash {
			newHash, err := HashPassword(password)
			if err != nil {
				return err
			}

			if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`,
				newHash, id); err != nil {
				return err
			}
		}

		if _, err := tx.ExecContext(ctx, `UPDATE users SET last_login_at = $1 WHERE id = $2`,
			now.Unix(), id); err != nil {
			return err
		}

		if _, err := tx.ExecContext(ctx, `DELETE FROM login_failures WHERE username = $1`, username); err != nil {
			return err
		}

		// Expired sessions are swept here, where a write happens anyway.
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < $1 OR last_seen < $2`,
			now.Unix(), now.Add(-IdleTimeout).Unix()); err != nil {
			return err
		}

		sess := &Session{UserID: id, CSRFToken: randomToken(), CreatedAt: now, ExpiresAt: now.Add(AbsoluteTimeout)}
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions
			(token_hash, user_id, generation, csrf_token, created_at, last_seen, expires_at, ip, user_agent)
			VALUES ($1, $2, (SELECT session_generation FROM users WHERE id = $2), $3, $4, $4, $5, $6, $7)`,
			hashToken(token), id, sess.CSRFToken, now.Unix(), sess.ExpiresAt.Unix(), ip, truncate(userAgent, 300))

		res.Session = sess
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	if res.User, err = s.User(ctx, id); err != nil {
		return nil, err
	}

	return res, nil
}

func (s *Store) fail(ctx context.Context, username, ip string, now time.Time) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO login_failures (username, ip, at) VALUES ($1, $2, $3)`,
		truncate(username, 100), ip, now.Unix()); err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}

	// The failure that reaches the limit already says so.
	if err := s.checkLock(ctx, username, ip, now); err != nil {
		return err
	}

	return ErrBadCredentials
}

// checkLock refuses a login while the account or the address has had too
// many recent failures. The lock runs from the last failure of a burst
// (the limit reached within FailureWindow) for LockDuration.
func (s *Store) checkLock(ctx context.Context, username, ip string, now time.Time) error {
	if until, err := s.lockedUntil(ctx, `username = $1`, username, FailuresPerAccount, now); err != nil {
		return err
	} else if until.After(now) {
		return &LockedError{Until: until}
	}

	if ip == "" {
		return nil
	}

	if until, err := s.lockedUntil(ctx, `ip = $1`, ip, FailuresPerIP, now); err != nil {
		return err
	} else if until.After(now) {
		return &LockedError{Until: until, ByIP: true}
	}

	return nil
}

func (s *Store) lockedUntil(ctx context.Context, where string, arg any, limit int, now time.Time) (time.Time, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at FROM login_failures WHERE `+where+` AND at > $2
		ORDER BY at DESC LIMIT $3`, arg, now.Add(-FailureWindow-LockDuration).Unix(), limit)
	if err != nil {
		return time.Time{}, fmt.Errorf("login failures: %w", err)
	}

	ats, err := store.Collect(rows, store.ScanInt64)
	if err != nil {
		return time.Time{}, fmt.Errorf("login failures: %w", err)
	}
	if len(ats) < limit {
		return time.Time{}, nil
	}

	newest, oldest := store.Time(ats[0]), store.Time(ats[len(ats)-1])
	if newest.Sub(oldest) > FailureWindow {
		return time.Time{}, nil
	}

	return newest.Add(LockDuration), nil
}

// Authenticate returns the user and session for a cookie token, or
// ErrNotFound when the session is unknown, expired, idle too long, of an
// older generation (log out everywhere, new password, new role) or its
// user is blocked.
func (s *Store) Authenticate(ctx context.Context, token string) (*User, *Session, error) {
	if token == "" || len(token) > 100 {
		return nil, nil, ErrNotFound
	}

	now := s.now().UTC()
	h := hashToken(token)
	sess := &Session{}
	var gen, userGen int
	var blocked bool
	var created, lastSeen, expires int64
	err := s.db.QueryRowContext(ctx, `SELECT s.user_id, s.generation, s.csrf_token, s.created_at, s.last_seen,
		s.expires_at, u.session_generation, u.blocked
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`, h).Scan(
		&sess.UserID, &gen, &sess.CSRFToken, &created, &lastSeen, &expires, &userGen, &blocked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, ErrNotFound
	}
	if err != nil {
		return nil, nil, fmt.Errorf("session: %w", err)
	}

	sess.CreatedAt, sess.ExpiresAt = store.Time(created), store.Time(expires)
	if gen != userGen || blocked || now.Unix() >= expires || now.Sub(store.Time(lastSeen)) > IdleTimeout {
		s.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, h)
		return nil, nil, ErrNotFound
	}

	if now.Sub(store.Time(lastSeen)) > touchEvery {
		if _, err := s.db.ExecContext(ctx, `UPDATE sessions SET last_seen = $1 WHERE token_hash = $2`,
			now.Unix(), h); err != nil {
			return nil, nil, fmt.Errorf("touch session: %w", err)
		}
	}

	u, err := s.User(ctx, sess.UserID)
	if err != nil {
		return nil, nil, err
	}

	return u, sess, nil
}

// Logout ends one session.
func (s *Store) Logout(ctx context.Context, token string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hashToken(token))
	return err
}

// randomToken is 256 bits from the system's generator, URL-safe.
func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
