// Package oldlink resolves the addresses of the system congtin replaced
// (today a Joomla site) to the new ones, and stores those redirects. An
// old address is reduced to a few lookup keys (Keys); the importer writes
// a row under every key an old page could be reached by, and the public
// site looks a request up by the same keys, so both sides agree by
// construction.
package oldlink

import "github.com/congtin/congtin/internal/store"

// ErrNotFound is returned when no key of an address has a redirect.
var ErrNotFound = store.ErrNotFound

// Redirect is what an old address leads to: Status is an HTTP status,
// 301 with the new address in Target, or 404 and 410 (gone) without one.
type Redirect struct {
	Target string
	Status int
}

// Entry is a redirect stored under the key of an old address.
type Entry struct {
	Key string
	Redirect
}
