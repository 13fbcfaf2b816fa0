package content

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
	"golang.org/x/text/unicode/norm"
)

// The newsroom's title filter ignores case and diacritics on both
// databases: SQLite's lower() alone left "đảng" unable to find "ĐẢNG".
func TestAdminTitleFilterFolds(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db)
		news, party := &Category{SiteID: 1, Name: "Tin tức", Published: true}, &Category{SiteID: 1, Name: "Xây dựng Đảng", Published: true}
		for _, c := range []*Category{news, party} {
			if err := s.CreateCategory(ctx, db, c); err != nil {
				t.Fatal(err)
			}
		}
		titles := []struct {
			title  string
			cat    *Category
			status Status
		}{
			{"Đảng ủy tỉnh họp phiên thường kỳ", party, StatusPublished},
			{"ĐẢNG BỘ XÃ HÒA VANG ĐẠI HỘI", party, StatusDraft},
			{"Công trình thuỷ lợi Hoà Trung hoàn thành", news, StatusPending},  // old tone placement
			{norm.NFD.String("Đường giao thông nông thôn"), news, StatusDraft}, // typed with combining marks
			{"Giải ngân đạt 100% kế hoạch", news, StatusDraft},
			{"Hội nghị tổng kết năm", news, StatusTrashed},
		}
		ids := map[string]int64{}
		for i, tt := range titles {
			a := &Article{SiteID: 1, Title: tt.title, CategoryID: tt.cat.ID, Status: tt.status}
			if err := s.CreateArticle(ctx, db, a); err != nil {
				t.Fatal(err)
			}
			// Newest change first: the first title is the newest.
			if _, err := db.ExecContext(ctx, `UPDATE articles SET updated_at = $1 WHERE id = $2`, int64(2_000_000_000-i), a.ID); err != nil {
				t.Fatal(err)
			}
			ids[tt.title] = a.ID
		}
		first, second, water, road, money := ids[titles[0].title], ids[titles[1].title], ids[titles[2].title], ids[titles[3].title], ids[titles[4].title]
		tests := []struct {
			name string
			f    AdminFilter
			want []int64
		}{
			{"lower case finds upper case", AdminFilter{SiteID: 1, Text: "đảng"}, []int64{first, second}},
			{"upper case finds lower case", AdminFilter{SiteID: 1, Text: "ĐẢNG ỦY"}, []int64{first}},
			{"without diacritics", AdminFilter{SiteID: 1, Text: "dang bo xa"}, []int64{second}},
			{"either tone placement", AdminFilter{SiteID: 1, Text: "thủy lợi hòa trung"}, []int64{water}},
			{"decomposed title", AdminFilter{SiteID: 1, Text: "Đường giao"}, []int64{road}},
			{"decomposed query", AdminFilter{SiteID: 1, Text: norm.NFD.String("nông thôn")}, []int64{road}},
			{"spaces collapse", AdminFilter{SiteID: 1, Text: "  hòa   vang "}, []int64{second}},
			{"percent is a character", AdminFilter{SiteID: 1, Text: "100%"}, []int64{money}},
			{"underscore is a character", AdminFilter{SiteID: 1, Text: "_"}, nil},
			{"with a status", AdminFilter{SiteID: 1, Text: "dang", Status: StatusDraft}, []int64{second}},
			{"with a category", AdminFilter{SiteID: 1, Text: "a", CategoryID: news.ID}, []int64{water, road, money}},
			{"only categories", AdminFilter{SiteID: 1, Text: "n", OnlyCategories: []int64{party.ID}}, []int64{first, second}},
			{"trashed only when asked", AdminFilter{SiteID: 1, Text: "tổng kết"}, nil},
			{"trashed asked", AdminFilter{SiteID: 1, Text: "tổng kết", Status: StatusTrashed}, []int64{ids[titles[5].title]}},
			{"nothing", AdminFilter{SiteID: 1, Text: "bóng đá"}, nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rows, total, err := s.AdminArticles(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, r := range rows {
					got = append(got, r.ID)
				}
				if !slices.Equal(got, tt.want) || total != len(tt.want) {
					t.Errorf("%v (total %d), want %v", got, total, tt.want)
				}
			})
		}

		// Pages of a filtered list ("n" is in every live title), with the
		// total across them.
		for _, p := range []struct {
			offset int
			want   []int64
		}{{0, []int64{first, second}}, {2, []int64{water, road}}, {4, []int64{money}}, {6, nil}} {
			t.Run(fmt.Sprintf("a page from %d holds its rows and the total of all", p.offset), func(t *testing.T) {
				rows, total, err := s.AdminArticles(ctx, AdminFilter{SiteID: 1, Text: "n", Limit: 2, Offset: p.offset})
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, r := range rows {
					got = append(got, r.ID)
				}
				if !slices.Equal(got, p.want) || total != 5 {
					t.Errorf("offset %d: %v (total %d), want %v of 5", p.offset, got, total, p.want)
				}
			})
		}
	})
}
