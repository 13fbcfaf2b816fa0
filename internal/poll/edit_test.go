package poll

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func labels(r *Results) string {
	var b []string
	for _, o := range r.Options {
		b = append(b, fmt.Sprintf("%s:%d", o.Label, o.Votes))
	}
	return strings.Join(b, ", ")
}

func TestSetOptions(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db)
		p := newPoll(t, db, StatusOpen) // Hài lòng, Chưa hài lòng
		other := newPoll(t, db, StatusOpen)
		yes, no := p.Options[0].ID, p.Options[1].ID
		var veryYes int64
		set := func(opts ...Option) error {
			return db.InTx(ctx, func(tx store.Tx) error { return s.SetOptions(ctx, tx, 1, p.ID, opts) })
		}
		results := func(t *testing.T) string {
			t.Helper()
			r, err := s.Results(ctx, 1, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			return labels(r)
		}

		if !t.Run("without votes options may be renamed, moved, added and removed", func(t *testing.T) {
			if err := set(Option{ID: no, Label: "Không hài lòng"}, Option{Label: "  Rất hài lòng "},
				Option{ID: yes, Label: "Hài lòng"}); err != nil {
				t.Fatal(err)
			}
			if got := results(t); got != "Không hài lòng:0, Rất hài lòng:0, Hài lòng:0" {
				t.Errorf("after edit: %s", got)
			}
			r, _ := s.Results(ctx, 1, p.ID)
			veryYes = r.Options[1].ID
			if err := set(Option{ID: yes, Label: "Hài lòng"}, Option{ID: veryYes, Label: "Rất hài lòng"}); err != nil {
				t.Fatal(err)
			}
			if got := results(t); got != "Hài lòng:0, Rất hài lòng:0" {
				t.Errorf("after removing an option without votes: %s", got)
			}
		}) {
			return
		}

		// Votes pin what an option says.
		if err := s.Vote(ctx, 1, p.ID, yes, "v1", "1.1.1.1", now); err != nil {
			t.Fatal(err)
		}
		if err := s.Vote(ctx, 1, p.ID, yes, "v2", "1.1.1.2", now); err != nil {
			t.Fatal(err)
		}
		before := results(t)
		refused := []struct {
			name string
			opts []Option
			want error
			msg  string
		}{
			{"an option with votes cannot be removed", []Option{{ID: veryYes, Label: "Rất hài lòng"}, {Label: "Khác"}},
				ErrHasVotes, "Không thể xóa phương án “Hài lòng” vì đã có 2 phiếu bầu"},
			{"an option with votes cannot be reworded",
				[]Option{{ID: yes, Label: "Bình thường"}, {ID: veryYes, Label: "Rất hài lòng"}},
				ErrHasVotes, "Phương án “Hài lòng” đã có 2 phiếu nên không thể đổi thành “Bình thường”"},
			{"one option is too few", []Option{{ID: yes, Label: "Hài lòng"}}, ErrInvalid, "Cần từ 2 đến 20 phương án"},
			{"an empty label is refused", []Option{{ID: yes, Label: "Hài lòng"}, {ID: veryYes, Label: "  "}},
				ErrInvalid, "Phương án 2 để trống"},
			{"the same words twice are refused", []Option{{ID: yes, Label: "Hài lòng"}, {ID: veryYes, Label: "hai  long"}},
				ErrInvalid, "trùng nhau"},
			{"an option of another poll is refused",
				[]Option{{ID: yes, Label: "Hài lòng"}, {ID: other.Options[0].ID, Label: "Lạ"}}, ErrInvalid, "không thuộc"},
			{"one option given twice is refused", []Option{{ID: yes, Label: "Hài lòng"}, {ID: yes, Label: "Hài lòng lắm"}},
				ErrInvalid, "không thuộc"},
		}
		for _, c := range refused {
			t.Run(c.name, func(t *testing.T) {
				err := set(c.opts...)
				if !errors.Is(err, c.want) || !strings.Contains(readable(err), c.msg) {
					t.Errorf("%v, want %v with %q", err, c.want, c.msg)
				}
				if !errors.Is(err, ErrInvalid) {
					t.Errorf("%v is not ErrInvalid", err)
				}
				if got := results(t); got != before {
					t.Errorf("the poll changed: %s", got)
				}
			})
		}

		t.Run("another site's poll is not found", func(t *testing.T) {
			if err := db.InTx(ctx, func(tx store.Tx) error {
				return s.SetOptions(ctx, tx, 2, p.ID, []Option{{Label: "a"}, {Label: "b"}})
			}); !errors.Is(err, ErrNotFound) {
				t.Errorf("other site: %v", err)
			}
		})

		t.Run("an unknown poll is not found", func(t *testing.T) {
			if err := db.InTx(ctx, func(tx store.Tx) error {
				return s.SetOptions(ctx, tx, 1, 99999, []Option{{Label: "a"}, {Label: "b"}})
			}); !errors.Is(err, ErrNotFound) {
				t.Errorf("unknown poll: %v", err)
			}
		})

		if !t.Run("a voted option may move while others are added and removed", func(t *testing.T) {
			if err := set(Option{Label: "Chưa hài lòng"}, Option{ID: yes, Label: "Hài  lòng "},
				Option{Label: "Không ý kiến"}); err != nil {
				t.Fatal(err)
			}
		}) {
			return
		}

		t.Run("a new option may not take an existing option's label", func(t *testing.T) {
			if err := set(Option{Label: "hài lòng"}, Option{ID: yes, Label: "Hài lòng"}); !errors.Is(err, ErrInvalid) {
				t.Error("a new option with an existing one's label was accepted")
			}
		})

		t.Run("fixing a voted option's case and moving it keep its votes", func(t *testing.T) {
			r, _ := s.Results(ctx, 1, p.ID)
			if err := set(Option{ID: r.Options[0].ID, Label: "Chưa hài lòng"}, Option{ID: yes, Label: "HÀI LÒNG"}); err != nil {
				t.Fatal(err)
			}
			if got := results(t); got != "Chưa hài lòng:0, HÀI LÒNG:2" {
				t.Errorf("after moves and corrections: %s", got)
			}
			if v, _ := s.HasVoted(ctx, p.ID, "v1"); !v {
				t.Error("a vote was lost")
			}
		})
	})
}

