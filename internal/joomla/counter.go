package joomla

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The old site's visit count ("Số lượt truy cập") comes from a
// third-party counter module, not from Joomla itself. Reading it is best
// effort, and --visits-offset always wins:
//
//   - The counter is the first site module (published ones first) whose
//     module name holds "counter" or "visit": mod_vvisit_counter (Vinaora,
//     and Majunke's module of the same name, the two most used on
//     Vietnamese portals), mod_visitorcounter and the like.
//   - Its starting figure is the first of counterStartKeys found in its
//     parameters (JSON, or INI on 1.5), read as PHP reads a number: the
//     leading digits, so "31.000.000" counts as 31, as it did on the old
//     site.
//   - The vvisit counters add the visits they recorded since: the highest
//     id of their table (#__vvisitcounter, or the name in their
//     s_createtableName parameter). For other modules only the starting
//     figure is known, and the report says so.

// counterStartKeys are the parameter names counter modules keep their
// starting figure under, compared without case.
var counterStartKeys = []string{"initialvalue", "initial_value", "initvalue", "init_value", "initial", "initialcount",
	"initial_count", "startvalue", "start_value", "startcount", "start_count", "preset", "preset_value", "presetvalue"}

var (
	leadingDigits = regexp.MustCompile(`^\s*\+?([0-9]{1,18})`)
	tableName     = regexp.MustCompile(`^[A-Za-z0-9_]{1,60}$`)
)

// counterVisits finds the old site's visit count. ok is false when no
// counter module with a figure was found; note says what was read.
func (im *importer) counterVisits(ctx context.Context) (visits int64, note string, ok bool) {
	p := im.p
	type module struct {
		id            int64
		title, name   string
		published     bool
		params        map[string]string
		start         int64
		startKey      string
		hasStartValue bool
	}

	var mods []module
	err := scanAll(ctx, im.src, `SELECT id, title, module, published, params FROM `+p+`modules
		WHERE client_id = 0 AND published >= 0 AND (LOWER(module) LIKE '%counter%' OR LOWER(module) LIKE '%visit%')
		ORDER BY published = 1 DESC, id`, func(r row) error {
		m := module{id: r.i(0), title: cleanText(r.s(1)), name: strings.ToLower(r.s(2)), published: r.i(3) == 1}
		m.params = map[string]string{}
		for k, v := range params(r.s(4)) {
			m.params[strings.ToLower(k)] = v
		}

		for _, k := range counterStartKeys {
			if v, found := m.params[k]; found {
				if d := leadingDigits.FindStringSubmatch(v); d != nil {
					m.start, _ = strconv.ParseInt(d[1], 10, 64)
				}

				m.startKey, m.hasStartValue = k, true
				break
			}
		}

		mods = append(mods, m)
		return nil
	})
	if err != nil {
		return 0, "visit count: counter modules not read (" + err.Error() + "); set it with --visits-offset", false
	}

	for _, m := range mods {
		counted, table := int64(0), ""
		if strings.Contains(m.name, "vvisit") {
			table = "vvisitcounter"
			if t := m.params["s_createtablename"]; tableName.MatchString(t) {
				table = strings.ToLower(t)
			}

			var max sql.NullInt64
			if im.src.QueryRowContext(ctx, `SELECT MAX(id) FROM `+p+table).Scan(&max) == nil {
				counted = max.Int64
			} else {
				table = ""
			}
		}

		if !m.hasStartValue && table == "" {
			continue
		}

		visits = m.start + counted
		note = fmt.Sprintf("visit count %d read from the counter module %q (%s, id %d): ",
			visits, m.title, m.name, m.id)

		switch {
		case table != "" && m.hasStartValue:
			note += fmt.Sprintf("%s %d + %d visits recorded in %s%s", m.startKey, m.start, counted, p, table)
		case table != "":
			note += fmt.Sprintf("%d visits recorded in %s%s", counted, p, table)
		default:
			note += fmt.Sprintf("its %s only; visits it counted since are kept where congtin does not look", m.startKey)
		}

		return visits, note + "; compare with the old site and correct with --visits-offset if needed", true
	}

	return 0, "visit count: no counter module with a starting figure found; set it with --visits-offset", false
}
