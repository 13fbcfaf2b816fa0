package app

import (
	"errors"
	"fmt"
	"net/url"
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

// validateHosts checks the flags that say where the site is served: the
// host names and the one extra script origin.
func (c Config) validateHosts() error {
	var errs []error
	for _, h := range c.Hosts {
		if strings.ContainsAny(h, "/@?#*[] ") {
			errs = append(errs, fmt.Errorf("--hosts: %q is not a host name", h))
		}
	}
	if c.CSPScriptSrc != "" && !isOrigin(c.CSPScriptSrc) {
		errs = append(errs, errors.New("--csp-script-src must be one origin such as https://monitor.example.vn"))
	}
	return errors.Join(errs...)
}

// isOrigin reports whether s is scheme://host[:port] with nothing else,
// so that it cannot widen the policy with a space, a quote or a wildcard.
func isOrigin(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.Path != "" || u.RawQuery != "" ||
		u.Fragment != "" || u.User != nil {
		return false
	}
	return !strings.ContainsAny(s, " ;,'\"*")
}
