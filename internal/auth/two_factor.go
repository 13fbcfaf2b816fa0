package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"database/sql"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// Two-factor sign-in: after the password, a six-digit code from an
// authenticator app (TOTP, RFC 6238: SHA-1, 30-second steps, one step of
// clock drift either way) or one of RecoveryCodeCount one-time recovery
// codes. Codes are throttled like passwords (throttle.go).
const (
	totpPeriod        = 30
	RecoveryCodeCount = 10
	challengeLifetime = 5 * time.Minute
	// TwoFactorRolesSetting names the site setting that lists, comma
	// separated, the roles that must use two-factor sign-in.
	TwoFactorRolesSetting = "two_factor_roles"
)

// ErrBadCode is a wrong, used or expired second-step code.
var ErrBadCode = problem.New(problem.Unauthenticated, "auth.err.bad_code")

// ErrChallengeExpired is a second step that came too late: the password
// has to be given again.
var ErrChallengeExpired = problem.New(problem.Unauthenticated, "auth.err.challenge_expired")

// CodeRequired is a right password on an account with two-factor sign-in
// on: no session is open yet. Challenge identifies the first step to
// CompleteLogin. It is an error so that a caller that knows nothing of
// the second step can never mistake it for a login.
type CodeRequired struct {
	Challenge string
}

func (e *CodeRequired) Error() string { return "login needs a second-step code" }

// Unwrap makes the second step a problem of its own, with the sentence
// that asks for the code.
func (e *CodeRequired) Unwrap() error {
	return problem.New(problem.Unauthenticated, "auth.err.code_required")
}

// TwoFactorSetup is a secret being set up: the text to type into an
// authenticator app, and the otpauth:// address that carries it.
type TwoFactorSetup struct {
	Secret string
	URI    string
}

// BeginTwoFactor makes a new secret for a user and keeps it pending until
// a code from it is confirmed. Two-factor sign-in stays as it was until
// then.
func (s *Store) BeginTwoFactor(ctx context.Context, userID int64, issuer string) (*TwoFactorSetup, error) {
	u, err := s.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: issuer, AccountName: u.Username, Period: totpPeriod})
	if err != nil {
		return nil, fmt.Errorf("two-factor secret: %w", err)
	}

	if _, err := s.db.ExecContext(ctx, `UPDATE users SET totp_pending = $1 WHERE id = $2`,
		key.Secret(), userID); err != nil {
		return nil, fmt.Errorf("two-factor secret: %w", err)
	}
	return &TwoFactorSetup{Secret: key.Secret(), URI: key.URL()}, nil
}

// PendingTwoFactor returns the secret being set up, or ErrNotFound when
// none is.
func (s *Store) PendingTwoFactor(ctx context.Context, userID int64, issuer string) (*TwoFactorSetup, error) {
	var username, secret string
	err := s.db.QueryRowContext(ctx, `SELECT username, totp_pending FROM users WHERE id = $1`,
		userID).Scan(&username, &secret)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("two-factor secret: %w", err)
	}
	if secret == "" {
		return nil, ErrNotFound
	}

	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret)
	if err != nil {
		return nil, fmt.Errorf("two-factor secret: %w", err)
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: issuer, AccountName: username, Period: totpPeriod,
		Secret: raw})
	if err != nil {
		return nil, fmt.Errorf("two-factor secret: %w", err)
	}
	return &TwoFactorSetup{Secret: secret, URI: key.URL()}, nil
}

