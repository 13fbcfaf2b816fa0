package poll_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestSetOpen(t *testing.T) {
	t.Parallel()
	now := time.Now()
	later := now.Add(24 * time.Hour)
	for _, tc := range []struct {
		name    string
		poll    poll.NewPoll
		open    bool
		other   bool // ask as another site
		want    error
		status  poll.Status
		refusal error
	}{
		{name: "opening a draft takes votes", poll: poll.NewPoll{}, open: true,
			status: poll.StatusOpen},
		{name: "closing an open poll takes none", poll: poll.NewPoll{Open: true}, open: false,
			status: poll.StatusClosed, refusal: poll.ErrClosed},
		{name: "an open poll waits for its opening time", poll: poll.NewPoll{OpensAt: &later}, open: true,
			status: poll.StatusOpen, refusal: poll.ErrNotOpenYet},
		{name: "another site's poll is not found", poll: poll.NewPoll{}, open: true, other: true,
			want: poll.ErrNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				t.Parallel()
				ctx := context.Background()
				ps := poll.NewStore(db)
				siteID := theSite(t, db)
				n := tc.poll
				n.SiteID, n.Question, n.Options = siteID, "Bạn có hài lòng?", []string{"Có", "Không"}
				p, err := ps.Add(ctx, n)
				if err != nil {
					t.Fatal(err)
				}
				asked := siteID
				if tc.other {
					err := db.QueryRowContext(ctx, `INSERT INTO sites (host, name) VALUES ('xa.example.vn', 'Xã')
						RETURNING id`).Scan(&asked)
					if err != nil {
						t.Fatal(err)
					}
				}

				r, err := ps.SetOpen(ctx, asked, p.ID, tc.open)
				if !errors.Is(err, tc.want) {
					t.Fatalf("SetOpen = %v, want %v", err, tc.want)
				}
				if tc.want != nil {
					return
				}
				if r.Status != tc.status {
					t.Errorf("status %s, want %s", r.Status, tc.status)
				}
				if got := r.Refusal(now); !errors.Is(got, tc.refusal) || (tc.refusal == nil && got != nil) {
					t.Errorf("Refusal = %v, want %v", got, tc.refusal)
				}
			})
		})
	}

	t.Run("an unknown poll is not found", func(t *testing.T) {
		t.Parallel()
		storetest.Each(t, func(t *testing.T, db *store.DB) {
			t.Parallel()
			_, err := poll.NewStore(db).SetOpen(context.Background(), theSite(t, db), 404, true)
			if !errors.Is(err, poll.ErrNotFound) {
				t.Fatalf("SetOpen = %v, want ErrNotFound", err)
			}
		})
	})
	t.Run("no site is refused", func(t *testing.T) {
		t.Parallel()
		storetest.Each(t, func(t *testing.T, db *store.DB) {
			t.Parallel()
			if _, err := poll.NewStore(db).SetOpen(context.Background(), 0, 1, true); !errors.Is(err, site.ErrMissing) {
				t.Fatalf("SetOpen = %v, want site.ErrMissing", err)
			}
		})
	})
}
