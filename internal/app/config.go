// Package app wires congtin together: configuration, database, domain
// services and the HTTP handler, and runs the server until it is told to
// stop. It is the only package that knows every other.
package app

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is the server's configuration, read once from flags and the
// environment (flags win) and passed explicitly from here on.
type Config struct {
	Addr         string
	DataDir      string
	BaseURL      string
	Database     string // postgres:// URL; empty for SQLite in DataDir
	Demo         bool
	LogFormat    string // text or json
	OnlineWindow time.Duration
	// PollVotesPerIP limits votes per poll from one address in an hour;
	// 0 turns the limit off.
	PollVotesPerIP int
	// VisitorsPerIP and ViewsPerIP cap the new visitors and the page views
	// counted from one address in ten minutes; 0 turns a cap off.
	VisitorsPerIP, ViewsPerIP int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For is
	// believed for the client's address.
	TrustedProxies []netip.Prefix
	// StatsFlush is how often counts are written to the database.
	StatsFlush time.Duration
	// UploadMaxMB is the largest file the newsroom accepts, in megabytes.
	UploadMaxMB int
	// PageCacheMB bounds the public page cache; 0 turns it off.
	PageCacheMB int
	// PageCacheTTL is how long a cached page is served.
	PageCacheTTL time.Duration
	// PprofAddr is a loopback address serving net/http/pprof; empty: off.
	PprofAddr string
	// Hosts are the host names served besides the base URL's; a request
	// for any other is refused. With neither, the machine's own names.
	Hosts []string
	// CSPScriptSrc is one more origin public pages may load scripts from.
	CSPScriptSrc string
	// MetricsAddr is the address serving Prometheus metrics; empty: off.
	MetricsAddr string
	// ReadOnly opens the database for reading only.
	ReadOnly bool
	// ReadyMinFreeMB is the free space in the data folder below which
	// /readyz answers not ready.
	ReadyMinFreeMB int
	// StaleIfError is how long a cached page may be served when the
	// database fails; 0 turns it off.
	StaleIfError time.Duration
	// MemoryLimitMB is the soft limit on the Go heap (debug.SetMemoryLimit);
	// 0 leaves Go's default (or GOMEMLIMIT), and -1 asks for MemoryLimit's
	// choice from the page cache's size.
	MemoryLimitMB int
	// BackupInterval is how often serve writes an archive of the site; 0:
	// never. BackupDir is where (empty: DataDir/backups), and BackupKeep
	// how many archives are kept there.
	BackupInterval time.Duration
	BackupDir      string
	BackupKeep     int
}

// Setting describes one configuration value for the README's table and
// for --help.
type Setting struct {
	Flag, Env, Default, Help string
}

