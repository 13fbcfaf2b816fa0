package joomla

import (
	"errors"
	"fmt"
	"regexp"
)

// ErrBadPrefix is returned for a table prefix that is refused. A prefix
// is written into the SQL as it is (a table name cannot be a parameter),
// so only the characters Joomla's installer allows get that far.
var ErrBadPrefix = errors.New("only ASCII letters, digits and _ are allowed")

var prefixPattern = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// checkPrefix refuses a prefix that is not safe to place in SQL. The
// empty prefix passes: in Options it asks for detection, and a detected
// one means tables without a prefix.
func checkPrefix(p string) error {
	if p == "" || prefixPattern.MatchString(p) {
		return nil
	}
	return fmt.Errorf("table prefix %q: %w", p, ErrBadPrefix)
}
