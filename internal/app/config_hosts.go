package app

import (
	"errors"
	"fmt"
	"strings"
)

// parseHosts reads --hosts: comma-separated names, lower case, without a
// port or the final dot.
func parseHosts(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if h := normalHost(f); h != "" {
			out = append(out, h)
		}
	}
	return out
}

// validateHosts checks the host names the site is served at.
func (c Config) validateHosts() error {
	var errs []error
	for _, h := range c.Hosts {
		if strings.ContainsAny(h, "/@?#*[] ") {
			errs = append(errs, fmt.Errorf("--hosts: %q is not a host name", h))
		}
	}
	return errors.Join(errs...)
}
