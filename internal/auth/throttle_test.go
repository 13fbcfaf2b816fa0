package auth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// heldChecks stands in for the password verifier during a burst: every
// wrong password it is asked about waits until the whole burst is in
// flight (each request either inside a check or already refused), so the
// requests truly overlap and the count of checks does not depend on the
// machine's speed. The right password is checked at once.
type heldChecks struct {
	mu       sync.Mutex
	settled  *sync.Cond
	checked  int
	returned int
	released chan struct{}
}

func newHeldChecks() *heldChecks {
	h := &heldChecks{released: make(chan struct{})}
	h.settled = sync.NewCond(&h.mu)
	return h
}

func (h *heldChecks) verify(hash, password string) (bool, bool, error) {
	if password == goodPassword {
		return VerifyPassword(hash, password)
	}

	h.mu.Lock()
	h.checked++
	h.settled.Broadcast()
	h.mu.Unlock()

	<-h.released
	return false, false, nil
}

// start fires n logins at once and returns when every one of them is
// either held inside a check or has returned; wait then releases the
// checks and collects the answers.
func (h *heldChecks) start(n int, login func(i int) error) (wait func() []error) {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = login(i)
			h.mu.Lock()
			h.returned++
			h.settled.Broadcast()
			h.mu.Unlock()
		}()
	}

	h.mu.Lock()
	for h.checked+h.returned < n {
		h.settled.Wait()
	}
	h.mu.Unlock()

	return func() []error {
		close(h.released)
		wg.Wait()
		return errs
	}
}

func (h *heldChecks) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.checked
}

func TestBurstOfWrongPasswordsIsCheckedNoMoreThanTheLimit(t *testing.T) {
	cases := []struct {
		name  string
		user  func(i int) string
		ip    func(i int) string
		limit int
	}{
		{"one account from one address", func(int) string { return "haininh" }, func(int) string { return "10.0.0.2" },
			AttemptsPerAccountAddress},
		{"one account from many addresses", func(int) string { return "haininh" },
			func(i int) string { return fmt.Sprintf("10.1.%d.%d", i/200, i%200) }, AccountBackoffAfter},
		{"many accounts from one address", func(i int) string { return fmt.Sprintf("user%d", i) },
			func(int) string { return "10.0.0.2" }, AttemptsPerAddress},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				ctx := context.Background()
				s, _ := newStore(t, db)
				if _, err := s.CreateUser(ctx, db, NewUser{Username: "haininh", Password: goodPassword,
					Role: RoleWriter}); err != nil {
					t.Fatal(err)
				}
				held := newHeldChecks()
				s.verify = held.verify

				wait := held.start(100, func(i int) error {
					_, err := s.Login(ctx, tc.user(i), "wrong password", tc.ip(i), "")
					return err
				})
				errs := wait()

				t.Logf("%d of 100 passwords checked, limit %d", held.count(), tc.limit)
				if n := held.count(); n > tc.limit {
					t.Errorf("%d passwords checked in a burst of 100, limit %d", n, tc.limit)
				}
				for i, err := range errs {
					var le *LockedError
					if !errors.Is(err, ErrBadCredentials) && !errors.As(err, &le) {
						t.Fatalf("login %d: %v", i, err)
					}
				}
			})
		})
	}
}

func TestRightPasswordInsideABurstOverTheLimitDoesNotLogIn(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := newStore(t, db)
		if _, err := s.CreateUser(ctx, db, NewUser{Username: "haininh", Password: goodPassword,
			Role: RoleWriter}); err != nil {
			t.Fatal(err)
		}
		held := newHeldChecks()
		s.verify = held.verify

		wait := held.start(40, func(int) error {
			_, err := s.Login(ctx, "haininh", "wrong password", "10.0.0.2", "")
			return err
		})
		_, during := s.Login(ctx, "haininh", goodPassword, "10.0.0.2", "")
		wait()
		_, after := s.Login(ctx, "haininh", goodPassword, "10.0.0.2", "")

		var le *LockedError
		if !errors.As(during, &le) {
			t.Errorf("right password while the burst's checks run: %v, want a lock", during)
		}
		if !errors.As(after, &le) {
			t.Errorf("right password after the burst: %v, want a lock", after)
		}
	})
}

