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
)

// Session lifetimes: a session dies after IdleTimeout without a request,
// and in any case AbsoluteTimeout after login.
const (
	IdleTimeout     = 12 * time.Hour
	AbsoluteTimeout = 7 * 24 * time.Hour
	// touchEvery limits writes: last_seen moves at most once a minute.
	touchEvery = time.Minute
)

// ErrBadCredentials is a wrong username or password, or a blocked
// account: which one is not said, so a refusal never confirms a password.
var ErrBadCredentials = problem.New(problem.Unauthenticated, "auth.err.bad_credentials")

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

// Login checks a password and opens a new session. The check is reserved
// first (throttle.go): a login over a limit gets *LockedError and its
// password is never checked. An account with two-factor sign-in on gets
// *CodeRequired instead of a session (two_factor.go). A legacy hash
// (imported from Joomla) is replaced with argon2id on success.
func (s *Store) Login(ctx context.Context, username, password, ip, userAgent string) (*LoginResult, error) {
	now := s.now().UTC()
	proof, err := s.checkPassword(ctx, username, password, ip, now)
	if err != nil {
		return nil, err
	}

	res := &LoginResult{Token: randomToken()}
	var second *CodeRequired
	err = s.db.InTx(ctx, func(tx store.Tx) error {
		if err := proof.settle(ctx, tx, password); err != nil {
			return err
		}
		if proof.twoFactor {
			second, err = s.challenge(ctx, tx, proof.userID, now)
			return err
		}

		if _, err := tx.ExecContext(ctx, `UPDATE users SET last_login_at = $1 WHERE id = $2`,
			now.Unix(), proof.userID); err != nil {
			return err
		}

		res.Session, err = s.openSession(ctx, tx, proof.userID, res.Token, ip, userAgent, now)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	if second != nil {
		return nil, second
	}

	if res.User, err = s.User(ctx, proof.userID); err != nil {
		return nil, err
	}

	return res, nil
}

// passwordProof is a password that proved right: whose, from where, and
// whether its stored hash is of an old kind.
type passwordProof struct {
	userID    int64
	username  string
	ip        string
	rehash    bool
	twoFactor bool
}

// checkPassword reserves a check and runs it. A wrong password, an
// unknown username and a blocked account all give ErrBadCredentials and
// leave the reservation counted as a failure; an unknown username costs
// a hash like a known one, so timing does not tell them apart.
func (s *Store) checkPassword(ctx context.Context, username, password, ip string,
	now time.Time) (*passwordProof, error) {
	username = truncate(NormalizeUsername(username), 100)
	if err := s.reserve(ctx, username, ip, now); err != nil {
		return nil, err
	}

	proof := &passwordProof{username: username, ip: ip}
	var hash string
	var blocked bool
	err := s.db.QueryRowContext(ctx, `SELECT id, password_hash, blocked, totp_secret <> '' FROM users
		WHERE username = $1`, username).Scan(&proof.userID, &hash, &blocked, &proof.twoFactor)
	if errors.Is(err, sql.ErrNoRows) {
		s.verify(dummyHash(), password)
		return nil, ErrBadCredentials
	}
	if err != nil {
		return nil, fmt.Errorf("check password: %w", err)
	}

	ok, rehash, err := s.verify(hash, password)
	if err != nil && !errors.Is(err, ErrUnknownHash) {
		return nil, fmt.Errorf("check password: %w", err)
	}
	if !ok || blocked {
		return nil, ErrBadCredentials
	}
	proof.rehash = rehash
	return proof, nil
}

// settle records, inside the transaction that acts on the proof, that the
// password was right: the attempts from its address are forgotten, and
// a hash of an old kind is replaced. On an account with a second step
// the attempts stay counted until the code is right too, so giving the
// password again never buys more tries at the code.
func (p *passwordProof) settle(ctx context.Context, tx store.Tx, password string) error {
	if !p.twoFactor {
		if err := settleAttempts(ctx, tx, p.username, p.ip); err != nil {
			return err
		}
	}
	if !p.rehash {
		return nil
	}

	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, p.userID)
	return err
}

// openSession stores a new session for token, sweeping expired ones
// while a write happens anyway.
func (s *Store) openSession(ctx context.Context, tx store.Tx, userID int64, token, ip, userAgent string,
	now time.Time) (*Session, error) {
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at < $1 OR last_seen < $2`,
		now.Unix(), now.Add(-IdleTimeout).Unix()); err != nil {
		return nil, err
	}

	sess := &Session{UserID: userID, CSRFToken: randomToken(), CreatedAt: now, ExpiresAt: now.Add(AbsoluteTimeout)}
	_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, generation, csrf_token, created_at,
		last_seen, expires_at, ip, user_agent)
		VALUES ($1, $2, (SELECT session_generation FROM users WHERE id = $2), $3, $4, $4, $5, $6, $7)`,
		hashToken(token), userID, sess.CSRFToken, now.Unix(), sess.ExpiresAt.Unix(), ip, truncate(userAgent, 300))
	if err != nil {
		return nil, err
	}
	return sess, nil
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