// Settings lists every value `congtin serve` reads.
var Settings = []Setting{
	{"addr", "CONGTIN_ADDR", ":8080", "address to listen on"},
	{"data", "CONGTIN_DATA", "./data", "data folder (holds the SQLite database)"},
	{"read-only", "CONGTIN_READ_ONLY", "false", "serve the database read-only (also chosen by itself when " +
		"the SQLite file or the data folder cannot be written): the public site serves, votes and newsroom " +
		"writes are refused"},
	{"ready-min-free-mb", "CONGTIN_READY_MIN_FREE_MB", "64",
		"free space the data folder must have for /readyz to answer ready, in megabytes"},
	{"base-url", "CONGTIN_BASE_URL", "", "public address of the site, e.g. https://skhcn.haiduong.gov.vn " +
		"(canonical links, feeds, sitemap); empty: taken from each request"},
	{"database", "CONGTIN_DATABASE", "", "PostgreSQL URL (postgres://...); empty: SQLite in the data folder"},
	{"demo", "CONGTIN_DEMO", "false", "load the demo site when the database is empty"},
	{"log-format", "CONGTIN_LOG_FORMAT", "text", "log format: text or json"},
	{"online-window", "CONGTIN_ONLINE_WINDOW", "15m", "how recently a visitor must have been seen to count as online"},
	{"poll-votes-per-ip", "CONGTIN_POLL_VOTES_PER_IP", "500",
		"most votes per poll from one IP address in an hour (offices share one address); 0: no limit"},
	{"visitors-per-ip", "CONGTIN_VISITORS_PER_IP", "300", "most new visitors counted from one IP address in " +
		"ten minutes (an office behind one address is real); past it pages are served but not counted; 0: no limit"},
	{"views-per-ip", "CONGTIN_VIEWS_PER_IP", "3000",
		"most page views counted from one IP address in ten minutes; 0: no limit"},
	{"trusted-proxies", "CONGTIN_TRUSTED_PROXIES", "", "comma-separated CIDRs of reverse proxies whose " +
		"X-Forwarded-For and X-Forwarded-Proto are believed, e.g. 127.0.0.1/32,10.0.0.0/8"},
	{"upload-max-mb", "CONGTIN_UPLOAD_MAX_MB", "20", "largest file the newsroom accepts for upload, in megabytes"},
	{"page-cache-mb", "CONGTIN_PAGE_CACHE_MB", "16", "memory for cached public pages (kept gzipped: " +
		"2,000 to 3,000 article pages in 16), in megabytes; 0 turns the page cache off"},
	{"page-cache-ttl", "CONGTIN_PAGE_CACHE_TTL", "10s",
		"how long a cached page is served before it is made again (counters on it may be this old)"},
	{"stale-if-error", "CONGTIN_STALE_IF_ERROR", "24h", "how long after it was made a cached page may still " +
		"be served (X-Cache: STALE-ERROR) when the database fails; 0: answer 503 instead"},
	{"stats-flush", "CONGTIN_STATS_FLUSH", "5s", "how often visit counts are written to the database; " +
		"the counters shown lag by up to this, and a crash loses at most this much"},
	{"memory-limit-mb", "CONGTIN_MEMORY_LIMIT_MB", "auto", "soft limit on the memory Go manages, in megabytes: " +
		"below it the heap may grow to five times what is live (GOGC=400 unless GOGC is set), " +
		"near it the collector runs sooner; auto: the page cache plus 32; 0: no limit (or GOMEMLIMIT)"},
	{"hosts", "CONGTIN_HOSTS", "", "comma-separated host names served besides the base URL's, " +
		"e.g. www.skhcn.haiduong.gov.vn; a request for another host gets 421; " +
		"with neither this nor --base-url: localhost and this machine's name only"},
	{"csp-script-src", "CONGTIN_CSP_SCRIPT_SRC", "", "one more https:// origin public pages may load scripts " +
		"from (Content-Security-Policy), e.g. the national monitoring script's; empty: the site's own only"},
	{"metrics-addr", "CONGTIN_METRICS_ADDR", "127.0.0.1:9464", "address serving Prometheus metrics at /metrics, " +
		"never the public one: a loopback address, or one interface's address such as 10.0.0.5:9464 " +
		"(never all interfaces); off: none"},
	{"backup-interval", "CONGTIN_BACKUP_INTERVAL", "0", "how often to write an archive of the whole site " +
		"(as congtin backup does), e.g. 24h; 0: no scheduled backups"},
	{"backup-dir", "CONGTIN_BACKUP_DIR", "", "folder of the scheduled backups; empty: backups in the data folder"},
	{"backup-keep", "CONGTIN_BACKUP_KEEP", "7", "how many archives to keep in the backup folder; " +
		"older ones are removed after a new one is written"},
	{"pprof-addr", "CONGTIN_PPROF_ADDR", "",
		"loopback address serving Go's profiler (net/http/pprof), e.g. 127.0.0.1:6060; empty: off"},
}

