package oldlink_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"testing"

	"github.com/congtin/congtin/internal/oldlink"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestSaveAndResolve(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		article := oldlink.Redirect{Target: "/tin-tuc/7-ket-qua", Status: 301}
		gone := oldlink.Redirect{Status: 410}

		// More rows than one statement writes.
		entries := []oldlink.Entry{{Key: oldlink.ArticleKey("44"), Redirect: article}, {Key: "/cu", Redirect: gone}}
		for i := range 450 {
			entries = append(entries, oldlink.Entry{Key: fmt.Sprintf("/trang-%d", i), Redirect: oldlink.Redirect{
				Target: fmt.Sprintf("/moi-%d/", i), Status: 301}})
		}
		if err := oldlink.Save(ctx, db, 1, entries); err != nil {
			t.Fatal(err)
		}

		t.Run("a saved key is found by every spelling of its address", func(t *testing.T) {
			for _, raw := range []string{"/index.php?option=com_content&view=article&id=44",
				"/index.php?Itemid=3&id=44:ket-qua&option=com_content", "/tin-tuc/44-bai.html"} {
				u, _ := url.Parse(raw)
				got, err := oldlink.Resolve(ctx, db, 1, u.Path, u.Query())
				if err != nil || got != article {
					t.Errorf("Resolve(%s) = %+v, %v; want %+v", raw, got, err, article)
				}
			}
		})

		t.Run("the first key that has a row wins", func(t *testing.T) {
			got, err := oldlink.Find(ctx, db, 1, []string{"/khong-co", "/cu", oldlink.ArticleKey("44")})
			if err != nil || got != gone {
				t.Errorf("Find = %+v, %v; want %+v", got, err, gone)
			}
		})

		t.Run("no key with a row is ErrNotFound", func(t *testing.T) {
			for _, keys := range [][]string{nil, {"/khong-co"}} {
				if _, err := oldlink.Find(ctx, db, 1, keys); !errors.Is(err, oldlink.ErrNotFound) {
					t.Errorf("Find(%q) error = %v, want ErrNotFound", keys, err)
				}
			}
		})

		t.Run("saving a key again replaces its redirect", func(t *testing.T) {
			moved := oldlink.Redirect{Target: "/tin-tuc/8-ket-qua", Status: 301}
			err := oldlink.Save(ctx, db, 1, []oldlink.Entry{{Key: oldlink.ArticleKey("44"), Redirect: moved}})
			if err != nil {
				t.Fatal(err)
			}
			got, err := oldlink.Find(ctx, db, 1, []string{oldlink.ArticleKey("44")})
			if err != nil || got != moved {
				t.Errorf("Find = %+v, %v; want %+v", got, err, moved)
			}
			entries[0].Redirect = moved
		})

		t.Run("stored lists every row of the site", func(t *testing.T) {
			got, err := oldlink.Stored(ctx, db, 1)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]oldlink.Redirect{}
			for _, e := range entries {
				want[e.Key] = e.Redirect
			}
			if !maps.Equal(got, want) {
				t.Errorf("Stored has %d rows, want %d (or they differ)", len(got), len(want))
			}
		})

		t.Run("another site sees none of them", func(t *testing.T) {
			_, err := db.ExecContext(ctx, `INSERT INTO sites (id, host, name) VALUES (2, 'khac.example', 'Khác')`)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := oldlink.Find(ctx, db, 2, []string{"/cu"}); !errors.Is(err, oldlink.ErrNotFound) {
				t.Errorf("Find on site 2 error = %v, want ErrNotFound", err)
			}
			got, err := oldlink.Stored(ctx, db, 2)
			if err != nil || len(got) != 0 {
				t.Errorf("Stored on site 2 = %d rows, %v; want none", len(got), err)
			}
		})
	})
}

// A NUL in a visitor's address is a lookup like any other, not a database
// error (PostgreSQL refuses a NUL in text).
func TestAnAddressWithANulIsLookedUpNotRefused(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		page := oldlink.Redirect{Target: "/gioi-thieu", Status: 301}
		if err := oldlink.Save(ctx, db, 1, []oldlink.Entry{{Key: "/gioi-thieu-cu", Redirect: page}}); err != nil {
			t.Fatal(err)
		}

		for _, c := range []struct {
			name, path string
			want       error
		}{
			{"found as without it", "/gioi-thieu-cu\x00", nil},
			{"not found as without it", "/khong-co\x00.html", oldlink.ErrNotFound},
		} {
			t.Run(c.name, func(t *testing.T) {
				got, err := oldlink.Resolve(ctx, db, 1, c.path, nil)
				if !errors.Is(err, c.want) || (c.want == nil && got != page) {
					t.Errorf("Resolve(%q) = %+v, %v; want %+v, %v", c.path, got, err, page, c.want)
				}
			})
		}
	})
}
