package app

import (
	"context"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestMaintainPurgesOldRows(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		now := time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)
		var uid int64
		if err := db.QueryRowContext(ctx, `INSERT INTO users (username, role, password_hash, created_at, updated_at)
			VALUES ('bientap', 'editor', 'x', 1, 1) RETURNING id`).Scan(&uid); err != nil {
			t.Fatal(err)
		}
		for _, at := range []time.Time{now.Add(-48 * time.Hour), now.Add(-time.Hour)} {
			db.ExecContext(ctx, `INSERT INTO login_failures (username, ip, at) VALUES ('bientap', '10.0.0.1', $1)`, at.Unix())
		}
		for i, exp := range []time.Time{now.Add(-time.Minute), now.Add(time.Hour)} {
			if _, err := db.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, generation, csrf_token, created_at, last_seen, expires_at)
				VALUES ($1, $2, 0, 'c', 1, 1, $3)`, []string{"old", "live"}[i], uid, exp.Unix()); err != nil {
				t.Fatal(err)
			}
		}
		ran, err := Maintain(ctx, db, now)
		if !ran || err != nil {
			t.Fatalf("ran=%v err=%v", ran, err)
		}
		var failures, sessions int
		db.QueryRowContext(ctx, `SELECT count(*) FROM login_failures`).Scan(&failures)
		db.QueryRowContext(ctx, `SELECT count(*) FROM sessions`).Scan(&sessions)
		if failures != 1 || sessions != 1 {
			t.Errorf("after maintenance: %d failures, %d sessions; want the recent one of each", failures, sessions)
		}
	})
}