// ParseServeConfig reads the serve command's flags, falling back to the
// environment, then to the defaults.
func ParseServeConfig(args []string, getenv func(string) string) (Config, error) {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	values := map[string]*string{}
	for _, s := range Settings {
		def := s.Default
		if v := getenv(s.Env); v != "" {
			def = v
		}

		values[s.Flag] = fs.String(s.Flag, def, s.Help+" ("+s.Env+")")
	}

	// --demo and --read-only are switches: allow them without a value.
	for i, a := range args {
		switch a {
		case "--demo", "-demo":
			args[i] = "--demo=true"
		case "--read-only", "-read-only":
			args[i] = "--read-only=true"
		}
	}

	if err := fs.Parse(args); err != nil {
		return Config{}, err
	}
	if fs.NArg() > 0 {
		return Config{}, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}

	c := Config{
		Addr:      *values["addr"],
		DataDir:   *values["data"],
		BaseURL:   strings.TrimRight(*values["base-url"], "/"),
		Database:  *values["database"],
		LogFormat: *values["log-format"],
		PprofAddr: *values["pprof-addr"],
	}

	c.Hosts = parseHosts(*values["hosts"])
	c.CSPScriptSrc = strings.TrimRight(strings.TrimSpace(*values["csp-script-src"]), "/")
	if c.MetricsAddr = *values["metrics-addr"]; c.MetricsAddr == "off" {
		c.MetricsAddr = ""
	}
	var err error
	if c.Demo, err = strconv.ParseBool(*values["demo"]); err != nil {
		return Config{}, fmt.Errorf("--demo: %w", err)
	}
	if c.ReadOnly, err = strconv.ParseBool(*values["read-only"]); err != nil {
		return Config{}, fmt.Errorf("--read-only: want true or false")
	}
	if c.ReadyMinFreeMB, err = strconv.Atoi(*values["ready-min-free-mb"]); err != nil || c.ReadyMinFreeMB < 0 {
		return Config{}, fmt.Errorf("--ready-min-free-mb: want a whole number of megabytes, 0 for no minimum")
	}
	if c.StaleIfError, err = time.ParseDuration(*values["stale-if-error"]); err != nil || c.StaleIfError < 0 {
		return Config{}, fmt.Errorf("--stale-if-error: want a duration such as 24h, 0 to turn it off")
	}
	if c.OnlineWindow, err = time.ParseDuration(*values["online-window"]); err != nil || c.OnlineWindow <= 0 {
		return Config{}, fmt.Errorf("--online-window: want a duration such as 15m")
	}
	if c.PollVotesPerIP, err = strconv.Atoi(*values["poll-votes-per-ip"]); err != nil || c.PollVotesPerIP < 0 {
		return Config{}, fmt.Errorf("--poll-votes-per-ip: want a whole number, 0 for no limit")
	}
	if c.VisitorsPerIP, err = strconv.Atoi(*values["visitors-per-ip"]); err != nil || c.VisitorsPerIP < 0 {
		return Config{}, fmt.Errorf("--visitors-per-ip: want a whole number, 0 for no limit")
	}
	if c.ViewsPerIP, err = strconv.Atoi(*values["views-per-ip"]); err != nil || c.ViewsPerIP < 0 {
		return Config{}, fmt.Errorf("--views-per-ip: want a whole number, 0 for no limit")
	}
	if c.TrustedProxies, err = parsePrefixes(*values["trusted-proxies"]); err != nil {
		return Config{}, fmt.Errorf("--trusted-proxies: %w", err)
	}

	c.UploadMaxMB, err = strconv.Atoi(*values["upload-max-mb"])
	if err != nil || c.UploadMaxMB <= 0 || c.UploadMaxMB > 1024 {
		return Config{}, fmt.Errorf("--upload-max-mb: want a whole number of megabytes from 1 to 1024")
	}
	if c.StatsFlush, err = time.ParseDuration(*values["stats-flush"]); err != nil || c.StatsFlush <= 0 {
		return Config{}, fmt.Errorf("--stats-flush: want a duration such as 5s")
	}

	c.PageCacheMB, err = strconv.Atoi(*values["page-cache-mb"])
	if err != nil || c.PageCacheMB < 0 || c.PageCacheMB > 65536 {
		return Config{}, fmt.Errorf("--page-cache-mb: want a whole number of megabytes, 0 to turn the cache off")
	}
	if c.PageCacheTTL, err = time.ParseDuration(*values["page-cache-ttl"]); err != nil || c.PageCacheTTL < time.Second {
		return Config{}, fmt.Errorf("--page-cache-ttl: want a duration of at least 1s, such as 10s")
	}

	if v := *values["memory-limit-mb"]; v == "auto" {
		c.MemoryLimitMB = -1
	} else if c.MemoryLimitMB, err = strconv.Atoi(v); err != nil || c.MemoryLimitMB < 0 || c.MemoryLimitMB > 1<<20 {
		return Config{}, fmt.Errorf("--memory-limit-mb: want auto, 0 for no limit, or a whole number of megabytes")
	}

	if err := c.parseBackup(values); err != nil {
		return Config{}, err
	}
	return c, c.validate()
}

