package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

const goodPassword = "Hôm nay trời đẹp"

func newStore(t *testing.T, db *store.DB) (*Store, *time.Time) {
	now := time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)
	s := NewStore(db).WithClock(func() time.Time { return now })
	return s, &now
}

func TestLoginSessionsAndLockout(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s, now := newStore(t, db)
		var u *User
		var le *LockedError

		if !t.Run("a new username is trimmed and lower-cased", func(t *testing.T) {
			var err error
			u, err = s.CreateUser(ctx, db, NewUser{Username: " HaiNinh ", DisplayName: "Hải Ninh", Password: goodPassword,
				Role: RoleWriter})
			if err != nil {
				t.Fatal(err)
			}
			if u.Username != "haininh" {
				t.Fatalf("username %q", u.Username)
			}
		}) {
			return
		}

		t.Run("a taken username is refused", func(t *testing.T) {
			_, err := s.CreateUser(ctx, db, NewUser{Username: "haininh", Password: goodPassword, Role: RoleWriter})
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("duplicate: %v", err)
			}
		})

		if !t.Run("a login gives a session whose token is stored hashed", func(t *testing.T) {
			res, err := s.Login(ctx, "HAININH", goodPassword, "10.0.0.1", "test")
			if err != nil {
				t.Fatal(err)
			}
			got, sess, err := s.Authenticate(ctx, res.Token)
			if err != nil || got.ID != u.ID || sess.CSRFToken == "" {
				t.Fatalf("authenticate: %v %v", got, err)
			}
			var stored string
			db.QueryRowContext(ctx, `SELECT token_hash FROM sessions`).Scan(&stored)
			if stored == res.Token || strings.Contains(stored, res.Token) {
				t.Fatal("token stored in clear")
			}

			*now = now.Add(IdleTimeout + time.Minute)
			if _, _, err := s.Authenticate(ctx, res.Token); !errors.Is(err, ErrNotFound) {
				t.Fatalf("idle session still valid: %v", err)
			}
		}) {
			return
		}

		t.Run("logging out everywhere ends every session", func(t *testing.T) {
			res2, _ := s.Login(ctx, "haininh", goodPassword, "10.0.0.1", "test")
			if err := s.LogoutEverywhere(ctx, u.ID); err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.Authenticate(ctx, res2.Token); !errors.Is(err, ErrNotFound) {
				t.Fatal("session survived log out everywhere")
			}
		})

		if !t.Run("five failures lock the account, with the time in the message", func(t *testing.T) {
			for i := 0; i < FailuresPerAccount-1; i++ {
				if _, err := s.Login(ctx, "haininh", "wrong password", "10.0.0.2", ""); !errors.Is(err, ErrBadCredentials) {
					t.Fatalf("failure %d: %v", i, err)
				}
			}
			_, err := s.Login(ctx, "haininh", "wrong password", "10.0.0.2", "")
			if msg, _ := problem.Message(i18n.Vietnamese, err); !errors.As(err, &le) || !strings.Contains(msg, "thử lại sau") {
				t.Fatalf("not locked: %v", err)
			}
		}) {
			return
		}

		t.Run("the right password is refused during the lock", func(t *testing.T) {
			if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", ""); !errors.As(err, &le) {
				t.Fatalf("right password during lock: %v", err)
			}
		})

		if !t.Run("the lock ends at its time", func(t *testing.T) {
			*now = le.Until.Add(time.Second)
			if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", ""); err != nil {
				t.Fatalf("after lock: %v", err)
			}
		}) {
			return
		}

		t.Run("blocking a user ends their sessions and refuses their login", func(t *testing.T) {
			res3, _ := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", "")
			if err := s.UpdateUser(ctx, db, u.ID, UserChange{Role: RoleWriter, Blocked: true}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.Authenticate(ctx, res3.Token); !errors.Is(err, ErrNotFound) {
				t.Fatal("blocked user's session valid")
			}
			if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", ""); !errors.Is(err, ErrBlocked) {
				t.Fatalf("blocked login: %v", err)
			}
		})
	})
}

func TestImportedHashIsReplacedAtLogin(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s, _ := newStore(t, db)
		// bcrypt ($2y$) is what Joomla 3.x and later keep.
		legacy := bcryptOf(t, goodPassword)
		if _, err := s.ImportUser(ctx, db, NewUser{Username: "joomla_admin", Role: RoleAdmin}, legacy); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Login(ctx, "joomla_admin", goodPassword, "", ""); err != nil {
			t.Fatal(err)
		}
		var hash string
		db.QueryRowContext(ctx, `SELECT password_hash FROM users WHERE username = 'joomla_admin'`).Scan(&hash)
		if !strings.HasPrefix(hash, "$argon2id$") {
			t.Fatalf("hash not replaced: %s", hash)
		}
	})
}

func TestLockoutByIP(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	ctx := context.Background()
	s, _ := newStore(t, db)
	var err error
	for i := 0; i < FailuresPerIP; i++ {
		_, err = s.Login(ctx, "user"+string(rune('a'+i)), "whatever12", "10.9.9.9", "")
	}
	var le *LockedError
	if !errors.As(err, &le) || !le.ByIP {
		t.Fatalf("address not locked: %v", err)
	}
}
