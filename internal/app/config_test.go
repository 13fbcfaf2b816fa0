package app

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestParseServeConfig(t *testing.T) {
	env := map[string]string{"CONGTIN_ADDR": ":9000", "CONGTIN_BASE_URL": "https://skhcn.example.vn/"}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		name    string
		args    []string
		check   func(Config) bool
		wantErr bool
	}{
		{"defaults and env", nil, func(c Config) bool {
			return c.Addr == ":9000" && c.DataDir == "./data" && c.BaseURL == "https://skhcn.example.vn" && !c.Demo && c.OnlineWindow == 15*time.Minute
		}, false},
		{"flags win over env", []string{"--addr", ":7000", "--demo", "--data", "/srv/ct"}, func(c Config) bool {
			return c.Addr == ":7000" && c.Demo && c.DataDir == "/srv/ct" && c.DSN() == "/srv/ct/congtin.db"
		}, false},
		{"postgres", []string{"--database", "postgres://u@h/db"}, func(c Config) bool { return c.DSN() == "postgres://u@h/db" }, false},
		{"bad database", []string{"--database", "mysql://x"}, nil, true},
		{"bad base url", []string{"--base-url", "skhcn.vn"}, nil, true},
		{"bad log format", []string{"--log-format", "xml"}, nil, true},
		{"bad window", []string{"--online-window", "soon"}, nil, true},
		{"stray argument", []string{"extra"}, nil, true},
		{"pprof on loopback", []string{"--pprof-addr", "127.0.0.1:6060"}, func(c Config) bool { return c.PprofAddr == "127.0.0.1:6060" }, false},
		{"pprof off the machine", []string{"--pprof-addr", ":6060"}, nil, true},
		{"pprof on a public address", []string{"--pprof-addr", "10.0.0.5:6060"}, nil, true},
		{"memory limit auto", nil, func(c Config) bool { return c.MemoryLimitMB == -1 }, false},
		{"memory limit given", []string{"--memory-limit-mb", "200"}, func(c Config) bool { return c.MemoryLimitMB == 200 }, false},
		{"memory limit off", []string{"--memory-limit-mb", "0"}, func(c Config) bool { return c.MemoryLimitMB == 0 }, false},
		{"memory limit negative", []string{"--memory-limit-mb", "-5"}, nil, true},
		{"memory limit words", []string{"--memory-limit-mb", "lots"}, nil, true},
	}
	for _, tt := range tests {
		c, err := ParseServeConfig(tt.args, getenv)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v", tt.name, err)
			continue
		}
		if err == nil && !tt.check(c) {
			t.Errorf("%s: got %+v", tt.name, c)
		}
	}
}

// TestREADMEListsEverySetting keeps the README's configuration table true.
func TestREADMEListsEverySetting(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range Settings {
		row := "| `--" + s.Flag + "` | `" + s.Env + "` |"
		if !strings.Contains(string(b), row) {
			t.Errorf("README lacks the row for --%s (%s)", s.Flag, s.Env)
		}
	}
	for _, cmd := range []string{"go run ./cmd/congtin serve --demo", "go test ./..."} {
		if !strings.Contains(string(b), cmd) {
			t.Errorf("README lacks the set-up command %q", cmd)
		}
	}
}

func TestMemoryLimit(t *testing.T) {
	none := func(string) string { return "" }
	goEnv := func(k string) string {
		if k == "GOMEMLIMIT" {
			return "500MiB"
		}
		return ""
	}
	tests := []struct {
		name   string
		cfg    Config
		getenv func(string) string
		want   int64
	}{
		{"auto follows the page cache", Config{MemoryLimitMB: -1, PageCacheMB: 24}, none, (24 + workingSetMB) << 20},
		{"auto without a page cache", Config{MemoryLimitMB: -1}, none, workingSetMB << 20},
		{"auto leaves GOMEMLIMIT to Go", Config{MemoryLimitMB: -1, PageCacheMB: 24}, goEnv, 0},
		{"given wins over GOMEMLIMIT", Config{MemoryLimitMB: 300, PageCacheMB: 24}, goEnv, 300 << 20},
		{"off", Config{MemoryLimitMB: 0, PageCacheMB: 24}, none, 0},
	}
	for _, tt := range tests {
		if got := MemoryLimit(tt.cfg, tt.getenv); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}
