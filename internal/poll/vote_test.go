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

func TestVoteRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := NewStore(db).WithVotesPerIP(2)
		p := newPoll(t, db, StatusOpen)
		other := newPoll(t, db, StatusOpen)
		draft := newPoll(t, db, StatusDraft)
		o := p.Options[0].ID
		cases := []struct {
			name         string
			poll, option int64
			key, ip      string
			want         error
		}{
			{"first vote", p.ID, o, "a", "1.1.1.1", nil},
			{"same visitor again", p.ID, p.Options[1].ID, "a", "9.9.9.9", ErrAlreadyVoted},
			{"second from the address", p.ID, o, "b", "1.1.1.1", nil},
			{"third from the address", p.ID, o, "c", "1.1.1.1", ErrTooManyFromIP},
			{"another address", p.ID, o, "c", "2.2.2.2", nil},
			{"option of another poll", p.ID, other.Options[0].ID, "d", "", ErrUnknownOption},
			{"draft", draft.ID, draft.Options[0].ID, "d", "", ErrNotFound},
			{"unknown poll", 99999, o, "d", "", ErrNotFound},
			{"other site", p.ID, o, "d", "", ErrNotFound}, // siteID 2 below
			{"empty key", p.ID, o, "", "", ErrInvalid},
		}
		for _, c := range cases {
			site := int64(1)
			if c.name == "other site" {
				site = 2
			}
			err := s.Vote(ctx, site, c.poll, c.option, c.key, c.ip, now)
			if !errors.Is(err, c.want) || (c.want == nil && err != nil) {
				t.Errorf("%s: %v, want %v", c.name, err, c.want)
			}
		}
		r, err := s.Results(ctx, 1, p.ID)
		if err != nil || r.Total != 3 || r.Options[0].Votes != 3 || r.First == nil || !r.First.Equal(now) {
			t.Errorf("results %+v, %v", r, err)
		}
		// An hour later the address may vote again.
		if err := s.Vote(ctx, 1, p.ID, o, "e", "1.1.1.1", now.Add(time.Hour+time.Second)); err != nil {
			t.Errorf("an hour later: %v", err)
		}
		// Opening and closing.
		if err := s.Close(ctx, 1, p.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.Vote(ctx, 1, p.ID, o, "f", "", now); !errors.Is(err, ErrClosed) {
			t.Errorf("closed: %v", err)
		}
		if err := s.Open(ctx, 1, p.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.Vote(ctx, 1, p.ID, o, "f", "", now); err != nil {
			t.Errorf("reopened: %v", err)
		}
		if err := s.Close(ctx, 1, 99999); !errors.Is(err, ErrNotFound) {
			t.Errorf("close unknown: %v", err)
		}
		later := now.Add(time.Hour)
		db.ExecContext(ctx, `UPDATE polls SET opens_at = $1 WHERE id = $2`, later.Unix(), other.ID)
		if err := s.Vote(ctx, 1, other.ID, other.Options[0].ID, "g", "", now); !errors.Is(err, ErrNotOpenYet) {
			t.Errorf("not open yet: %v", err)
		}
		db.ExecContext(ctx, `UPDATE polls SET opens_at = NULL, closes_at = $1 WHERE id = $2`, now.Unix(), other.ID)
		if err := s.Vote(ctx, 1, other.ID, other.Options[0].ID, "g", "", now); !errors.Is(err, ErrClosed) {
			t.Errorf("closing time reached: %v", err)
		}
		list, err := s.List(ctx, 1)
		if err != nil || len(list) != 3 {
			t.Errorf("list: %d polls, %v", len(list), err)
		}
		if voted, _ := s.HasVoted(ctx, p.ID, "a"); !voted {
			t.Errorf("HasVoted(a) = false")
		}
	})
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
