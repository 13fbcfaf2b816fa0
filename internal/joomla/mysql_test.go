package joomla_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
)

// EnvMySQL names the MariaDB/MySQL server the importer tests build their
// Joomla databases on, e.g. root@tcp(127.0.0.1:3306)/test.
const EnvMySQL = "CONGTIN_TEST_MYSQL"

// schemaDir holds the verbatim Joomla installation schemas (shared/ sits
// beside the clone).
var schemaDir = filepath.Join("..", "..", "..", "shared", "joomla")

var schemaFiles = map[string][]string{
	"1.5":  {"joomla-1.5-mysql.sql"},
	"2.5":  {"joomla-2.5-mysql.sql"},
	"3.10": {"joomla-3.10-mysql.sql"},
	"4":    {"joomla-4-base.sql", "joomla-4-supports.sql", "joomla-4-extensions.sql"},
	"5":    {"joomla-5-base.sql", "joomla-5-supports.sql", "joomla-5-extensions.sql"},
}

func mysqlBase(t testing.TB) *mysql.Config {
	t.Helper()
	dsn := os.Getenv(EnvMySQL)
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set; CI must provide a MariaDB server", EnvMySQL)
		}
		t.Skipf("%s not set; skipping the importer's MariaDB tests", EnvMySQL)
	}
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		t.Fatalf("%s: %v", EnvMySQL, err)
	}
	return cfg
}

// joomlaDB creates a database holding the installation schema of version
// with table prefix prefix, dropped when the test ends.
func joomlaDB(t testing.TB, version, prefix string) *sql.DB {
	t.Helper()
	cfg := mysqlBase(t)
	admin, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if err := admin.Ping(); err != nil {
		t.Fatalf("MariaDB at %s: %v", cfg.Addr, err)
	}
	b := make([]byte, 5)
	rand.Read(b)
	name := "congtin_j_" + hex.EncodeToString(b)
	if _, err := admin.Exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("mysql", cfg.FormatDSN())
		if err == nil {
			a.Exec("DROP DATABASE IF EXISTS " + name)
			a.Close()
		}
	})
	return openSchema(t, cfg, name, version, prefix)
}

// openSchema connects to database name and loads the schema of version.
func openSchema(t testing.TB, cfg *mysql.Config, name, version, prefix string) *sql.DB {
	t.Helper()
	c := cfg.Clone()
	c.DBName = name
	c.MultiStatements = true
	c.ParseTime = false
	if c.Params == nil {
		c.Params = map[string]string{}
	}
	c.Params["charset"] = "utf8mb4"
	// Joomla's own driver clears the strict and zero-date modes.
	c.Params["sql_mode"] = "''"
	db, err := sql.Open("mysql", c.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(4)
	t.Cleanup(func() { db.Close() })
	for _, f := range schemaFiles[version] {
		data, err := os.ReadFile(filepath.Join(schemaDir, f))
		if err != nil {
			t.Fatalf("schema %s (shared/joomla beside the clone): %v", f, err)
		}
		if _, err := db.Exec(replacePrefix(string(data), prefix)); err != nil {
			t.Fatalf("load %s: %v", f, err)
		}
	}
	return db
}

// replacePrefix replaces the #__ placeholder outside quoted strings, as
// Joomla's installer does; "#" comments (1.5) and "--" comments are
// skipped so an apostrophe in them cannot open a string.
func replacePrefix(s, prefix string) string {
	var b strings.Builder
	b.Grow(len(s))
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if quote != 0 {
			b.WriteByte(c)
			switch {
			case c == '\\' && quote != '`' && i+1 < len(s):
				i++
				b.WriteByte(s[i])
			case c == quote:
				quote = 0
			}
			continue
		}
		switch {
		case strings.HasPrefix(s[i:], "#__"):
			b.WriteString(prefix)
			i += 2
		case c == '#' || (c == '-' && strings.HasPrefix(s[i:], "-- ")):
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				end = len(s) - i
			}
			b.WriteString(s[i : i+end])
			i += end - 1
		case c == '`':
			// Identifiers: the prefix is replaced inside them too.
			end := strings.IndexByte(s[i+1:], '`')
			if end < 0 {
				b.WriteString(s[i:])
				return b.String()
			}
			b.WriteString(strings.ReplaceAll(s[i:i+end+2], "#__", prefix))
			i += end + 1
		case c == '\'' || c == '"':
			quote = c
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func TestReplacePrefix(t *testing.T) {
	in := "# Don't `#__x`\nCREATE TABLE `#__content` (a int COMMENT 'it''s #__content');\n" +
		"INSERT INTO #__types VALUES ('{\"dbtable\":\"#__content\"}');\n-- it's `#__y`\n"
	got := replacePrefix(in, "abc_")
	for _, want := range []string{"CREATE TABLE `abc_content`", "'it''s #__content'", "INSERT INTO abc_types",
		`"dbtable":"#__content"`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	_ = context.Background
}
