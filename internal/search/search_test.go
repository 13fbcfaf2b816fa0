package search_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
	"github.com/congtin/congtin/internal/vn"
)

// Titles of demo articles the cases expect first, shortened to a prefix.
const (
	tDangBo    = "Đảng bộ Sở Khoa học và Công nghệ Hải Dương: Nâng cao"
	tChiThi03  = "Kết quả thực hiện Chỉ thị 03 năm 2014"
	tNuoiCa    = "Nuôi cá lồng trên sông"
	tGioTraiDa = "Sở Khoa học và Công nghệ hưởng ứng Chiến dịch Giờ Trái đất"
	tHuuTri    = "Gặp mặt cán bộ hưu trí"
	tKeHoach   = "Kế hoạch hoạt động khoa học và công nghệ tỉnh Hải Dương năm 2021"
	tVaiThieu  = "Quản lý và phát huy giá trị chỉ dẫn địa lý vải thiều"
	tBaoQuan   = "Bảo quản vải thiều tươi"
	tDuaLuoi   = "Hội nghị đầu bờ mô hình trồng dưa lưới"
	tCovid     = "Sở Khoa học và Công nghệ triển khai các biện pháp cấp bách"
	tISO       = "Duy trì hiệu quả hệ thống quản lý chất lượng"
	tXQuang    = "Tăng cường bảo đảm an toàn bức xạ"
	tPhamManh  = "Đồng chí Phạm Văn Mạnh giữ chức"
	tTuyenDung = "Thông báo tuyển dụng viên chức năm 2020"
	tCaRot     = "Cơ giới hóa khâu thu hoạch, sơ chế cà rốt"
	tNhanHieu  = "Xây dựng nhãn hiệu tập thể"
	tChePham   = "Nghiệm thu đề tài ứng dụng chế phẩm vi sinh"
	tDoanKet   = "Đoàn kết là cội nguồn sức mạnh"
	tTuyenChon = "Thông báo tuyển chọn tổ chức, cá nhân"
	tDaiHoi13  = "Đại hội XIII của Đảng thành công tốt đẹp"
	tThongTin  = "Chi bộ Trung tâm Đo lường, Thử nghiệm và Thông tin hoa học"
	tDaiHoiVII = "Đại hội Đảng bộ Sở Khoa học và Công nghệ lần thứ VIII"
)

type searchCase struct {
	name   string
	q      string
	cat    string // category slug, with its children
	from   string // dd/mm/yyyy
	to     string // dd/mm/yyyy, inclusive
	newest bool
	want   string // in the first result's title; empty: no results
}

