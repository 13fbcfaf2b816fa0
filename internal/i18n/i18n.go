// Package i18n keeps every string the interface shows, in one place, so
// that an English (or any other) version can follow by adding a catalog.
package i18n

import "fmt"

// Catalog maps a message key to its text; the text may hold fmt verbs.
type Catalog map[string]string

// T returns the text for key, formatted with args. An unknown key is
// returned as it is, which makes a missing string obvious on the page and
// in tests rather than blank.
func (c Catalog) T(key string, args ...any) string {
	s, ok := c[key]
	if !ok {
		return key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Default is the catalog the site uses today.
var Default = Vietnamese
