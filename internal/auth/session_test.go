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
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, now := newStore(t, db)
		u, err := s.CreateUser(ctx, db, NewUser{Username: " HaiNinh ", DisplayName: "Hải Ninh", Password: goodPassword, Role: RoleWriter})
		if err != nil {
			t.Fatal(err)
		}
		if u.Username != "haininh" {
			t.Fatalf("username %q", u.Username)
		}
		if _, err := s.CreateUser(ctx, db, NewUser{Username: "haininh", Password: goodPassword, Role: RoleWriter}); !errors.Is(err, ErrInvalid) {
			t.Fatalf("duplicate: %v", err)
		}
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

		// Idle expiry.
		*now = now.Add(IdleTimeout + time.Minute)
		if _, _, err := s.Authenticate(ctx, res.Token); !errors.Is(err, ErrNotFound) {
			t.Fatalf("idle session still valid: %v", err)
		}
		// Log out everywhere.
		res2, _ := s.Login(ctx, "haininh", goodPassword, "10.0.0.1", "test")
		if err := s.LogoutEverywhere(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Authenticate(ctx, res2.Token); !errors.Is(err, ErrNotFound) {
			t.Fatal("session survived log out everywhere")
		}

		// Five failures lock the account from that address, with the time
		// in the message.
		for i := 0; i < AttemptsPerAccountAddress; i++ {
			if _, err := s.Login(ctx, "haininh", "wrong password", "10.0.0.2", ""); !errors.Is(err, ErrBadCredentials) {
				t.Fatalf("failure %d: %v", i, err)
			}
		}
		_, err = s.Login(ctx, "haininh", "wrong password", "10.0.0.2", "")
		var le *LockedError
		if msg, _ := problem.Message(i18n.Vietnamese, err); !errors.As(err, &le) || !strings.Contains(msg, "thử lại sau") {
			t.Fatalf("not locked: %v", err)
		}
		if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.2", ""); !errors.As(err, &le) {
			t.Fatalf("right password during lock: %v", err)
		}
		*now = le.Until.Add(time.Second)
		if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.2", ""); err != nil {
			t.Fatalf("after lock: %v", err)
		}

		// Blocking ends sessions.
		res3, _ := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", "")
		if err := s.UpdateUser(ctx, db, u.ID, UserChange{Role: RoleWriter, Blocked: true}); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.Authenticate(ctx, res3.Token); !errors.Is(err, ErrNotFound) {
			t.Fatal("blocked user's session valid")
		}
		if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", ""); !errors.Is(err, ErrBadCredentials) {
			t.Fatalf("blocked login: %v", err)
		}
	})
}

func TestImportedHashIsReplacedAtLogin(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
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
	db := storetest.SQLite(t)
	ctx := context.Background()
	s, _ := newStore(t, db)
	var err error
	for i := 0; i < AttemptsPerAddress+1; i++ {
		_, err = s.Login(ctx, "user"+string(rune('a'+i)), "whatever12", "10.9.9.9", "")
	}
	var le *LockedError
	if !errors.As(err, &le) || le.Scope != ThrottledAddress {
		t.Fatalf("address not locked: %v", err)
	}
}