var searchCases = []searchCase{
	// The examples a citizen and an official type.
	{name: "no diacritics", q: "dang bo", want: "Đảng bộ"},
	{name: "full diacritics", q: "đảng bộ", want: "Đảng bộ"},
	{name: "upper case", q: "ĐẢNG BỘ", want: "Đảng bộ"},
	{name: "mixed", q: "Đảng bo", want: "Đảng bộ"},
	{name: "d for đ only", q: "dảng bộ", want: "Đảng bộ"},
	{name: "NFD", q: norm.NFD.String("đảng bộ"), want: "Đảng bộ"},
	{name: "tổ hợp", q: "đa\u0309ng bô\u0323", want: "Đảng bộ"},
	{name: "code no diacritics", q: "chi thi 03", want: tChiThi03},
	{name: "code with diacritics", q: "Chỉ thị 03", want: tChiThi03},
	{name: "code half typed", q: "chỉ thi 03", want: tChiThi03},
	{name: "phrase", q: `"tấm gương đạo đức"`, want: tChiThi03},
	{name: "phrase folded", q: `"tam guong dao duc"`, want: tChiThi03},
	{name: "phrase curly quotes", q: "“tấm gương đạo đức”", want: tChiThi03},
	{name: "phrase unclosed", q: `"tấm gương đạo đức`, want: tChiThi03},
	// Tone placement: old and new habits find the same first result.
	{name: "hoà old", q: `"oxy hoà tan"`, want: tNuoiCa},
	{name: "hòa new", q: `"oxy hòa tan"`, want: tNuoiCa},
	{name: "hoá old in title", q: "cơ giới hoá", want: tCaRot},
	{name: "hóa new in title", q: "cơ giới hóa", want: tCaRot},
	{name: "thuỷ old", q: `"nuôi thuỷ sản"`, want: tNuoiCa},
	{name: "thủy new", q: `"nuôi thủy sản"`, want: tNuoiCa},
	{name: "khoẻ old", q: `"sức khoẻ nhân viên"`, want: tXQuang},
	{name: "khỏe new", q: `"sức khỏe nhân viên"`, want: tXQuang},
	{name: "quý", q: "quý báu", want: tDoanKet},
	{name: "qúy misplaced", q: "qúy báu", want: tDoanKet},
	// Exact diacritics rank first among words that fold alike.
	{name: "đảng exact", q: "đảng", want: "Đảng"},
	{name: "dạng exact", q: "dạng", want: tTuyenChon},
	// Titles and plain words, with and without diacritics.
	{name: "vải thiều", q: "vải thiều", want: tVaiThieu},
	{name: "vai thieu", q: "vai thieu", want: tVaiThieu},
	{name: "dua luoi", q: "dua luoi", want: tDuaLuoi},
	{name: "dưa lưới phrase", q: `"dưa lưới"`, want: tDuaLuoi},
	{name: "hyphenated", q: "covid-19", want: tCovid},
	{name: "code with colon", q: "iso 9001:2015", want: tISO},
	{name: "x-quang", q: "x-quang", want: tXQuang},
	{name: "name folded", q: "pham van manh", want: tPhamManh},
	{name: "name", q: "Phạm Văn Mạnh", want: tPhamManh},
	{name: "tuyen dung", q: "tuyen dung", want: tTuyenDung},
	{name: "ca rot", q: "ca rot", want: tCaRot},
	{name: "gio trai dat", q: "gio trai dat", want: tGioTraiDa},
	{name: "nhan hieu tap the", q: "nhan hieu tap the", want: tNhanHieu},
	{name: "che pham vi sinh", q: "che pham vi sinh", want: tChePham},
	{name: "title typo kept", q: `"thong tin hoa hoc"`, want: tThongTin},
	// Operators are words, never syntax.
	{name: "operators", q: "vải thiều AND OR NEAR * ^", want: ""},
	{name: "column syntax", q: "title:vai", want: ""},
	// Exclusion.
	{name: "exclude phrase", q: `vai thieu -"chi dan"`, want: tBaoQuan},
	{name: "exclude word", q: "dang bo -hai -duong", want: "Đảng bộ"},
	// Filters.
	{name: "category", q: "khoa hoc", cat: "thong-bao", want: tTuyenChon},
	{name: "category with children", q: "vai thieu", cat: "khoa-hoc-cong-nghe", want: tVaiThieu},
	{name: "year 2015", q: "dang bo", from: "01/01/2015", to: "31/12/2015", want: tDaiHoiVII},
	{name: "from 2021", q: "đại hội", from: "1/1/2021", want: tDaiHoi13},
	{name: "until day inclusive", q: "chỉ thị 03", to: "28/01/2015", want: tChiThi03},
	{name: "before day excluded", q: "chỉ thị 03", to: "27/01/2015", want: ""},
	{name: "newest", q: "khoa hoc", newest: true, want: tCovid},
	{name: "newest in category", q: "vai thieu", cat: "so-huu-tri-tue", newest: true, want: tVaiThieu},
}

func TestSearchDemo(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := loadDemo(t, db)
		ctx := context.Background()
		cats := categoryIDs(t, db)
		for _, c := range searchCases {
			t.Run(c.name, func(t *testing.T) {
				o := search.Options{SiteID: 1, Now: demo.Now, Newest: c.newest, Limit: 10}
				if c.cat != "" {
					o.CategoryIDs = cats[c.cat]
				}
				if c.from != "" {
					o.From = mustDate(t, c.from)
				}
				if c.to != "" {
					o.To = mustDate(t, c.to).AddDate(0, 0, 1)
				}
				res, err := s.Search(ctx, search.Parse(c.q), o)
				if err != nil {
					t.Fatalf("Search(%q): %v", c.q, err)
				}
				if c.want == "" {
					if c.name == "operators" || c.name == "column syntax" {
						return // only "no error" is asked of these
					}
					if len(res.Hits) > 0 {
						t.Fatalf("Search(%q) first = %q, want nothing", c.q, res.Hits[0].Title)
					}
					return
				}
				if len(res.Hits) == 0 {
					t.Fatalf("Search(%q): no results, want %q", c.q, c.want)
				}
				if got := res.Hits[0].Title; !strings.Contains(got, c.want) {
					t.Errorf("Search(%q) first = %q, want %q…; then %s", c.q, got, c.want, titles(res.Hits[1:]))
				}
				if res.Total < len(res.Hits) {
					t.Errorf("Total %d < %d hits", res.Total, len(res.Hits))
				}
			})
		}
	})
}

