package auth

import (
	"context"
	"fmt"

	"github.com/congtin/congtin/internal/store"
)

// ChangeOwnPassword replaces a logged-in user's password after checking
// the current one (throttled like a login: a borrowed, unlocked laptop is
// not enough to take the account over). On success every session of the
// user ends and one new session is opened for this browser, in the same
// transaction; a refusal changes nothing and leaves no session behind.
// The new password's problems come before the current password is
// checked, so a weak choice does not spend an attempt.
func (s *Store) ChangeOwnPassword(ctx context.Context, userID int64, current, next, ip,
	userAgent string) (*LoginResult, error) {
	u, err := s.User(ctx, userID)
	if err != nil {
		return nil, err
	}
	if err := CheckPassword(next, u.Username); err != nil {
		return nil, err
	}

	now := s.now().UTC()
	proof, err := s.checkPassword(ctx, u.Username, current, ip, now)
	if err != nil {
		return nil, err
	}
	if proof.userID != userID {
		return nil, ErrBadCredentials
	}
	hash, err := HashPassword(next)
	if err != nil {
		return nil, err
	}

	res := &LoginResult{Token: randomToken()}
	err = s.db.InTx(ctx, func(tx store.Tx) error {
		if err := settleAttempts(ctx, tx, proof.username, ip); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1,
			session_generation = session_generation + 1, updated_at = $2 WHERE id = $3`,
			hash, now.Unix(), userID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return err
		}

		res.Session, err = s.openSession(ctx, tx, userID, res.Token, ip, userAgent, now)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("change password: %w", err)
	}

	if res.User, err = s.User(ctx, userID); err != nil {
		return nil, err
	}
	return res, nil
}