// ConfirmTwoFactor turns two-factor sign-in on with the pending secret
// once code proves the app has it, and returns new recovery codes, shown
// this once: only their hashes are kept, and earlier ones stop working.
func (s *Store) ConfirmTwoFactor(ctx context.Context, userID int64, code string) ([]string, error) {
	var pending string
	if err := s.db.QueryRowContext(ctx, `SELECT totp_pending FROM users WHERE id = $1`,
		userID).Scan(&pending); err != nil {
		return nil, fmt.Errorf("confirm two-factor: %w", err)
	}
	step, ok := matchStep(pending, code, s.now())
	if pending == "" || !ok {
		return nil, invalid("code", "auth.err.bad_code")
	}

	codes, hashes, err := newRecoveryCodes()
	if err != nil {
		return nil, err
	}
	err = s.db.InTx(ctx, func(tx store.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET totp_secret = totp_pending, totp_pending = '',
			totp_last_step = $1 WHERE id = $2`, step, userID); err != nil {
			return err
		}
		return replaceRecoveryCodes(ctx, tx, userID, hashes)
	})
	if err != nil {
		return nil, fmt.Errorf("confirm two-factor: %w", err)
	}
	return codes, nil
}

// DisableTwoFactor turns two-factor sign-in off after checking the
// user's password, throttled like a login.
func (s *Store) DisableTwoFactor(ctx context.Context, userID int64, password, ip string) error {
	u, err := s.User(ctx, userID)
	if err != nil {
		return err
	}
	proof, err := s.checkPassword(ctx, u.Username, password, ip, s.now().UTC())
	if err != nil {
		return err
	}

	return s.db.InTx(ctx, func(tx store.Tx) error {
		if err := settleAttempts(ctx, tx, proof.username, ip); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET totp_secret = '', totp_pending = '', totp_last_step = 0
			WHERE id = $1`, userID); err != nil {
			return err
		}
		return replaceRecoveryCodes(ctx, tx, userID, nil)
	})
}

// challenge records a right password on an account with two-factor
// sign-in on, inside the transaction that settles the password's attempt.
func (s *Store) challenge(ctx context.Context, tx store.Tx, userID int64, now time.Time) (*CodeRequired, error) {
	if _, err := tx.ExecContext(ctx, `DELETE FROM login_challenges WHERE expires_at < $1`, now.Unix()); err != nil {
		return nil, err
	}

	token := randomToken()
	_, err := tx.ExecContext(ctx, `INSERT INTO login_challenges (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`,
		hashToken(token), userID, now.Add(challengeLifetime).Unix())
	if err != nil {
		return nil, err
	}
	return &CodeRequired{Challenge: token}, nil
}

// CompleteLogin takes the second step of a login: a code from the app,
// or a recovery code, which then stops working. The check is reserved
// like a password's, so codes cannot be guessed faster than passwords.
func (s *Store) CompleteLogin(ctx context.Context, challenge, code, ip, userAgent string) (*LoginResult, error) {
	now := s.now().UTC()
	var userID, lastStep int64
	var username, secret string
	var blocked bool
	err := s.db.QueryRowContext(ctx, `SELECT u.id, u.username, u.totp_secret, u.totp_last_step, u.blocked
		FROM login_challenges c JOIN users u ON u.id = c.user_id WHERE c.token_hash = $1 AND c.expires_at > $2`,
		hashToken(challenge), now.Unix()).Scan(&userID, &username, &secret, &lastStep, &blocked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrChallengeExpired
	}
	if err != nil {
		return nil, fmt.Errorf("second step: %w", err)
	}
	if err := s.reserve(ctx, username, ip, now); err != nil {
		return nil, err
	}

	use, err := s.codeUse(ctx, userID, secret, lastStep, code, now)
	if err != nil {
		return nil, err
	}
	if blocked {
		return nil, ErrBadCode
	}

	res := &LoginResult{Token: randomToken()}
	err = s.db.InTx(ctx, func(tx store.Tx) error {
		// The code is spent inside the transaction: two requests with one
		// code cannot both log in.
		r, err := tx.ExecContext(ctx, use.query, use.args...)
		if err != nil {
			return err
		}
		if n, err := r.RowsAffected(); err != nil || n != 1 {
			return ErrBadCode
		}

		if err := settleAttempts(ctx, tx, username, ip); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_challenges WHERE token_hash = $1`,
			hashToken(challenge)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET last_login_at = $1 WHERE id = $2`,
			now.Unix(), userID); err != nil {
			return err
		}

		res.Session, err = s.openSession(ctx, tx, userID, res.Token, ip, userAgent, now)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("second step: %w", err)
	}

	if res.User, err = s.User(ctx, userID); err != nil {
		return nil, err
	}
	return res, nil
}

// codeUse is the statement that spends an accepted code.
type codeUse struct {
	query string
	args  []any
}