// TestExactDiacriticsRankFirst checks the whole ranking, not only the
// first result: every article that keeps the typed word comes before
// every article that only matches it folded.
func TestExactDiacriticsRankFirst(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := loadDemo(t, db)
		for _, q := range []string{"đảng", "đang", "dạng", "đăng", "hòa", "khoẻ"} {
			res, err := s.Search(context.Background(), search.Parse(q), search.Options{SiteID: 1, Now: demo.Now, Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			want := vn.Canon(q)
			seenInexact := false
			for _, h := range res.Hits {
				exact := hasCanonWord(h.Title+" "+h.Snippet, want) || articleHasWord(t, db, h.ID, want)
				if exact && seenInexact {
					t.Errorf("%q: %q keeps the diacritics but ranks after an article that does not", q, h.Title)
				}
				if !exact {
					seenInexact = true
				}
			}
		}
	})
}

func TestNoDiacriticsMeansNoBonus(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	s := loadDemo(t, db)
	ctx := context.Background()
	a, err := s.Search(ctx, search.Parse("dang"), search.Options{SiteID: 1, Now: demo.Now, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range a.Hits {
		if h.Score > 1.5+1e-9 {
			t.Errorf("%q scored %.3f: a query without diacritics gets relevance and title bonus only", h.Title, h.Score)
		}
	}
}

func TestBadQueriesNeverFail(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := loadDemo(t, db)
		for _, q := range []string{"", " ", "-", "--", `"`, `""`, `"""`, "-đảng", `-"a b"`, "*", "^", "NEAR(a b)",
			"AND OR NOT", "a AND", "(", ")", "{title}: x", "'", `\`, "'; DROP TABLE articles; --", "!!!",
			"\xff\xfe", "đảng\x00bộ", strings.Repeat("đảng bộ ", 2000), strings.Repeat(`"`, 5000), "a:b:c", "a' & 'b",
			"!a", "a <-> b", "a:*", "\u0301\u0300"} {
			if _, err := s.Search(context.Background(), search.Parse(q), search.Options{SiteID: 1, Now: demo.Now}); err != nil {
				t.Errorf("Search(%q): %v", clipped(q), err)
			}
		}
	})
}

// TestIndexFollowsWrites checks that an article created through a store
// with the indexer is found at once, drafts are not, and a scheduled one
// appears when its time comes.
func TestIndexFollowsWrites(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := loadDemo(t, db)
		cs := content.NewStore(db).WithIndexer(search.NewIndexer(db.Dialect))
		cats := categoryIDs(t, db)
		later := demo.Now.Add(24 * time.Hour)
		for _, a := range []*content.Article{
			{SiteID: 1, CategoryID: cats["thong-bao"][0], Title: "Thông báo về quả pitaya ruột đỏ", Status: content.StatusPublished, PublishAt: &demo.Now},
			{SiteID: 1, CategoryID: cats["thong-bao"][0], Title: "Bản nháp pitaya", Status: content.StatusDraft},
			{SiteID: 1, CategoryID: cats["thong-bao"][0], Title: "Lịch pitaya sắp đăng", Status: content.StatusPublished, PublishAt: &later},
		} {
			err := db.InTx(ctx, func(tx store.Tx) error { return cs.CreateArticle(ctx, tx, a) })
			if err != nil {
				t.Fatal(err)
			}
		}
		res, err := s.Search(ctx, search.Parse("pitaya"), search.Options{SiteID: 1, Now: demo.Now})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || res.Hits[0].Title != "Thông báo về quả pitaya ruột đỏ" {
			t.Errorf("now: %d results %s, want the published one only", res.Total, titles(res.Hits))
		}
		res, _ = s.Search(ctx, search.Parse("pitaya"), search.Options{SiteID: 1, Now: later.Add(time.Second)})
		if res.Total != 2 {
			t.Errorf("after the schedule: %d results, want 2", res.Total)
		}
		// A rolled-back write leaves no trace in the index.
		_ = db.InTx(ctx, func(tx store.Tx) error {
			a := &content.Article{SiteID: 1, CategoryID: cats["thong-bao"][0], Title: "pitaya bị hủy", Status: content.StatusPublished, PublishAt: &demo.Now}
			if err := cs.CreateArticle(ctx, tx, a); err != nil {
				t.Fatal(err)
			}
			return context.Canceled
		})
		res, _ = s.Search(ctx, search.Parse("pitaya"), search.Options{SiteID: 1, Now: demo.Now})
		if res.Total != 1 {
			t.Errorf("after rollback: %d results, want 1", res.Total)
		}
		if rebuilt, err := search.EnsureIndex(ctx, db, 1); err != nil || rebuilt {
			t.Errorf("EnsureIndex after indexed writes = %v, %v; want nothing to do", rebuilt, err)
		}
	})
}

