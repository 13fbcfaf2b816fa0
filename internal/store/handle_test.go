package store

import (
	"context"
	"testing"
)

func TestUncachedReadsKeepNoStatement(t *testing.T) {
	ctx := context.Background()
	db := openTestSQLite(t)
	before := db.stmts.size()

	rows, err := db.QueryUncached(ctx, `SELECT 41 + $1`, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var n int
	if !rows.Next() {
		t.Fatalf("no row: %v", rows.Err())
	}
	if err := rows.Scan(&n); err != nil || n != 42 {
		t.Errorf("SELECT 41 + 1 = %d, %v", n, err)
	}

	if got := db.stmts.size(); got != before {
		t.Errorf("an uncached read left %d statements prepared, want %d", got, before)
	}
}
