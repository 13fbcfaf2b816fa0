// Package site holds the sites an installation serves, found once and
// passed down explicitly (site.go), and each site's settings: the agency
// named in the header and footer, the editor-in-chief and licence lines that
// Vietnamese law asks an electronic news site to show, the contact details
// and counter offsets.
package site

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// Setting keys as stored in the settings table.
const (
	KeySiteName      = "site_name"
	KeyAgency        = "agency"
	KeyEditorInChief = "editor_in_chief"
	KeyLicence       = "licence"
	KeyAddress       = "address"
	KeyPhone         = "phone"
	KeyFax           = "fax"
	KeyTagline       = "tagline"
	KeyVisitsOffset  = "visits_offset"
	// KeySidebarModules lists the sidebar's blocks in order, comma
	// separated; a block left out is not shown.
	KeySidebarModules = "sidebar_modules"
)

// Sidebar blocks of the public site.
const (
	ModulePoll     = "poll"
	ModuleCounters = "counters"
)

// SidebarModuleNames are every sidebar block, in their default order.
var SidebarModuleNames = []string{ModulePoll, ModuleCounters}

// Settings are the values the public pages show.
type Settings struct {
	SiteName      string
	Agency        string
	EditorInChief string
	Licence       string
	Address       string
	Phone         string
	Fax           string
	Tagline       string
	// VisitsOffset is the visit count carried over from the previous
	// system, added to the visits counted here.
	VisitsOffset int64
	// SidebarModules are the sidebar's blocks in the order shown.
	SidebarModules []string
}

// ParseModules reads a sidebar_modules value: known names, each once, in
// the order given.
func ParseModules(v string) []string {
	out := []string{}
	for _, name := range strings.Split(v, ",") {
		name = strings.TrimSpace(name)
		if slices.Contains(SidebarModuleNames, name) && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// Load reads a site's settings; missing keys keep their zero value.
func Load(ctx context.Context, q store.Querier, siteID int64) (Settings, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings WHERE site_id = $1`, siteID)
	if err != nil {
		return Settings{}, fmt.Errorf("load settings: %w", err)
	}
	defer rows.Close()
	s := Settings{SidebarModules: SidebarModuleNames}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return Settings{}, err
		}

		switch k {
		case KeySiteName:
			s.SiteName = v
		case KeyAgency:
			s.Agency = v
		case KeyEditorInChief:
			s.EditorInChief = v
		case KeyLicence:
			s.Licence = v
		case KeyAddress:
			s.Address = v
		case KeyPhone:
			s.Phone = v
		case KeyFax:
			s.Fax = v
		case KeyTagline:
			s.Tagline = v
		case KeyVisitsOffset:
			s.VisitsOffset, _ = strconv.ParseInt(v, 10, 64)
		case KeySidebarModules:
			s.SidebarModules = ParseModules(v)
		}
	}

	return s, rows.Err()
}

// Save writes the given keys, replacing earlier values.
func Save(ctx context.Context, q store.Querier, siteID int64, values map[string]string) error {
	for k, v := range values {
		_, err := q.ExecContext(ctx, `INSERT INTO settings (site_id, key, value) VALUES ($1, $2, $3)
			ON CONFLICT (site_id, key) DO UPDATE SET value = excluded.value`, siteID, k, vn.NFC(v))
		if err != nil {
			return fmt.Errorf("save setting %s: %w", k, err)
		}
	}
	return nil
}