// parseBackup reads the scheduled backup's settings.
func (c *Config) parseBackup(values map[string]*string) error {
	var err error
	if c.BackupInterval, err = time.ParseDuration(*values["backup-interval"]); err != nil || c.BackupInterval < 0 ||
		c.BackupInterval > 0 && c.BackupInterval < time.Minute {
		return fmt.Errorf("--backup-interval: want 0 or a duration of at least 1m, such as 24h")
	}
	if c.BackupKeep, err = strconv.Atoi(*values["backup-keep"]); err != nil || c.BackupKeep < 1 {
		return fmt.Errorf("--backup-keep: want a whole number of at least 1")
	}
	c.BackupDir = *values["backup-dir"]
	return nil
}

// BackupFolder is where backups go: --backup-dir, or backups in the data
// folder.
func (c Config) BackupFolder() string {
	if c.BackupDir != "" {
		return c.BackupDir
	}
	return filepath.Join(c.DataDir, "backups")
}

func (c Config) validate() error {
	var errs []error
	if c.Addr == "" {
		errs = append(errs, errors.New("--addr is empty"))
	}

	errs = append(errs, c.validateDatabase())
	if c.BaseURL != "" && !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://") {
		errs = append(errs, errors.New("--base-url must start with http:// or https://"))
	}
	if c.PprofAddr != "" && !loopbackAddr(c.PprofAddr) {
		errs = append(errs, errors.New("--pprof-addr must be a loopback address such as 127.0.0.1:6060"))
	}
	errs = append(errs, c.validateHosts())
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, errors.New("--log-format must be text or json"))
	}

	return errors.Join(errs...)
}

// validateDatabase checks what every command that opens the database
// needs: a data folder, or a PostgreSQL URL.
func (c Config) validateDatabase() error {
	postgres := strings.HasPrefix(c.Database, "postgres://") || strings.HasPrefix(c.Database, "postgresql://")
	if c.Database != "" && !postgres {
		return errors.New("--database must be a postgres:// URL")
	}
	if c.Database == "" && c.DataDir == "" {
		return errors.New("--data is empty")
	}
	return nil
}

// loopbackAddr reports whether host:port names this machine only: the
// profiler shows memory contents and must never face the network.
func loopbackAddr(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}

	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}

// parsePrefixes reads a comma-separated list of CIDRs; a bare address
// means that address alone.
func parsePrefixes(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}

		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, err
			}

			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}

		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, err
		}

		out = append(out, p.Masked())
	}

	return out, nil
}

// DatabaseFlags adds --data and --database, with the environment and
// defaults serve uses, to the flag set of a command that only needs the
// database. The returned function gives the Config after fs.Parse.
func DatabaseFlags(fs *flag.FlagSet, getenv func(string) string) func() (Config, error) {
	values := map[string]*string{}
	for _, s := range Settings {
		if s.Flag != "data" && s.Flag != "database" {
			continue
		}
		def := s.Default
		if v := getenv(s.Env); v != "" {
			def = v
		}

		values[s.Flag] = fs.String(s.Flag, def, s.Help+" ("+s.Env+")")
	}

	return func() (Config, error) {
		c := Config{DataDir: *values["data"], Database: *values["database"]}
		if err := c.validateDatabase(); err != nil {
			return Config{}, err
		}

		return c, nil
	}
}

// readyDataDir is the folder /readyz checks for space and writes: the
// data folder when it holds the database, none with PostgreSQL.
func (c Config) readyDataDir() string {
	if c.Database != "" {
		return ""
	}
	return c.DataDir
}

// DSN is what store.Open takes: the PostgreSQL URL, or the SQLite file in
// the data folder.
func (c Config) DSN() string {
	if c.Database != "" {
		return c.Database
	}
	return c.DataDir + string(os.PathSeparator) + "congtin.db"
}
