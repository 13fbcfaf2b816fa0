package app

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
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
// host names, the one extra script origin, and the metrics address.
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
	if c.MetricsAddr != "" && !namedAddr(c.MetricsAddr) {
		errs = append(errs, errors.New("--metrics-addr must be a loopback address such as 127.0.0.1:9464, "+
			"or the address of one interface such as 10.0.0.5:9464; off turns metrics off"))
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

// namedAddr reports whether host:port names one address of this machine:
// a loopback address, localhost, or one interface's IP address. An empty
// host or 0.0.0.0 would open the metrics on every interface, the public
// one included, so it is refused; naming an interface is the operator's
// explicit choice.
func namedAddr(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil || host == "" {
		return false
	}
	if host == "localhost" {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && !a.IsUnspecified()
}
