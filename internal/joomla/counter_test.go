package joomla_test

import (
	"context"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/joomla"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store/storetest"
)

// module adds a site module row.
func (f *fixture) module(title, module string, published int, params string) {
	if f.legacy() {
		f.exec(`INSERT INTO #__modules (title, content, position, published, module, params, client_id, control)
			VALUES (?, '', 'right', ?, ?, ?, 0, '')`, title, published, module, params)
		return
	}
	f.exec(`INSERT INTO #__modules (title, note, content, position, published, module, access, showtitle, params, client_id, language)
		VALUES (?, '', '', 'right', ?, ?, 1, 1, ?, 0, '*')`, title, published, module, params)
}

// visitTable makes a vvisit counter's table whose highest id is max.
func (f *fixture) visitTable(name string, max int) {
	f.exec(`CREATE TABLE #__` + name + ` (id int unsigned NOT NULL AUTO_INCREMENT, tm int NOT NULL,
		ip varchar(16) NOT NULL DEFAULT '0.0.0.0', PRIMARY KEY (id))`)
	f.exec(`INSERT INTO #__`+name+` (id, tm, ip) VALUES (1, 1300000000, '10.0.0.1'), (?, 1400000000, '10.0.0.2')`, max)
}

func TestVisitsFromCounterModule(t *testing.T) {
	t.Parallel()
	mysqlBase(t)
	cases := []struct {
		name, version, prefix string
		setup                 func(f *fixture)
		offset                int64 // --visits-offset; -1: read
		want                  int64 // -1: setting left alone
		note                  string
	}{
		{"a Vinaora counter on 1.5 adds its INI start to the visits in its table", "1.5", "jos_", func(f *fixture) {
			f.module("Thống kê cũ", "mod_vvisit_counter", 0, "initialvalue=5\n")
			f.module("Thống kê truy cập", "mod_vvisit_counter", 1, "today=Hôm nay\ninitialvalue=31000000\nsessiontime=10\n")
			f.visitTable("vvisitcounter", 1234)
		}, -1, 31_001_234, "initialvalue 31000000 + 1234 visits recorded in jos_vvisitcounter"},
		{"a 3.10 counter with its own table adds that table's visits", "3.10", "abc12_", func(f *fixture) {
			f.module("Lượt truy cập", "mod_vvisit_counter", 1, `{"initialvalue":"2500000","s_createtableName":"mvc_counter"}`)
			f.visitTable("mvc_counter", 77)
		}, -1, 2_500_077, "abc12_mvc_counter"},
		{"another counter module on 5 gives its preset only", "5", "hdx7k_", func(f *fixture) {
			f.module("Đăng nhập", "mod_login", 1, `{}`)
			f.module("Bộ đếm", "mod_visitorcounter", 1, `{"layout":"_:default","Preset":"1.234.567"}`)
		}, -1, 1, "its preset only"},
		{"a given visits offset wins over the module", "3.10", "abc12_", func(f *fixture) {
			f.module("Lượt truy cập", "mod_vvisit_counter", 1, `{"initialvalue":"2500000"}`)
		}, 42, 42, ""},
		{"without a published counter module the setting is left alone", "5", "hdx7k_", func(f *fixture) {
			f.module("Bộ đếm", "mod_simplecounter", -2, `{"initialvalue":"9"}`)
		}, -1, -1, "no counter module"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			src := joomlaDB(t, c.version, c.prefix)
			c.setup(newFixture(t, src, c.version, c.prefix))
			dst := storetest.SQLite(t)
			rep, err := joomla.Import(context.Background(), src, dst, joomla.Options{SiteID: 1, VisitsOffset: c.offset})
			if err != nil {
				t.Fatal(err)
			}
			s, err := site.Load(context.Background(), dst, 1)
			if err != nil {
				t.Fatal(err)
			}
			want := c.want
			if want < 0 {
				want = 0 // the default setting
			}
			if rep.VisitsOffset != c.want || s.VisitsOffset != want {
				t.Errorf("visits offset: report %d, setting %d; want %d", rep.VisitsOffset, s.VisitsOffset, c.want)
			}
			if c.note != "" && !strings.Contains(strings.Join(rep.Notes, "\n"), c.note) {
				t.Errorf("notes %q lack %q", rep.Notes, c.note)
			}
		})
	}
}
