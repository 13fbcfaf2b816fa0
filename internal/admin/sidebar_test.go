package admin

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store/storetest"
)

// TestSidebarModulesOrder: the admin chooses which sidebar blocks show and
// in what order.
func TestSidebarModulesOrder(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "admin")
	res, body := c.get("/quan-tri/cai-dat")
	if res.StatusCode != 200 || !strings.Contains(body, `name="module_poll"`) || missingKey.MatchString(body) {
		t.Fatalf("settings form lacks the sidebar blocks: %d", res.StatusCode)
	}
	tests := []struct {
		poll, counters string
		want           []string
	}{
		{"2", "1", []string{site.ModuleCounters, site.ModulePoll}},
		{"0", "1", []string{site.ModuleCounters}},
		{"1", "1", []string{site.ModulePoll, site.ModuleCounters}}, // a tie keeps the default order
		{"0", "0", []string{}},
		{"9", "x", []string{}}, // out of range or not a number: hidden
	}
	for _, tt := range tests {
		form := url.Values{"modules_shown": {"1"}, "module_poll": {tt.poll}, "module_counters": {tt.counters}}
		if res, body := c.post("/quan-tri/cai-dat", form); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("save: %d\n%s", res.StatusCode, body)
		}
		st, err := site.Load(context.Background(), db, 1)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(st.SidebarModules, tt.want) {
			t.Errorf("poll %s, counters %s: saved %v, want %v", tt.poll, tt.counters, st.SidebarModules, tt.want)
		}
	}
}
