package poll

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

var now = time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC)

func newPoll(t testing.TB, db *store.DB, st Status) *Poll {
	t.Helper()
	p := &Poll{SiteID: 1, Question: "Bạn hài lòng với dịch vụ công trực tuyến?", Status: st,
		Options: []Option{{Label: "Hài lòng"}, {Label: "Chưa hài lòng"}}}
	ctx := context.Background()
	if err := db.InTx(ctx, func(tx store.Tx) error { return NewStore(db).Create(ctx, tx, p) }); err != nil {
		t.Fatal(err)
	}
	return p
}

// ballot is one vote: who casts it, from which address, and how long
// after now.
type ballot struct {
	key, ip string
	after   time.Duration
}

// voteTarget picks the poll and option a case votes for, given the case's
// poll and a second open poll of the same site.
type voteTarget func(p, other *Poll) (pollID, optionID int64)

func firstOption(p, _ *Poll) (int64, int64)   { return p.ID, p.Options[0].ID }
func secondOption(p, _ *Poll) (int64, int64)  { return p.ID, p.Options[1].ID }
func foreignOption(p, o *Poll) (int64, int64) { return p.ID, o.Options[0].ID }
func unknownPoll(p, _ *Poll) (int64, int64)   { return 99999, p.Options[0].ID }

// TestVoteRules gives every rule of voting its own case on its own
// database: the case's poll, the votes cast before it, then one vote and
// what it must answer and leave counted.
func TestVoteRules(t *testing.T) {
	t.Parallel()
	const votesPerIP = 2
	cases := []struct {
		name    string
		status  Status
		prepare func(t *testing.T, db *store.DB, s *Store, p *Poll) // times, closing, reopening
		earlier []ballot                                            // cast for the first option beforehand
		site    int64
		target  voteTarget
		vote    ballot
		want    error
		counted int64 // votes in the case's poll afterwards
	}{
		{name: "first vote is counted", status: StatusOpen, site: 1, target: firstOption,
			vote: ballot{"a", "1.1.1.1", 0}, counted: 1},
		{name: "same visitor again is refused", status: StatusOpen, earlier: []ballot{{"a", "1.1.1.1", 0}},
			site: 1, target: secondOption, vote: ballot{"a", "9.9.9.9", 0}, want: ErrAlreadyVoted, counted: 1},
		{name: "second from one address is within the limit", status: StatusOpen,
			earlier: []ballot{{"a", "1.1.1.1", 0}}, site: 1, target: firstOption,
			vote: ballot{"b", "1.1.1.1", 0}, counted: 2},
		{name: "third from one address within the hour is refused", status: StatusOpen,
			earlier: []ballot{{"a", "1.1.1.1", 0}, {"b", "1.1.1.1", 0}}, site: 1, target: firstOption,
			vote: ballot{"c", "1.1.1.1", 0}, want: ErrTooManyFromIP, counted: 2},
		{name: "another address has its own limit", status: StatusOpen,
			earlier: []ballot{{"a", "1.1.1.1", 0}, {"b", "1.1.1.1", 0}}, site: 1, target: firstOption,
			vote: ballot{"c", "2.2.2.2", 0}, counted: 3},
		{name: "an hour later the address may vote again", status: StatusOpen,
			earlier: []ballot{{"a", "1.1.1.1", 0}, {"b", "1.1.1.1", 0}}, site: 1, target: firstOption,
			vote: ballot{"c", "1.1.1.1", time.Hour + time.Second}, counted: 3},
		{name: "a vote without an address is not limited", status: StatusOpen,
			earlier: []ballot{{"a", "", 0}, {"b", "", 0}}, site: 1, target: firstOption,
			vote: ballot{"c", "", 0}, counted: 3},
		{name: "option of another poll is refused", status: StatusOpen, site: 1, target: foreignOption,
			vote: ballot{"d", "", 0}, want: ErrUnknownOption},
		{name: "draft poll is not found", status: StatusDraft, site: 1, target: firstOption,
			vote: ballot{"d", "", 0}, want: ErrNotFound},
		{name: "unknown poll is not found", status: StatusOpen, site: 1, target: unknownPoll,
			vote: ballot{"d", "", 0}, want: ErrNotFound},
		{name: "poll of another site is not found", status: StatusOpen, site: 2, target: firstOption,
			vote: ballot{"d", "", 0}, want: ErrNotFound},
		{name: "empty voter key is invalid", status: StatusOpen, site: 1, target: firstOption,
			vote: ballot{"", "", 0}, want: ErrInvalid},
		{name: "closed poll is refused", status: StatusOpen, prepare: closePoll, site: 1, target: firstOption,
			vote: ballot{"f", "", 0}, want: ErrClosed},
		{name: "reopened poll takes votes", status: StatusOpen, prepare: closeAndReopenPoll, site: 1,
			target: firstOption, vote: ballot{"f", "", 0}, counted: 1},
		{name: "before the opening time is refused", status: StatusOpen, prepare: opensInAnHour, site: 1,
			target: firstOption, vote: ballot{"g", "", 0}, want: ErrNotOpenYet},
		{name: "at the closing time is refused", status: StatusOpen, prepare: closesNow, site: 1,
			target: firstOption, vote: ballot{"g", "", 0}, want: ErrClosed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				t.Parallel()
				ctx := context.Background()
				s := NewStore(db).WithVotesPerIP(votesPerIP)
				p := newPoll(t, db, c.status)
				other := newPoll(t, db, StatusOpen)
				if c.prepare != nil {
					c.prepare(t, db, s, p)
				}
				for _, b := range c.earlier {
					if err := s.Vote(ctx, 1, p.ID, p.Options[0].ID, b.key, b.ip, now.Add(b.after)); err != nil {
						t.Fatalf("earlier vote %+v: %v", b, err)
					}
				}

				pollID, optionID := c.target(p, other)
				err := s.Vote(ctx, c.site, pollID, optionID, c.vote.key, c.vote.ip, now.Add(c.vote.after))
				if !errors.Is(err, c.want) || (c.want == nil && err != nil) {
					t.Errorf("vote: %v, want %v", err, c.want)
				}

				r, err := s.Results(ctx, 1, p.ID)
				if err != nil {
					t.Fatal(err)
				}
				if r.Total != c.counted || r.Options[0].Votes+r.Options[1].Votes != c.counted {
					t.Errorf("counted %d (options %d, %d), want %d", r.Total, r.Options[0].Votes, r.Options[1].Votes,
						c.counted)
				}
				if c.counted > 0 && (r.First == nil || !r.First.Equal(now)) {
					t.Errorf("first vote at %v, want %v", r.First, now)
				}
			})
		})
	}
}