func TestSetQuestion(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db)
		p := newPoll(t, db, StatusOpen)
		setq := func(site int64, q string) error {
			return db.InTx(ctx, func(tx store.Tx) error { return s.SetQuestion(ctx, tx, site, p.ID, q) })
		}

		if !t.Run("before any vote the question may be reworded", func(t *testing.T) {
			if err := setq(1, "Ban hai long voi dich vu cong truc tuyen?"); err != nil {
				t.Fatal(err)
			}
		}) {
			return
		}

		if err := s.Vote(ctx, 1, p.ID, p.Options[0].ID, "v", "", now); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name     string
			site     int64
			question string
			check    func(error) bool
		}{
			{"after votes diacritics may be restored", 1, "Bạn hài lòng với dịch vụ công trực tuyến?",
				func(err error) bool { return err == nil }},
			{"after votes the question cannot be reworded", 1, "Bạn có muốn nghỉ lễ dài hơn?",
				func(err error) bool {
					return errors.Is(err, ErrHasVotes) && strings.Contains(readable(err), "đã có 1 phiếu")
				}},
			{"an empty question is refused", 1, "   ", func(err error) bool { return errors.Is(err, ErrInvalid) }},
			{"another site's poll is not found", 2, "x", func(err error) bool { return errors.Is(err, ErrNotFound) }},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				if err := setq(c.site, c.question); !c.check(err) {
					t.Errorf("%q: %v", c.question, err)
				}
			})
		}

		t.Run("the restored question is the one kept", func(t *testing.T) {
			r, _ := s.Results(ctx, 1, p.ID)
			if r.Question != "Bạn hài lòng với dịch vụ công trực tuyến?" {
				t.Errorf("question %q", r.Question)
			}
		})
	})
}

func TestReset(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db)
		p := newPoll(t, db, StatusOpen)
		other := newPoll(t, db, StatusOpen)
		for i := range 5 {
			if err := s.Vote(ctx, 1, p.ID, p.Options[i%2].ID, fmt.Sprint("k", i), "", now); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Vote(ctx, 1, other.ID, other.Options[0].ID, "k0", "", now); err != nil {
			t.Fatal(err)
		}
		reset := func(site, id int64) (int64, error) {
			var n int64
			err := db.InTx(ctx, func(tx store.Tx) error {
				var err error
				n, err = s.Reset(ctx, tx, site, id)
				return err
			})
			return n, err
		}
		if _, err := reset(2, p.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("other site: %v", err)
		}
		n, err := reset(1, p.ID)
		if err != nil || n != 5 {
			t.Fatalf("reset: %d, %v", n, err)
		}
		r, _ := s.Results(ctx, 1, p.ID)
		if r.Total != 0 || r.First != nil || len(r.Options) != 2 || r.Status != StatusOpen {
			t.Errorf("after reset: %+v", r)
		}
		if o, _ := s.Results(ctx, 1, other.ID); o.Total != 1 {
			t.Errorf("another poll lost its votes: %d", o.Total)
		}
		// A visitor who voted may vote again, and now options can go.
		if err := s.Vote(ctx, 1, p.ID, p.Options[0].ID, "k0", "", now); err != nil {
			t.Errorf("vote after reset: %v", err)
		}
		if n, err := reset(1, p.ID); err != nil || n != 1 {
			t.Errorf("second reset: %d, %v", n, err)
		}
		if err := db.InTx(ctx, func(tx store.Tx) error {
			return s.SetOptions(ctx, tx, 1, p.ID, []Option{{Label: "Mới 1"}, {Label: "Mới 2"}})
		}); err != nil {
			t.Errorf("options after reset: %v", err)
		}
	})
}

