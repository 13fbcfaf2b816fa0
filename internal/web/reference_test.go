package web

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// TestReferencePage renders the department's reference article and checks
// every element of the page its Joomla site shows today
// (shared/seed/000_a969f393d4512552.txt; the demo package checks its data
// against that file).
func TestReferencePage(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		h := newDemoServer(t, db).Handler()
		res, body := get(t, h, referenceURL)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d", res.StatusCode)
		}
		text := html.UnescapeString(body)
		ref := demo.Reference
		mustContain(t, text,
			`<a class="category" href="/to-chuc-dang/">Tổ chức Đảng</a>`,
			`>2015-01-28 08:10:58</time>`,
			`<h1>Kết quả thực hiện Chỉ thị 03 năm 2014 và nhiệm vụ năm 2015</h1>`,
			`<p class="byline">Hải Ninh</p>`,
			"Lượt xem: 1.532",
			"Tin khác",
			"Lĩnh vực thủ tục hành chính nào ưu tiên thực hiện trên môi trường điện tử",
			"Tổng số phiếu:", "Phiếu đầu tiên:", "Phiếu cuối cùng:", "02/06/2014 09:14", "15/02/2021 16:02",
			"Số lượt truy cập:", "31.262.600", "Đang trực tuyến:",
			"SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH HẢI DƯƠNG",
			"Trưởng Ban biên tập: ThS. Phạm Văn Bình - Giám đốc Sở Khoa học và Công nghệ Hải Dương",
			"Giấy phép số: 01/GP-STTTT do Sở TT&TT cấp ngày 29/06/2015.",
			"Địa chỉ: Số 209 Nguyễn Lương Bằng - TP. Hải Dương - tỉnh Hải Dương.",
			`Điện thoại: <a href="tel:02203892436">0220. 3892436</a> - Fax: 0220.3893912`,
		)
		// First, middle and last paragraph, each whole and unchanged.
		n := len(ref.Body)
		for _, i := range []int{0, n / 2, n - 1} {
			mustContain(t, text, "<p>"+ref.Body[i]+"</p>")
		}
		// Every paragraph, in order.
		pos := 0
		for i, p := range ref.Body {
			j := strings.Index(text[pos:], p)
			if j < 0 {
				t.Fatalf("paragraph %d missing or out of order", i+1)
			}
			pos += j + len(p)
		}
		// "Tin khác": the other articles of the category, newest first, as
		// "title (dd/mm/yyyy)", linked.
		related := text[strings.Index(text, `id="tin-khac"`):]
		related = related[:strings.Index(related, "</section>")]
		item := regexp.MustCompile(`<li><a href="/to-chuc-dang/\d+-[a-z0-9-]+">([^<]+)</a> <span class="date">\((\d\d/\d\d/\d{4})\)</span></li>`)
		items := item.FindAllStringSubmatch(related, -1)
		if len(items) != len(demo.PartyArticles) {
			t.Fatalf("Tin khác has %d entries, want %d", len(items), len(demo.PartyArticles))
		}
		for i, it := range items {
			want := demo.PartyArticles[i]
			if it[1] != want.Title {
				t.Errorf("Tin khác %d = %q, want %q", i+1, it[1], want.Title)
			}
			if d := want.Published[8:10] + "/" + want.Published[5:7] + "/" + want.Published[:4]; it[2] != d {
				t.Errorf("Tin khác %d date = %s, want %s", i+1, it[2], d)
			}
		}
		if strings.Contains(related, ref.Title) {
			t.Error("Tin khác lists the article itself")
		}
	})
}

// TestReferenceReachableFromHome follows the links a visitor would: home,
// the "Tổ chức Đảng" menu entry, the category list, the article.
func TestReferenceReachableFromHome(t *testing.T) {
	t.Parallel()
	h := newDemoServer(t, storetest.SQLite(t)).Handler()
	_, home := get(t, h, "/")
	if !strings.Contains(home, `<a href="/to-chuc-dang/">Tổ chức Đảng</a>`) {
		t.Fatal("home page has no Tổ chức Đảng link")
	}
	// The reference article is the oldest but one of its category: page 2.
	found := false
	for page := 1; page <= 3 && !found; page++ {
		target := "/to-chuc-dang/"
		if page > 1 {
			target += "?trang=" + itoa(page)
		}
		res, body := get(t, h, target)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", target, res.StatusCode)
		}
		found = strings.Contains(body, `href="`+referenceURL+`"`)
	}
	if !found {
		t.Fatal("the reference article is not listed in its category")
	}
}
