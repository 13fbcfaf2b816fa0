package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// countTo is a query of the numbers 1 to 5 that needs no table and reads
// the same on both databases.
const countTo = `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 5) SELECT n FROM g`

// failsAtThree returns 1 and 2, then fails on the server while making the
// third row, so the failure can only come back through rows.Err.
func failsAtThree(d store.Dialect) string {
	third := `json('not json ' || n)`
	if d == store.Postgres {
		third = `CAST('not a number ' || n AS INTEGER)`
	}
	return `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 5)
		SELECT CASE WHEN n < 3 THEN n ELSE ` + third + ` END FROM g`
}

var errThree = errors.New("three is refused")

func refuseThree(sc store.Scanner) (int64, error) {
	n, err := store.ScanInt64(sc)
	if err == nil && n == 3 {
		return 0, errThree
	}
	return n, err
}

func TestQueryAll(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		cancelled, cancel := context.WithCancel(context.Background())
		cancel()
		tests := []struct {
			name    string
			ctx     context.Context
			query   string
			scan    func(store.Scanner) (int64, error)
			want    []int64
			wantErr func(error) bool
			scans   int
		}{
			{name: "every row is read in order", query: countTo + ` ORDER BY n`, scan: store.ScanInt64,
				want: []int64{1, 2, 3, 4, 5}, scans: 5},
			{name: "no row is an empty list", query: countTo + ` WHERE n > 5`, scan: store.ScanInt64},
			{name: "a scan error ends the list and is returned", query: countTo + ` ORDER BY n`, scan: refuseThree,
				wantErr: func(err error) bool { return errors.Is(err, errThree) }, scans: 3},
			{name: "a query that does not run returns its error", query: `SELECT n FROM no_such_table`,
				scan: store.ScanInt64, wantErr: func(err error) bool { return err != nil }},
			{name: "a cancelled context returns its error", ctx: cancelled, query: countTo, scan: store.ScanInt64,
				wantErr: func(err error) bool { return errors.Is(err, context.Canceled) }},
			{name: "a failure after the first rows comes back from rows.Err", query: failsAtThree(db.Dialect),
				scan: store.ScanInt64, wantErr: func(err error) bool { return err != nil }, scans: 2},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ctx := tt.ctx
				if ctx == nil {
					ctx = t.Context()
				}
				scans := 0
				counted := func(sc store.Scanner) (int64, error) {
					scans++
					return tt.scan(sc)
				}

				got, err := store.QueryAll(ctx, db, counted, tt.query)

				if tt.wantErr == nil && err != nil {
					t.Fatalf("error %v, want none", err)
				}
				if tt.wantErr != nil && !tt.wantErr(err) {
					t.Fatalf("error %v is not the one wanted", err)
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("rows %v, want %v", got, tt.want)
				}
				if tt.wantErr != nil && got != nil {
					t.Errorf("a failed list returned rows %v", got)
				}
				if scans != tt.scans {
					t.Errorf("scanned %d rows, want %d", scans, tt.scans)
				}
			})
		}
	})
}

func TestQueryAllInsideTransaction(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		var got []string
		err := db.InTx(ctx, func(tx store.Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (site_id, key, value) VALUES (1, 'qa_probe', 'có')`); err != nil {
				return err
			}
			var err error
			got, err = store.QueryAll(ctx, tx, store.ScanString, `SELECT value FROM settings WHERE key = $1`, "qa_probe")
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, []string{"có"}) {
			t.Errorf("read in the transaction %v, want its own write", got)
		}
	})
}

// Every way a list can fail must still close its rows: a leaked *sql.Rows
// holds its connection, and a few dozen would leave none for the next
// query.
func TestQueryAllGivesBackItsConnection(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := t.Context()
		for range 30 {
			if _, err := store.QueryAll(ctx, db, refuseThree, countTo+` ORDER BY n`); !errors.Is(err, errThree) {
				t.Fatalf("scan error: %v", err)
			}
			if _, err := store.QueryAll(ctx, db, store.ScanInt64, failsAtThree(db.Dialect)); err == nil {
				t.Fatal("a failing query returned no error")
			}
		}

		wait, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		if _, err := store.QueryAll(wait, db, store.ScanInt64, countTo); err != nil {
			t.Fatalf("a query after the failures: %v", err)
		}
	})
}

func TestCollect(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		tests := []struct {
			name    string
			query   string
			want    []int64
			wantErr bool
		}{
			{name: "every row is read", query: countTo + ` ORDER BY n`, want: []int64{1, 2, 3, 4, 5}},
			{name: "a failure after the first rows is returned", query: failsAtThree(db.Dialect), wantErr: true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rows, err := db.QueryContext(t.Context(), tt.query)
				if err != nil {
					t.Fatal(err)
				}

				got, err := store.Collect(rows, store.ScanInt64)

				if (err != nil) != tt.wantErr {
					t.Fatalf("error %v, want one: %v", err, tt.wantErr)
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("rows %v, want %v", got, tt.want)
				}
				if rows.Next() {
					t.Error("rows still open after Collect")
				}
			})
		}
	})
}
