// Command searchbench measures search over many generated articles:
// index build time, database size and query latency percentiles. Run it
// through bench/search; see bench/README.md.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/store"
)

// The query sets: what readers type, with and without diacritics.
var sets = []struct {
	name    string
	queries []string
}{
	{"one word, no diacritics", []string{"dang", "khoa", "nong", "chuyen", "doanh", "vai", "dich", "ky"}},
	{"one word, diacritics", []string{"đảng", "khoa", "nông", "chuyển", "doanh", "vải", "dịch", "kỹ"}},
	{"two words, no diacritics", []string{"dang bo", "khoa hoc", "nong nghiep", "chuyen doi", "doanh nghiep",
		"vai thieu", "phong chong", "so huu"}},
	{"two words, diacritics", []string{"đảng bộ", "khoa học", "nông nghiệp", "chuyển đổi", "doanh nghiệp",
		"vải thiều", "phòng chống", "sở hữu"}},
	{"three words, no diacritics", []string{"dang bo so", "khoa hoc cong", "nong nghiep cong", "chuyen doi so",
		"doanh nghiep nho", "vai thieu thanh", "phong chong dich", "so huu tri"}},
	{"three words, diacritics", []string{"đảng bộ sở", "khoa học công", "nông nghiệp công", "chuyển đổi số",
		"doanh nghiệp nhỏ", "vải thiều thanh", "phòng chống dịch", "sở hữu trí"}},
	{"phrase, no diacritics", []string{`"tam guong dao duc"`, `"chi thi 03"`, `"ban chap hanh"`,
		`"vai thieu thanh ha"`, `"cong nghe cao"`, `"so huu tri tue"`}},
	{"precise (full relevance)", []string{"x-quang", "chỉ thị 03", "iso 9001", "pham van manh", `"dưa lưới"`,
		"covid-19 vai thieu"}},
	{"phrase, diacritics", []string{`"tấm gương đạo đức"`, `"chỉ thị 03"`, `"ban chấp hành"`,
		`"vải thiều thanh hà"`, `"công nghệ cao"`, `"sở hữu trí tuệ"`}},
}