// codeUse checks code against the app's secret (a step after the last
// one accepted) and then against the unused recovery codes. A code that
// matches neither is ErrBadCode.
func (s *Store) codeUse(ctx context.Context, userID int64, secret string, lastStep int64, code string,
	now time.Time) (*codeUse, error) {
	if step, ok := matchStep(secret, code, now); ok && step > lastStep {
		return &codeUse{`UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1`,
			[]any{step, userID}}, nil
	}

	hashes, err := store.QueryAll(ctx, s.db, store.ScanString, `SELECT code_hash FROM recovery_codes
		WHERE user_id = $1`, userID)
	if err != nil {
		return nil, fmt.Errorf("recovery codes: %w", err)
	}
	typed := normalizeRecoveryCode(code)
	for _, h := range hashes {
		if ok, _, _ := s.verify(h, typed); ok {
			return &codeUse{`DELETE FROM recovery_codes WHERE user_id = $1 AND code_hash = $2`,
				[]any{userID, h}}, nil
		}
	}
	return nil, ErrBadCode
}

// matchStep finds the time step, within one of now, whose code is code.
func matchStep(secret, code string, now time.Time) (int64, bool) {
	code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
	if secret == "" || len(code) != 6 {
		return 0, false
	}

	step := now.Unix() / totpPeriod
	for _, st := range []int64{step, step - 1, step + 1} {
		want, err := totp.GenerateCodeCustom(secret, time.Unix(st*totpPeriod, 0), totp.ValidateOpts{
			Period: totpPeriod, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1})
		if err == nil && subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return st, true
		}
	}
	return 0, false
}

// newRecoveryCodes returns RecoveryCodeCount codes of the form
// xxxxx-xxxxx (50 bits each, in base32: letters and 2-7, so no 0/o or
// 1/l to confuse on paper) and their hashes.
func newRecoveryCodes() (codes, hashes []string, err error) {
	for range RecoveryCodeCount {
		text := strings.ToLower(rand.Text())
		code := text[:5] + "-" + text[5:10]
		hash, err := HashPassword(normalizeRecoveryCode(code))
		if err != nil {
			return nil, nil, err
		}
		codes, hashes = append(codes, code), append(hashes, hash)
	}
	return codes, hashes, nil
}

func normalizeRecoveryCode(code string) string {
	return strings.ToLower(strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(code)))
}

func replaceRecoveryCodes(ctx context.Context, tx store.Tx, userID int64, hashes []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM recovery_codes WHERE user_id = $1`, userID); err != nil {
		return err
	}
	for _, h := range hashes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)`,
			userID, h); err != nil {
			return err
		}
	}
	return nil
}

// RecoveryCodesLeft counts a user's unused recovery codes.
func (s *Store) RecoveryCodesLeft(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM recovery_codes WHERE user_id = $1`, userID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("recovery codes: %w", err)
	}
	return n, nil
}

// TwoFactorRoles returns the roles a site requires two-factor sign-in of.
func (s *Store) TwoFactorRoles(ctx context.Context, siteID int64) (map[Role]bool, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE site_id = $1 AND key = $2`,
		siteID, TwoFactorRolesSetting).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("two-factor roles: %w", err)
	}

	roles := map[Role]bool{}
	for _, r := range strings.Split(v, ",") {
		if r = strings.TrimSpace(r); r != "" {
			roles[Role(r)] = true
		}
	}
	return roles, nil
}

// SetTwoFactorRoles replaces the roles a site requires two-factor
// sign-in of.
func (s *Store) SetTwoFactorRoles(ctx context.Context, siteID int64, roles []Role) error {
	names := make([]string, 0, len(roles))
	for _, r := range roles {
		if !r.Valid() {
			return invalid("roles", "auth.err.role_unknown", string(r))
		}
		names = append(names, string(r))
	}
	return site.Save(ctx, s.db, siteID, map[string]string{TwoFactorRolesSetting: strings.Join(names, ",")})
}

// TwoFactorMissing reports whether u must turn two-factor sign-in on
// before doing anything else.
func (s *Store) TwoFactorMissing(ctx context.Context, siteID int64, u *User) (bool, error) {
	if u.TwoFactor {
		return false, nil
	}
	roles, err := s.TwoFactorRoles(ctx, siteID)
	if err != nil {
		return false, err
	}
	return roles[u.Role], nil
}
