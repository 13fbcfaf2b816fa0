package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// withTwoFactor makes a user with two-factor sign-in on and returns its
// secret and recovery codes.
func withTwoFactor(t *testing.T, s *Store, db *store.DB, now *time.Time) (*User, string, []string) {
	t.Helper()
	ctx := context.Background()
	u, err := s.CreateUser(ctx, db, NewUser{Username: "haininh", Password: goodPassword, Role: RoleEditor})
	if err != nil {
		t.Fatal(err)
	}
	setup, err := s.BeginTwoFactor(ctx, u.ID, "Cổng thông tin")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(setup.URI, "otpauth://totp/") || !strings.Contains(setup.URI, setup.Secret) {
		t.Fatalf("setup address %q", setup.URI)
	}

	code, _ := totp.GenerateCode(setup.Secret, *now)
	recovery, err := s.ConfirmTwoFactor(ctx, u.ID, code)
	if err != nil {
		t.Fatal(err)
	}
	*now = now.Add(totpPeriod * time.Second)
	return u, setup.Secret, recovery
}

// firstStep logs in with the right password and returns the challenge.
func firstStep(t *testing.T, s *Store, ip string) string {
	t.Helper()
	_, err := s.Login(context.Background(), "haininh", goodPassword, ip, "")
	var cr *CodeRequired
	if !errors.As(err, &cr) || cr.Challenge == "" {
		t.Fatalf("password step: %v, want a code asked for", err)
	}
	return cr.Challenge
}

