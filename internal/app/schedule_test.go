package app

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestPublishScheduledOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		t0 := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
		var cat int64
		db.QueryRowContext(ctx, `INSERT INTO categories (site_id, slug, name, created_at, updated_at) VALUES (1, 'tin', 'Tin', 1, 1) RETURNING id`).Scan(&cat)
		// insert adds an article published at pub, last saved at saved.
		insert := func(title string, pub time.Time, unpub *time.Time, saved time.Time) {
			var u any
			if unpub != nil {
				u = unpub.Unix()
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO articles (site_id, category_id, slug, title, status,
				publish_at, unpublish_at, created_at, updated_at)
				VALUES (1, $1, 'x', $2, 'published', $3, $4, 1, $5)`, cat, title, pub.Unix(), u, saved.Unix()); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := PublishScheduled(ctx, db, 1, t0); n != 0 || err != nil { // first run: a starting point
			t.Fatalf("first run: %d, %v", n, err)
		}
		withdraw := t0.Add(90 * time.Second)
		insert("đã đăng từ trước", t0.Add(-time.Hour), &withdraw, t0.Add(-time.Hour))
		insert("hẹn giờ", t0.Add(30*time.Second), nil, t0)
		insert("hẹn giờ sau nữa", t0.Add(time.Hour), nil, t0)
		// Published at once at +40 s, which the check at +60 s finds in its
		// range: it must not be taken for a schedule.
		insert("đăng ngay", t0.Add(40*time.Second), nil, t0.Add(40*time.Second))
		steps := []struct {
			at   time.Duration
			want int
		}{{10 * time.Second, 0}, {31 * time.Second, 1}, {31 * time.Second, 0}, {60 * time.Second, 0}, {100 * time.Second, 1}}
		for _, s := range steps {
			n, err := PublishScheduled(ctx, db, 1, t0.Add(s.at))
			if err != nil || n != s.want {
				t.Errorf("at +%v: %d crossed (%v), want %d", s.at, n, err, s.want)
			}
		}
		var audits int
		db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log WHERE action = 'scheduled_publish'`).Scan(&audits)
		if audits != 1 {
			t.Errorf("%d scheduled_publish rows, want exactly one", audits)
		}
	})
}
