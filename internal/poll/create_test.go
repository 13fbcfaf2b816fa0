package poll_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// theSite is the site of a freshly migrated test database.
func theSite(t *testing.T, db *store.DB) int64 {
	t.Helper()
	s, err := site.Only(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return s.ID
}

func at(t *testing.T, v string) *time.Time {
	t.Helper()
	tm, err := time.Parse(time.DateTime, v)
	if err != nil {
		t.Fatal(err)
	}
	return &tm
}

func optionLabels(r *poll.Results) string {
	var out []string
	for _, o := range r.Options {
		out = append(out, o.Label)
	}
	return strings.Join(out, ", ")
}

func TestAdd(t *testing.T) {
	t.Parallel()
	question := "Bạn đánh giá thế nào về dịch vụ công trực tuyến?"
	answers := []string{"Tốt", "Bình thường", "Chưa tốt"}
	for _, tc := range []struct {
		name    string
		poll    func(siteID int64) poll.NewPoll
		want    error
		status  poll.Status
		options string
	}{
		{"a draft keeps its options in order", func(id int64) poll.NewPoll {
			return poll.NewPoll{SiteID: id, Question: question, Options: answers}
		}, nil, poll.StatusDraft, "Tốt, Bình thường, Chưa tốt"},
		{"open asks for an open poll", func(id int64) poll.NewPoll {
			return poll.NewPoll{SiteID: id, Question: question, Options: answers[:2], Open: true}
		}, nil, poll.StatusOpen, "Tốt, Bình thường"},
		{"voting may run between two times", func(id int64) poll.NewPoll {
			return poll.NewPoll{SiteID: id, Question: question, Options: answers,
				OpensAt: at(t, "2026-12-01 01:00:00"), ClosesAt: at(t, "2026-12-31 10:00:00")}
		}, nil, poll.StatusDraft, "Tốt, Bình thường, Chưa tốt"},
		{"closing before opening is refused", func(id int64) poll.NewPoll {
			return poll.NewPoll{SiteID: id, Question: question, Options: answers,
				OpensAt: at(t, "2026-12-31 10:00:00"), ClosesAt: at(t, "2026-12-01 01:00:00")}
		}, poll.ErrClosesBeforeOpens, "", ""},
		{"closing as it opens is refused", func(id int64) poll.NewPoll {
			return poll.NewPoll{SiteID: id, Question: question, Options: answers,
				OpensAt: at(t, "2026-12-01 01:00:00"), ClosesAt: at(t, "2026-12-01 01:00:00")}
		}, poll.ErrClosesBeforeOpens, "", ""},
		{"one option is refused", func(id int64) poll.NewPoll {
			return poll.NewPoll{SiteID: id, Question: question, Options: answers[:1]}
		}, poll.ErrInvalid, "", ""},
		{"an empty question is refused", func(id int64) poll.NewPoll {
			return poll.NewPoll{SiteID: id, Question: "  ", Options: answers}
		}, poll.ErrInvalid, "", ""},
		{"no site is refused", func(int64) poll.NewPoll {
			return poll.NewPoll{Question: question, Options: answers}
		}, site.ErrMissing, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				t.Parallel()
				ctx := context.Background()
				siteID := theSite(t, db)
				n := tc.poll(siteID)

				p, err := poll.NewStore(db).Add(ctx, n)
				if !errors.Is(err, tc.want) {
					t.Fatalf("Add = %v, want %v", err, tc.want)
				}
				if tc.want != nil {
					var polls int
					if err := db.QueryRowContext(ctx, `SELECT count(*) FROM polls`).Scan(&polls); err != nil {
						t.Fatal(err)
					}
					if polls != 0 {
						t.Fatalf("a refused poll wrote %d rows", polls)
					}
					return
				}

				r, err := poll.NewStore(db).Results(ctx, siteID, p.ID)
				if err != nil {
					t.Fatal(err)
				}
				if r.Status != tc.status || optionLabels(r) != tc.options || r.Question != question {
					t.Errorf("stored %s %q [%s], want %s [%s]",
						r.Status, r.Question, optionLabels(r), tc.status, tc.options)
				}
				if !sameTime(r.OpensAt, n.OpensAt) || !sameTime(r.ClosesAt, n.ClosesAt) {
					t.Errorf("times %v-%v, want %v-%v", r.OpensAt, r.ClosesAt, n.OpensAt, n.ClosesAt)
				}
			})
		})
	}
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Equal(*b)
}