func TestPaging(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	s := loadDemo(t, db)
	ctx := context.Background()
	q := search.Parse("khoa hoc")
	all, err := s.Search(ctx, q, search.Options{SiteID: 1, Now: demo.Now, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for off := 0; off < all.Total; off += 10 {
		page, err := s.Search(ctx, q, search.Options{SiteID: 1, Now: demo.Now, Limit: 10, Offset: off})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != all.Total {
			t.Fatalf("total changed between pages: %d, %d", page.Total, all.Total)
		}
		for _, h := range page.Hits {
			if seen[h.ID] {
				t.Errorf("article %d on two pages", h.ID)
			}
			seen[h.ID] = true
		}
	}
	if len(seen) != all.Total {
		t.Errorf("pages showed %d articles, total says %d", len(seen), all.Total)
	}
}

func categoryIDs(t *testing.T, db *store.DB) map[string][]int64 {
	t.Helper()
	cats, err := content.NewStore(db).Categories(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]int64{}
	byID := map[int64]*content.Category{}
	for _, c := range cats {
		byID[c.ID] = c
	}
	for _, c := range cats {
		out[c.Slug] = append(out[c.Slug], c.ID)
		if p, ok := byID[c.ParentID]; ok {
			out[p.Slug] = append(out[p.Slug], c.ID)
		}
	}
	return out
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := vn.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func titles(hs []search.Hit) string {
	var b strings.Builder
	for i, h := range hs {
		if i == 4 {
			break
		}
		b.WriteString("\n\t" + h.Title)
	}
	return b.String()
}

func hasCanonWord(s, w string) bool {
	for _, f := range strings.FieldsFunc(vn.Canon(s), func(r rune) bool { return !isLetter(r) }) {
		if f == w {
			return true
		}
	}
	return false
}

func articleHasWord(t *testing.T, db *store.DB, id int64, w string) bool {
	t.Helper()
	var title, intro, body, author string
	err := db.QueryRowContext(t.Context(), `SELECT title, intro_html, body_html, author_alias FROM articles WHERE id = $1`, id).Scan(&title, &intro, &body, &author)
	if err != nil {
		t.Fatal(err)
	}
	return hasCanonWord(title+" "+content.PlainText(intro)+" "+content.PlainText(body)+" "+author, w)
}

func isLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7f && r != 0xa0 && r != '…' && r != '“' && r != '”' && r != '–'
}

func clipped(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// TestRenamedCategoryIsSearchedByItsNewName: the index holds the category
// name, and renaming a category indexes its articles again.
func TestRenamedCategoryIsSearchedByItsNewName(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := loadDemo(t, db)
		cs := content.NewStore(db).WithIndexer(search.NewIndexer(db.Dialect))
		id := categoryIDs(t, db)["thong-bao"][0]
		count := func(q string) int {
			res, err := s.Search(ctx, search.Parse(q), search.Options{SiteID: 1, Now: demo.Now})
			if err != nil {
				t.Fatal(err)
			}
			return res.Total
		}
		if n := count("quyxanh"); n != 0 {
			t.Fatalf("%d articles match a word no article has", n)
		}
		err := db.InTx(ctx, func(tx store.Tx) error {
			cat, err := cs.CategoryByID(ctx, id)
			if err != nil {
				return err
			}
			cat.Name = "Thông báo quyxanh"
			return cs.UpdateCategory(ctx, tx, cat)
		})
		if err != nil {
			t.Fatal(err)
		}
		var published int
		db.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE category_id = $1 AND status = 'published'`, id).Scan(&published)
		if n := count("quyxanh"); n == 0 || n != published {
			t.Errorf("after the rename %d articles match the new name, want the category's %d", n, published)
		}
	})
}