// A vote racing an option's removal either lands on an option that stays
// or is refused: never counted on an option that is gone, never deleted
// with it.
func TestRemoveOptionRacingVotes(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db).WithVotesPerIP(0)
		for round := range 5 {
			p := newPoll(t, db, StatusOpen)
			p3 := Option{Label: "Thứ ba"}
			if err := db.InTx(ctx, func(tx store.Tx) error {
				return s.SetOptions(ctx, tx, 1, p.ID, []Option{p.Options[0], p.Options[1], p3})
			}); err != nil {
				t.Fatal(err)
			}
			r, _ := s.Results(ctx, 1, p.ID)
			third := r.Options[2].ID
			var wg sync.WaitGroup
			var voteErr, editErr error
			wg.Go(func() {
				voteErr = s.Vote(ctx, 1, p.ID, third, fmt.Sprint("racer", round), "", now)
			})
			wg.Go(func() {
				editErr = db.InTx(ctx, func(tx store.Tx) error {
					return s.SetOptions(ctx, tx, 1, p.ID, []Option{p.Options[0], p.Options[1]})
				})
			})
			wg.Wait()
			r, _ = s.Results(ctx, 1, p.ID)
			switch {
			case voteErr == nil && errors.Is(editErr, ErrHasVotes):
				if len(r.Options) != 3 || r.Total != 1 || r.Options[2].Votes != 1 {
					t.Errorf("round %d: vote won but results %s", round, labels(r))
				}
			case editErr == nil && errors.Is(voteErr, ErrUnknownOption):
				if len(r.Options) != 2 || r.Total != 0 {
					t.Errorf("round %d: removal won but results %s", round, labels(r))
				}
			default:
				t.Errorf("round %d: vote %v, edit %v", round, voteErr, editErr)
			}
		}
	})
}

func TestVotesPerIPSetting(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db).WithVotesPerIP(2)
		p := newPoll(t, db, StatusOpen)
		setting := func(v string) {
			t.Helper()
			if _, err := db.ExecContext(ctx, `INSERT INTO settings (site_id, key, value) VALUES (1, $1, $2)
				ON CONFLICT (site_id, key) DO UPDATE SET value = excluded.value`, KeyVotesPerIP, v); err != nil {
				t.Fatal(err)
			}
		}
		if n, set, err := s.VotesPerIP(ctx, db, 1); n != 2 || set || err != nil {
			t.Errorf("no setting: %d %v %v", n, set, err)
		}
		setting("1")
		if n, set, _ := s.VotesPerIP(ctx, db, 1); n != 1 || !set {
			t.Errorf("setting 1: %d %v", n, set)
		}
		o := p.Options[0].ID
		if err := s.Vote(ctx, 1, p.ID, o, "a", "10.0.0.1", now); err != nil {
			t.Fatal(err)
		}
		if err := s.Vote(ctx, 1, p.ID, o, "b", "10.0.0.1", now); !errors.Is(err, ErrTooManyFromIP) {
			t.Errorf("second vote with limit 1: %v", err)
		}
		setting("0")
		if err := s.Vote(ctx, 1, p.ID, o, "b", "10.0.0.1", now); err != nil {
			t.Errorf("limit off: %v", err)
		}
		setting("")
		if n, set, _ := s.VotesPerIP(ctx, db, 1); n != 2 || set {
			t.Errorf("empty setting: %d %v", n, set)
		}
		if err := s.Vote(ctx, 1, p.ID, o, "c", "10.0.0.1", now); !errors.Is(err, ErrTooManyFromIP) {
			t.Errorf("back to the started limit of 2: %v", err)
		}
	})
}

// readable is the message a person reads for err.
func readable(err error) string {
	msg, _ := problem.Message(i18n.Vietnamese, err)
	return msg
}