func TestTwoFactorSignIn(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		run  func(t *testing.T, s *Store, db *store.DB, now *time.Time)
	}{
		{"the password alone opens no session", func(t *testing.T, s *Store, db *store.DB, now *time.Time) {
			withTwoFactor(t, s, db, now)
			firstStep(t, s, "10.0.0.3")
			var n int
			db.QueryRowContext(context.Background(), `SELECT count(*) FROM sessions`).Scan(&n)
			if n != 0 {
				t.Errorf("%d sessions after the password step, want 0", n)
			}
		}},
		{"a code from the app logs in once", func(t *testing.T, s *Store, db *store.DB, now *time.Time) {
			_, secret, _ := withTwoFactor(t, s, db, now)
			code, _ := totp.GenerateCode(secret, *now)

			res, err := s.CompleteLogin(context.Background(), firstStep(t, s, "10.0.0.3"), code, "10.0.0.3", "")
			if err != nil {
				t.Fatalf("right code: %v", err)
			}
			if _, _, err := s.Authenticate(context.Background(), res.Token); err != nil {
				t.Errorf("session after the second step: %v", err)
			}
			_, err = s.CompleteLogin(context.Background(), firstStep(t, s, "10.0.0.3"), code, "10.0.0.3", "")
			if !errors.Is(err, ErrBadCode) {
				t.Errorf("the same code again: %v, want ErrBadCode", err)
			}
		}},
		{"the confirming code does not log in", func(t *testing.T, s *Store, db *store.DB, now *time.Time) {
			_, secret, _ := withTwoFactor(t, s, db, now)
			code, _ := totp.GenerateCode(secret, now.Add(-totpPeriod*time.Second))
			_, err := s.CompleteLogin(context.Background(), firstStep(t, s, "10.0.0.3"), code, "10.0.0.3", "")
			if !errors.Is(err, ErrBadCode) {
				t.Errorf("code used to confirm: %v, want ErrBadCode", err)
			}
		}},
		{"a recovery code works once", func(t *testing.T, s *Store, db *store.DB, now *time.Time) {
			u, _, recovery := withTwoFactor(t, s, db, now)
			if len(recovery) != RecoveryCodeCount {
				t.Fatalf("%d recovery codes, want %d", len(recovery), RecoveryCodeCount)
			}
			typed := strings.ToUpper(recovery[3])

			if _, err := s.CompleteLogin(context.Background(), firstStep(t, s, "10.0.0.3"), typed, "10.0.0.3",
				""); err != nil {
				t.Fatalf("recovery code: %v", err)
			}
			_, err := s.CompleteLogin(context.Background(), firstStep(t, s, "10.0.0.3"), typed, "10.0.0.3", "")
			if !errors.Is(err, ErrBadCode) {
				t.Errorf("recovery code again: %v, want ErrBadCode", err)
			}
			if n, _ := s.RecoveryCodesLeft(context.Background(), u.ID); n != RecoveryCodeCount-1 {
				t.Errorf("%d recovery codes left, want %d", n, RecoveryCodeCount-1)
			}
		}},
		{"wrong codes are throttled like passwords", func(t *testing.T, s *Store, db *store.DB, now *time.Time) {
			_, secret, _ := withTwoFactor(t, s, db, now)
			// The password step took one of the address's attempts.
			challenge := firstStep(t, s, "10.0.0.2")
			for i := range AttemptsPerAccountAddress - 1 {
				if _, err := s.CompleteLogin(context.Background(), challenge, "000000", "10.0.0.2",
					""); !errors.Is(err, ErrBadCode) {
					t.Fatalf("wrong code %d: %v", i, err)
				}
			}
			code, _ := totp.GenerateCode(secret, *now)
			_, err := s.CompleteLogin(context.Background(), challenge, code, "10.0.0.2", "")
			var le *LockedError
			if !errors.As(err, &le) {
				t.Errorf("right code after %d wrong ones: %v, want a lock", AttemptsPerAccountAddress-1, err)
			}
		}},
		{"giving the password again buys no more tries at the code", func(t *testing.T, s *Store, db *store.DB,
			now *time.Time) {
			_, secret, _ := withTwoFactor(t, s, db, now)
			ctx := context.Background()
			challenge := firstStep(t, s, "10.0.0.2")
			for range AttemptsPerAccountAddress - 2 {
				s.CompleteLogin(ctx, challenge, "000000", "10.0.0.2", "")
			}
			challenge = firstStep(t, s, "10.0.0.2")

			code, _ := totp.GenerateCode(secret, *now)
			_, err := s.CompleteLogin(ctx, challenge, code, "10.0.0.2", "")
			var le *LockedError
			if !errors.As(err, &le) {
				t.Errorf("code after %d checks from one address: %v, want a lock", AttemptsPerAccountAddress, err)
			}
		}},
		{"an old first step asks for the password again", func(t *testing.T, s *Store, db *store.DB, now *time.Time) {
			_, secret, _ := withTwoFactor(t, s, db, now)
			challenge := firstStep(t, s, "10.0.0.3")
			*now = now.Add(challengeLifetime + time.Second)
			code, _ := totp.GenerateCode(secret, *now)
			_, err := s.CompleteLogin(context.Background(), challenge, code, "10.0.0.3", "")
			if !errors.Is(err, ErrChallengeExpired) {
				t.Errorf("late second step: %v, want ErrChallengeExpired", err)
			}
		}},
		{"a wrong confirming code leaves it off", func(t *testing.T, s *Store, db *store.DB, now *time.Time) {
			ctx := context.Background()
			u, err := s.CreateUser(ctx, db, NewUser{Username: "haininh", Password: goodPassword, Role: RoleEditor})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.BeginTwoFactor(ctx, u.ID, "Cổng thông tin"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.ConfirmTwoFactor(ctx, u.ID, "000000"); !errors.Is(err, ErrInvalid) {
				t.Errorf("wrong confirming code: %v, want invalid", err)
			}
			if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", ""); err != nil {
				t.Errorf("login while the setup is unconfirmed: %v", err)
			}
		}},
		{"turning it off needs the password", func(t *testing.T, s *Store, db *store.DB, now *time.Time) {
			ctx := context.Background()
			u, _, _ := withTwoFactor(t, s, db, now)
			if err := s.DisableTwoFactor(ctx, u.ID, "wrong password", "10.0.0.3"); !errors.Is(err, ErrBadCredentials) {
				t.Fatalf("turned off with a wrong password: %v", err)
			}
			if err := s.DisableTwoFactor(ctx, u.ID, goodPassword, "10.0.0.3"); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", ""); err != nil {
				t.Errorf("login after turning it off: %v", err)
			}
		}},
		{"a required role without it must set it up", func(t *testing.T, s *Store, db *store.DB, now *time.Time) {
			ctx := context.Background()
			if err := s.SetTwoFactorRoles(ctx, 1, []Role{RoleAdmin, RoleEditor}); err != nil {
				t.Fatal(err)
			}
			for _, tc := range []struct {
				role    Role
				missing bool
			}{{RoleEditor, true}, {RoleWriter, false}} {
				missing, err := s.TwoFactorMissing(ctx, 1, &User{Role: tc.role})
				if err != nil || missing != tc.missing {
					t.Errorf("%s: missing %t (%v), want %t", tc.role, missing, err, tc.missing)
				}
			}
			missing, _ := s.TwoFactorMissing(ctx, 1, &User{Role: RoleEditor, TwoFactor: true})
			if missing {
				t.Error("an editor with two-factor sign-in on is told to set it up")
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				s, now := newStore(t, db)
				tc.run(t, s, db, now)
			})
		})
	}
}
