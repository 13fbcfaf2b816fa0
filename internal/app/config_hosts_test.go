package app

import (
	"slices"
	"testing"
)

// TestHostAndMetricsFlags: the host names, the extra script origin and
// the metrics address are read and checked at start.
func TestHostAndMetricsFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		check   func(Config) bool
		wantErr bool
	}{
		{"metrics on loopback by default", nil,
			func(c Config) bool { return c.MetricsAddr == "127.0.0.1:9464" }, false},
		{"metrics off", []string{"--metrics-addr", "off"}, func(c Config) bool { return c.MetricsAddr == "" }, false},
		{"metrics on one named interface", []string{"--metrics-addr", "10.0.0.5:9464"},
			func(c Config) bool { return c.MetricsAddr == "10.0.0.5:9464" }, false},
		{"metrics on every interface is refused", []string{"--metrics-addr", ":9464"}, nil, true},
		{"metrics on 0.0.0.0 is refused", []string{"--metrics-addr", "0.0.0.0:9464"}, nil, true},
		{"metrics on [::] is refused", []string{"--metrics-addr", "[::]:9464"}, nil, true},
		{"hosts normalised", []string{"--hosts", " SKHCN.example.vn., www.skhcn.example.vn:443 ,"},
			func(c Config) bool {
				return slices.Equal(c.Hosts, []string{"skhcn.example.vn", "www.skhcn.example.vn"})
			}, false},
		{"a host with a path is refused", []string{"--hosts", "skhcn.example.vn/x"}, nil, true},
		{"a wildcard host is refused", []string{"--hosts", "*.example.vn"}, nil, true},
		{"one script origin", []string{"--csp-script-src", "https://monitor.example.vn/"},
			func(c Config) bool { return c.CSPScriptSrc == "https://monitor.example.vn" }, false},
		{"a script origin that widens the policy",
			[]string{"--csp-script-src", "https://a.vn 'unsafe-inline'"}, nil, true},
		{"a script origin with a path", []string{"--csp-script-src", "https://a.vn/x.js"}, nil, true},
		{"a plain-http script origin", []string{"--csp-script-src", "http://a.vn"}, nil, true},
		{"a script wildcard", []string{"--csp-script-src", "https:"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseServeConfig(tt.args, func(string) string { return "" })
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err == nil && !tt.check(c) {
				t.Errorf("got %+v", c)
			}
		})
	}
}
