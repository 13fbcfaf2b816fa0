package joomla_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/joomla"
	"github.com/congtin/congtin/internal/store/storetest"
)

// A database holding a live 3.10 site, a leftover 1.5 copy and a 5.x
// trial: without --prefix the import stops and lists the three.
func TestSeveralInstalls(t *testing.T) {
	t.Parallel()
	cfg := mysqlBase(t)
	src := joomlaDB(t, "3.10", "abc12_")
	var name string
	if err := src.QueryRow(`SELECT DATABASE()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	openSchema(t, cfg, name, "1.5", "bak_")
	openSchema(t, cfg, name, "5", "thu_")
	// What the installers record: the release in the core manifest.
	for p, release := range map[string]string{"abc12_": "3.10.12", "thu_": "5.4.5"} {
		if _, err := src.Exec(`UPDATE `+p+`extensions SET manifest_cache = ? WHERE name = 'files_joomla'`,
			`{"name":"files_joomla","type":"file","version":"`+release+`"}`); err != nil {
			t.Fatal(err)
		}
	}
	live := newFixture(t, src, "3.10", "abc12_")
	live.category(10, 0, "Tin tức", "tin-tuc", 1)
	old := newFixture(t, src, "1.5", "bak_")
	old.section(10, "Tin tức", "tin-tuc", 1)
	old.category(11, 10, "Sự kiện", "su-kien", 1)
	for i := 1; i <= 3; i++ {
		live.article(article{id: i, cat: 10, title: "Tin", alias: "tin", state: 1, created: "2021-03-0" + itoa(i) + " 01:00:00"})
	}
	old.article(article{id: 1, cat: 11, section: 10, title: "Tin cũ", alias: "tin-cu", state: 1, created: "2012-05-06 07:08:09"})

	dst := storetest.SQLite(t)
	_, err := joomla.Import(context.Background(), src, dst, joomla.Options{SiteID: 1, VisitsOffset: -1})
	var several *joomla.SeveralInstallsError
	if !errors.As(err, &several) {
		t.Fatalf("import without --prefix: %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"--prefix abc12_", "Joomla 3.10.12, 3 articles, newest 2021-03-03", "--prefix bak_",
		"Joomla 1.5, 1 article, newest 2012-05-06", "--prefix thu_       Joomla 5.4.5, 0 articles"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if countRows(t, dst, "articles") != 0 {
		t.Error("articles written although the import stopped")
	}

	rep, err := joomla.Import(context.Background(), src, dst, joomla.Options{SiteID: 1, Prefix: "abc12_", VisitsOffset: -1})
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Counts["article"]; c == nil || c.Created != 3 {
		t.Errorf("with --prefix abc12_: %+v", rep.Counts["article"])
	}
}
