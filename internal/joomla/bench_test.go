package joomla_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/joomla"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/store/storetest"
)

// generateJoomla3 fills a Joomla 3.10 database with a portal of the given
// size: 45 categories three levels deep under five menu items, twenty
// users, and articles whose bodies carry Vietnamese text, Word markup and
// one own-site image each (of nImages files written under root), plus an
// intro image in the images field for every third article.
func generateJoomla3(t testing.TB, db *sql.DB, prefix, root string, nArticles, nImages int) {
	t.Helper()
	f := newFixture(t, db, "3.10", prefix)
	id := 100
	var leaves []int
	for a := 0; a < 5; a++ {
		id++
		top := id
		f.category(top, 0, fmt.Sprintf("Chuyên mục %d", a), fmt.Sprintf("chuyen-muc-%d", a), 1)
		f.menu(300+a, 0, fmt.Sprintf("Mục %d", a), fmt.Sprintf("muc-%d", a),
			fmt.Sprintf("index.php?option=com_content&view=category&layout=blog&id=%d", top), "component", "{}")
		for b := 0; b < 2; b++ {
			id++
			mid := id
			f.category(mid, top, fmt.Sprintf("Nhóm %d.%d", a, b), fmt.Sprintf("nhom-%d-%d", a, b), 1)
			for c := 0; c < 3; c++ {
				id++
				f.category(id, mid, fmt.Sprintf("Tổ %d.%d.%d", a, b, c), fmt.Sprintf("to-%d-%d-%d", a, b, c), 1)
				leaves = append(leaves, id)
			}
		}
	}
	for u := 0; u < 20; u++ {
		f.user(1000+u, fmt.Sprintf("Phóng viên %d", u), fmt.Sprintf("pv%d", u), "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0", 3, false)
	}
	for i := 0; i < nImages; i++ {
		writePNG(t, filepath.Join(root, "images", "bench", strconv.Itoa(i/1000), fmt.Sprintf("ảnh %d.png", i)), i)
	}
	para := strings.Repeat("Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ trọng tâm. ", 5)
	const per = 250
	var b strings.Builder
	var args []any
	flush := func() {
		if len(args) == 0 {
			return
		}
		q := strings.ReplaceAll(`INSERT INTO #__content (id, asset_id, title, alias, introtext, `+"`fulltext`"+`, state, catid,
			created, created_by, created_by_alias, modified, modified_by, checked_out, checked_out_time, publish_up, publish_down,
			images, urls, attribs, version, ordering, metakey, metadesc, access, hits, metadata, featured, language, note) VALUES `,
			"#__", prefix) + b.String()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("generate articles: %v", err)
		}
		b.Reset()
		args = args[:0]
	}
	for i := 1; i <= nArticles; i++ {
		if len(args) > 0 {
			b.WriteString(",")
		}
		b.WriteString(`(?, 0, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, 0, 0, '0000-00-00 00:00:00', ?, '0000-00-00 00:00:00', ?, '{}', '{}', 1, 0, '', ?, 1, ?, '{}', 0, '*', '')`)
		img := fmt.Sprintf("images/bench/%d/ảnh %d.png", (i%max(nImages, 1))/1000, i%max(nImages, 1))
		intro := fmt.Sprintf(`<p class="MsoNormal" style="mso-line-height-alt:12pt">%s<o:p></o:p></p>`, para)
		full := fmt.Sprintf(`<p>%s</p><p><img src="%s" alt="Ảnh %d"></p><p>%s</p>`, para, strings.ReplaceAll(img, " ", "%20"), i, para)
		images := "{}"
		if i%3 == 0 {
			images = `{"image_intro":"` + strings.ReplaceAll(img, "/", `\/`) + `","image_intro_alt":""}`
		}
		state := []int{1, 1, 1, 1, 1, 1, 1, 0, 2, -2}[i%10]
		created := fmt.Sprintf("20%02d-%02d-%02d %02d:%02d:00", 10+i%14, 1+i%12, 1+i%28, i%24, i%60)
		args = append(args, i, fmt.Sprintf("Tin số %d: Hội nghị tổng kết công tác năm", i), fmt.Sprintf("tin-so-%d", i),
			intro, full, state, leaves[i%len(leaves)], created, 1000+i%20, created, created, images,
			"Tóm tắt tin "+strconv.Itoa(i), i%5000)
		if len(args) >= per*14 {
			flush()
		}
	}
	flush()
}

// BenchmarkImport imports a generated Joomla 3 site into SQLite; the size
// comes from CONGTIN_BENCH_ARTICLES and CONGTIN_BENCH_IMAGES (default 2000
// and 200). bench/import/run.sh measures the full 100,000 + 10,000 run
// through the real command, with its peak memory.
func BenchmarkImport(b *testing.B) {
	n := envInt("CONGTIN_BENCH_ARTICLES", 2000)
	m := envInt("CONGTIN_BENCH_IMAGES", 200)
	src := joomlaDB(b, "3.10", "bnc_")
	root := b.TempDir()
	generateJoomla3(b, src, "bnc_", root, n, m)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dst := storetest.SQLite(b)
		b.StartTimer()
		rep, err := joomla.Import(context.Background(), src, dst, joomla.Options{SiteID: 1, ImagesRoot: root, VisitsOffset: -1,
			Indexer: search.NewIndexer(dst.Dialect)})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Counts["article"].Created != n {
			b.Fatalf("imported %+v", rep.Counts["article"])
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// TestGenerateBenchSite builds a lasting Joomla 3 database for
// bench/import/run.sh when CONGTIN_BENCH_DB names it.
func TestGenerateBenchSite(t *testing.T) {
	name := os.Getenv("CONGTIN_BENCH_DB")
	if name == "" {
		t.Skip("CONGTIN_BENCH_DB not set: nothing to generate")
	}
	root := os.Getenv("CONGTIN_BENCH_ROOT")
	cfg := mysqlBase(t)
	admin, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	admin.Exec("DROP DATABASE IF EXISTS " + name)
	if _, err := admin.Exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"); err != nil {
		t.Fatal(err)
	}
	db := openSchema(t, cfg, name, "3.10", "jos_")
	generateJoomla3(t, db, "jos_", root, envInt("CONGTIN_BENCH_ARTICLES", 100_000), envInt("CONGTIN_BENCH_IMAGES", 10_000))
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
