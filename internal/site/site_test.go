package site_test

import (
	"context"
	"errors"
	"testing"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name    string
		id      int64
		missing bool
	}{
		{"a site's id passes", 1, false},
		{"zero is no site", 0, true},
		{"a negative id is no site", -1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := site.Check(tc.id, "save")
			if got := errors.Is(err, site.ErrMissing); got != tc.missing {
				t.Fatalf("Check(%d) = %v, want missing %v", tc.id, err, tc.missing)
			}
		})
	}
}

func TestOnly(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		setup string
		want  error
	}{
		{"the one site of a new installation", "", nil},
		{"no site at all", "DELETE FROM sites", site.ErrNone},
		{"several sites", "INSERT INTO sites (host, name) VALUES ('huyen.example.vn', 'Huyện')", site.ErrSeveral},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				t.Parallel()
				ctx := context.Background()
				if tc.setup != "" {
					if _, err := db.ExecContext(ctx, tc.setup); err != nil {
						t.Fatal(err)
					}
				}

				s, err := site.Only(ctx, db)
				if !errors.Is(err, tc.want) {
					t.Fatalf("Only = %+v, %v; want %v", s, err, tc.want)
				}
				if tc.want == nil && s.ID != 1 {
					t.Fatalf("Only = %+v, want the site with id 1", s)
				}
			})
		})
	}
}