func TestAttackerAtOneAddressDoesNotLockTheOwnerOut(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := newStore(t, db)
		if _, err := s.CreateUser(ctx, db, NewUser{Username: "haininh", Password: goodPassword,
			Role: RoleWriter}); err != nil {
			t.Fatal(err)
		}

		var last error
		for range AttemptsPerAccountAddress + 3 {
			_, last = s.Login(ctx, "haininh", "wrong password", "10.0.0.2", "")
		}
		var le *LockedError
		if !errors.As(last, &le) {
			t.Fatalf("attacker's address after %d failures: %v, want a lock", AttemptsPerAccountAddress+3, last)
		}
		if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.2", ""); !errors.As(err, &le) {
			t.Errorf("right password from the attacker's address: %v, want a lock", err)
		}
		if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", ""); err != nil {
			t.Errorf("owner from another address: %v", err)
		}
	})
}

func TestManyAddressesSlowAnAccountDownWithoutLockingIt(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, now := newStore(t, db)
		if _, err := s.CreateUser(ctx, db, NewUser{Username: "haininh", Password: goodPassword,
			Role: RoleWriter}); err != nil {
			t.Fatal(err)
		}
		attack := func(i int) error {
			_, err := s.Login(ctx, "haininh", "wrong password", fmt.Sprintf("10.2.0.%d", i), "")
			return err
		}
		for i := range AccountBackoffAfter {
			if err := attack(i); !errors.Is(err, ErrBadCredentials) {
				t.Fatalf("failure %d from a fresh address: %v", i, err)
			}
		}

		// Past the threshold, checks from new addresses are spaced, and
		// the space grows with the failures but stays bounded.
		var spaces []time.Duration
		for i := AccountBackoffAfter; i < AccountBackoffAfter+12; i++ {
			err := attack(i)
			var le *LockedError
			if !errors.As(err, &le) {
				t.Fatalf("check %d right after the last: %v, want it spaced", i, err)
			}
			space := le.Until.Sub(*now)
			if space <= 0 || space > MaxAccountSpacing {
				t.Fatalf("check %d spaced by %s, want (0, %s]", i, space, MaxAccountSpacing)
			}
			spaces = append(spaces, space)
			*now = le.Until
			if err := attack(i + 100); !errors.Is(err, ErrBadCredentials) {
				t.Fatalf("check %d once its time came: %v", i, err)
			}
		}
		if spaces[len(spaces)-1] <= spaces[0] {
			t.Errorf("spacing did not grow: %v", spaces)
		}

		// The owner waits at most MaxAccountSpacing, then is let in.
		_, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", "")
		var le *LockedError
		if !errors.As(err, &le) || le.Until.Sub(*now) > MaxAccountSpacing {
			t.Fatalf("owner right after an attacker's check: %v, want spaced by at most %s", err, MaxAccountSpacing)
		}
		*now = le.Until
		if _, err := s.Login(ctx, "haininh", goodPassword, "10.0.0.3", ""); err != nil {
			t.Errorf("owner once the space has passed: %v", err)
		}
	})
}

func TestBlockedAccountIsAnsweredLikeAWrongPassword(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s, _ := newStore(t, db)
		u, err := s.CreateUser(ctx, db, NewUser{Username: "haininh", Password: goodPassword, Role: RoleWriter})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateUser(ctx, db, u.ID, UserChange{Role: RoleWriter, Blocked: true}); err != nil {
			t.Fatal(err)
		}

		for _, password := range []string{goodPassword, "wrong password"} {
			_, err := s.Login(ctx, "haininh", password, "10.0.0.2", "")
			if !errors.Is(err, ErrBadCredentials) {
				t.Errorf("blocked account, password %q: %v, want ErrBadCredentials", password, err)
			}
		}
	})
}