func closePoll(t *testing.T, _ *store.DB, s *Store, p *Poll) {
	t.Helper()

	if err := s.Close(context.Background(), 1, p.ID); err != nil {
		t.Fatal(err)
	}
}

func closeAndReopenPoll(t *testing.T, db *store.DB, s *Store, p *Poll) {
	t.Helper()

	closePoll(t, db, s, p)
	if err := s.Open(context.Background(), 1, p.ID); err != nil {
		t.Fatal(err)
	}
}

func opensInAnHour(t *testing.T, db *store.DB, _ *Store, p *Poll) {
	t.Helper()

	if _, err := db.ExecContext(context.Background(), `UPDATE polls SET opens_at = $1 WHERE id = $2`,
		now.Add(time.Hour).Unix(), p.ID); err != nil {
		t.Fatal(err)
	}
}

func closesNow(t *testing.T, db *store.DB, _ *Store, p *Poll) {
	t.Helper()

	if _, err := db.ExecContext(context.Background(), `UPDATE polls SET opens_at = NULL, closes_at = $1 WHERE id = $2`,
		now.Unix(), p.ID); err != nil {
		t.Fatal(err)
	}
}

// TestPollStatusAndList covers what the newsroom does around votes:
// closing an unknown poll, listing a site's polls, and asking whether a
// visitor has voted.
func TestPollStatusAndList(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		check func(t *testing.T, db *store.DB, s *Store)
	}{
		{"closing an unknown poll is not found", func(t *testing.T, _ *store.DB, s *Store) {
			if err := s.Close(context.Background(), 1, 99999); !errors.Is(err, ErrNotFound) {
				t.Errorf("close unknown: %v, want ErrNotFound", err)
			}
		}},
		{"opening a poll of another site is not found", func(t *testing.T, db *store.DB, s *Store) {
			p := newPoll(t, db, StatusDraft)
			if err := s.Open(context.Background(), 2, p.ID); !errors.Is(err, ErrNotFound) {
				t.Errorf("open on site 2: %v, want ErrNotFound", err)
			}
		}},
		{"list holds every poll of the site, drafts too", func(t *testing.T, db *store.DB, s *Store) {
			for _, st := range []Status{StatusOpen, StatusOpen, StatusDraft} {
				newPoll(t, db, st)
			}
			list, err := s.List(context.Background(), 1)
			if err != nil || len(list) != 3 {
				t.Errorf("list: %d polls, %v; want 3", len(list), err)
			}
			if list, err := s.List(context.Background(), 2); err != nil || len(list) != 0 {
				t.Errorf("list of site 2: %d polls, %v; want none", len(list), err)
			}
		}},
		{"has voted after a vote only", func(t *testing.T, db *store.DB, s *Store) {
			ctx := context.Background()
			p := newPoll(t, db, StatusOpen)
			if voted, err := s.HasVoted(ctx, p.ID, "a"); voted || err != nil {
				t.Errorf("HasVoted(a) before voting = %v, %v", voted, err)
			}
			if err := s.Vote(ctx, 1, p.ID, p.Options[0].ID, "a", "1.1.1.1", now); err != nil {
				t.Fatal(err)
			}
			if voted, err := s.HasVoted(ctx, p.ID, "a"); !voted || err != nil {
				t.Errorf("HasVoted(a) after voting = %v, %v", voted, err)
			}
			if voted, err := s.HasVoted(ctx, p.ID, "b"); voted || err != nil {
				t.Errorf("HasVoted(b) = %v, %v", voted, err)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				t.Parallel()
				c.check(t, db, NewStore(db))
			})
		})
	}
}

// BenchmarkVote measures committed votes per second on SQLite in WAL mode
// from parallel voters, each vote its own transaction.
func BenchmarkVote(b *testing.B) {
	db := storetest.SQLite(b)
	p := newPoll(b, db, StatusOpen)
	s := NewStore(db).WithVotesPerIP(0)
	ctx := context.Background()
	var n atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := n.Add(1)
			if err := s.Vote(ctx, 1, p.ID, p.Options[i%2].ID, fmt.Sprintf("voter-%d", i), "10.0.0.1", now); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(n.Load())/time.Since(start).Seconds(), "votes/s")
}
