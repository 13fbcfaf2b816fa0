package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func openTestSQLite(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "congtin.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func (c *stmtCache) size() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.stmts)
}

func TestPreparedReadsGiveTheSameAnswers(t *testing.T) {
	ctx := context.Background()
	db := openTestSQLite(t)
	if _, err := db.ExecContext(ctx, `CREATE TABLE kv (k INTEGER PRIMARY KEY, v TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 5; i++ {
		if _, err := db.ExecContext(ctx, `INSERT INTO kv (k, v) VALUES ($1, $2)`, i, fmt.Sprint("giá trị ", i)); err != nil {
			t.Fatal(err)
		}
	}
	const q = `SELECT v FROM kv WHERE k = $1`
	before := db.stmts.size()
	for i := 1; i <= 5; i++ {
		var v string
		if err := db.QueryRowContext(ctx, q, i).Scan(&v); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprint("giá trị ", i); v != want {
			t.Errorf("k=%d: %q, want %q", i, v, want)
		}
	}
	if got := db.stmts.size() - before; got != 1 {
		t.Errorf("five runs of one text prepared %d statements, want 1", got)
	}

	// A row written after the statement was prepared is seen by it.
	if _, err := db.ExecContext(ctx, `UPDATE kv SET v = 'mới' WHERE k = 3`); err != nil {
		t.Fatal(err)
	}
	var v string
	if err := db.QueryRowContext(ctx, q, 3).Scan(&v); err != nil || v != "mới" {
		t.Errorf("after update: %q, %v", v, err)
	}

	// A schema change under a prepared statement: SQLite compiles it again.
	if _, err := db.ExecContext(ctx, `ALTER TABLE kv ADD COLUMN note TEXT NOT NULL DEFAULT ''`); err != nil {
		t.Fatal(err)
	}
	rows, err := db.QueryContext(ctx, `SELECT * FROM kv ORDER BY k`)
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := rows.Columns()
	rows.Close()
	if len(cols) != 3 {
		t.Errorf("columns after ALTER: %v", cols)
	}

	// A text that does not compile reports its error where it runs.
	_, err = db.QueryContext(ctx, `SELECT v FROM no_such_table`)
	if err == nil || !strings.Contains(err.Error(), "no_such_table") {
		t.Errorf("bad query: %v", err)
	}
}

func TestPreparedStatementsAreBounded(t *testing.T) {
	ctx := context.Background()
	db := openTestSQLite(t)
	for i := 0; i < maxCachedStatements+50; i++ {
		var n int
		if err := db.QueryRowContext(ctx, fmt.Sprintf("SELECT %d", i)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != i {
			t.Fatalf("SELECT %d gave %d", i, n)
		}
	}
	if got := db.stmts.size(); got > maxCachedStatements {
		t.Errorf("%d statements kept, bound is %d", got, maxCachedStatements)
	}
}

func TestPostgresKeepsNoStatements(t *testing.T) {
	db := &DB{Dialect: Postgres}
	if db.prepared(context.Background(), "SELECT 1") != nil {
		t.Error("a database without a statement cache returned a statement")
	}
}
