package auth

import (
	"context"
	"errors"
	"fmt"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// CreateAccount creates the account n and records it in site siteID's
// audit log in one transaction, so an account never exists without its
// record. origin says where the change was asked for, as the log shows it
// ("dòng lệnh"); the account itself is the actor, since nobody signed in.
func (s *Store) CreateAccount(ctx context.Context, siteID int64, n NewUser, origin string) (*User, error) {
	if err := site.Check(siteID, "create account"); err != nil {
		return nil, err
	}

	var u *User
	err := s.db.InTx(ctx, func(tx store.Tx) error {
		var err error
		if u, err = s.CreateUser(ctx, tx, n); err != nil {
			return err
		}

		return Audit(ctx, tx, AuditEntry{SiteID: siteID, UserID: u.ID, Action: "user.create", ObjectType: "user",
			ObjectID: u.ID, Detail: origin + ": " + u.Username + " (" + string(u.Role) + ")"})
	})
	if err != nil {
		return nil, err
	}

	return u, nil
}

// ChangePassword sets a new password on the account named username, ends
// all its sessions and records the change in site siteID's audit log, in
// one transaction. password is asked for only once the account is found,
// so nobody types a password for a name that does not exist; an unknown
// name is ErrNotFound. origin is as for CreateAccount.
func (s *Store) ChangePassword(ctx context.Context, siteID int64, username string, password func() (string, error),
	origin string) (*User, error) {
	if err := site.Check(siteID, "change password"); err != nil {
		return nil, err
	}

	u, err := s.UserByUsername(ctx, username)
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("user %q: %w", username, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}

	pw, err := password()
	if err != nil {
		return nil, err
	}

	err = s.db.InTx(ctx, func(tx store.Tx) error {
		if err := s.SetPassword(ctx, tx, u.ID, pw); err != nil {
			return err
		}
		return Audit(ctx, tx, AuditEntry{SiteID: siteID, UserID: u.ID, Action: "user.password", ObjectType: "user",
			ObjectID: u.ID, Detail: origin})
	})
	if err != nil {
		return nil, err
	}

	return u, nil
}