func main() {
	n := flag.Int("articles", 100000, "articles to generate")
	dir := flag.String("dir", "", "folder for the SQLite database (default: a temporary one, removed after)")
	dsn := flag.String("database", "", "PostgreSQL URL of an EMPTY database to use instead of SQLite")
	rounds := flag.Int("rounds", 30, "times each query runs")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the query phase to this file")
	flag.StringVar(&only, "only", "", "measure only the query sets whose name contains this (e.g. phrase)")
	reuse := flag.Bool("reuse", false,
		"measure queries on the database a previous run left in --dir or --database, without rebuilding it")
	flag.StringVar(&dump, "dump", "",
		"write every query's results (several pages, both orders) to this file, to compare two builds")
	flag.Parse()
	if *reuse && *dir == "" && *dsn == "" {
		fmt.Fprintln(os.Stderr, "searchbench: --reuse needs --dir or --database")
		os.Exit(2)
	}

	cpuProfile = *profile
	if err := run(*n, *dir, *dsn, *rounds, *reuse); err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

func run(n int, dir, dsn string, rounds int, reuse bool) error {
	ctx := context.Background()
	var path string
	if dsn == "" {
		if dir == "" {
			tmp, err := os.MkdirTemp("", "congtin-searchbench-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			dir = tmp
		}

		path = store.SQLitePath(dir)
		dsn = path
	}

	db, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if reuse {
		return measure(ctx, db, rounds)
	}

	fmt.Printf("database: %s, %d articles, %d rounds per query\n", db.Dialect, n, rounds)
	if err := demo.Load(ctx, db, 1); err != nil {
		return err
	}

	t0 := time.Now()
	err = demo.Generate(ctx, db, demo.GenerateOptions{N: n, Seed: 42, Progress: func(done int) {
		if done%10000 == 0 {
			fmt.Fprintf(os.Stderr, "\rgenerated %d", done)
		}
	}})

	fmt.Fprintln(os.Stderr)
	if err != nil {
		return err
	}

	fmt.Printf("generate articles (no index): %s\n", time.Since(t0).Round(time.Millisecond))
	t0 = time.Now()
	indexed, err := search.Rebuild(ctx, db, 1)
	if err != nil {
		return err
	}

	build := time.Since(t0)
	fmt.Printf("index build: %d articles in %s (%.0f articles/s)\n",
		indexed, build.Round(time.Millisecond), float64(indexed)/build.Seconds())
	if db.Dialect == store.SQLite {
		db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		var total, index int64
		db.QueryRowContext(ctx, `SELECT page_count * page_size
			FROM pragma_page_count(), pragma_page_size()`).Scan(&total)
		// dbstat is not compiled into every build; the sizes of the
		// index's own tables tell the index's share when it is.
		db.QueryRowContext(ctx, `SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search%'`).Scan(&index)
		st, _ := os.Stat(path)
		fmt.Printf("database size: %.1f MB (file %.1f MB), search index %.1f MB\n", mb(total), mb(st.Size()), mb(index))
	} else {
		var total, index int64
		db.QueryRowContext(ctx, `SELECT pg_database_size(current_database()),
			pg_total_relation_size('search_docs')`).Scan(&total, &index)
		fmt.Printf("database size: %.1f MB, search index (search_docs with GIN) %.1f MB\n", mb(total), mb(index))
	}

	return measure(ctx, db, rounds)
}

var cpuProfile, only, dump string

// dumpResults writes what each query finds, page by page in both orders,
// with scores and snippets: two builds that rank and cut alike write the
// same file.
func dumpResults(ctx context.Context, s *search.Searcher, now time.Time) error {
	f, err := os.Create(dump)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	extra := []string{"đảng bộ", "dang bo", "x-quang", "hà nội", "-dang bo", `"dang bo" tinh`, "nong nghiep -khoa"}
	for _, set := range append(sets, struct {
		name    string
		queries []string
	}{"more", extra}) {
		for _, q := range set.queries {
			for _, o := range []search.Options{
				{Now: now}, {Now: now, Offset: 10}, {Now: now, Offset: 195}, {Now: now, Offset: 200},
				{Now: now, Offset: 990},
				{Now: now, Newest: true}, {Now: now, Newest: true, Offset: 30},
				{Now: now, CategoryIDs: []int64{2, 3}},
				{
					Now:  now,
					From: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC),
					To:   time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
				},
			} {
				res, err := s.Search(ctx, search.Parse(q), o)
				if err != nil {
					return err
				}

				fmt.Fprintf(w, "== %q offset %d newest %v categories %v from %s: total %d more %v\n",
					q, o.Offset, o.Newest, o.CategoryIDs, o.From.Format("2006"), res.Total, res.More)

				for _, h := range res.Hits {
					fmt.Fprintf(w, "%d %s %s %q %v %s\n  %s\n  %s\n", h.ID, h.Slug, h.CategorySlug, h.CategoryName,
						h.PublishAt.Unix(), strconv.FormatFloat(h.Score, 'g', -1, 64), h.TitleHTML, h.Snippet)
				}
			}
		}
	}

	return w.Flush()
}

func measure(ctx context.Context, db *store.DB, rounds int) error {
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}

	var articles int
	db.QueryRowContext(ctx, `SELECT count(*) FROM search_docs`).Scan(&articles)
	fmt.Printf("indexed articles: %d; GOMAXPROCS %d\n", articles, runtime.GOMAXPROCS(0))
	s := search.New(db)
	now := time.Now()
	if dump != "" {
		// A fixed time, so that two runs see the same articles published.
		return dumpResults(ctx, s, time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	}

	// Warm the caches once, as a running site would be.
	for _, set := range sets {
		for _, q := range set.queries {
			if _, err := s.Search(ctx, search.Parse(q), search.Options{Now: now}); err != nil {
				return err
			}
		}
	}

	fmt.Printf("\n%-28s %8s %8s %8s %8s %10s %8s\n",
		"query latency (ms)", "p50", "p95", "p99", "max", "avg hits", "cpu/q")

	var all []time.Duration
	for _, set := range sets {
		if !strings.Contains(set.name, only) {
			continue
		}

		var ds []time.Duration
		hits := 0
		cpu0 := cpuTime()
		for r := 0; r < rounds; r++ {
			for _, q := range set.queries {
				t := time.Now()
				res, err := s.Search(ctx, search.Parse(q), search.Options{Now: now})
				ds = append(ds, time.Since(t))
				if err != nil {
					return err
				}

				hits += res.Total
			}
		}

		cpu := (cpuTime() - cpu0) / time.Duration(len(ds))
		all = append(all, ds...)
		printRow(set.name, ds, hits/len(ds), cpu)
	}

	printRow("all", all, -1, 0)
	return nil
}

// cpuTime is the CPU time (user and system) the process has used: per
// query it tells the cost of the code apart from the waits for a core,
// which on a shared machine move the percentiles far more.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func printRow(name string, ds []time.Duration, avgHits int, cpu time.Duration) {
	slices.Sort(ds)
	p := func(q float64) float64 { return ms(ds[min(len(ds)-1, int(q*float64(len(ds))))]) }
	h := ""
	if avgHits >= 0 {
		h = fmt.Sprint(avgHits)
	}

	c := ""
	if cpu > 0 {
		c = fmt.Sprintf("%.2f", ms(cpu))
	}

	fmt.Printf("%-28s %8.2f %8.2f %8.2f %8.2f %10s %8s\n", name, p(0.50), p(0.95), p(0.99), ms(ds[len(ds)-1]), h, c)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
func mb(b int64) float64         { return float64(b) / (1 << 20) }
