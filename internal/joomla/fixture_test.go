package joomla_test

import (
	"archive/zip"
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/congtin/congtin/internal/auth"
)

// fixture writes rows into a Joomla database in the shape its version
// uses: 1.5 sections and gid groups, 1.6+ nested categories and group
// maps, zero dates up to 3.x and NULLs from 4.x.
type fixture struct {
	t    testing.TB
	db   *sql.DB
	p    string
	ver  string // "1.5", "2.5", "3.10", "4", "5"
	lft  int
	path map[int]string
}

func newFixture(t testing.TB, db *sql.DB, ver, prefix string) *fixture {
	return &fixture{t: t, db: db, p: prefix, ver: ver, lft: 100, path: map[int]string{}}
}

func (f *fixture) legacy() bool { return f.ver == "1.5" }
func (f *fixture) modern() bool { return f.ver == "4" || f.ver == "5" }

func (f *fixture) exec(q string, args ...any) {
	f.t.Helper()
	if _, err := f.db.Exec(strings.ReplaceAll(q, "#__", f.p), args...); err != nil {
		f.t.Fatalf("%s: %v", q, err)
	}
}

// date is a datetime column value: "" is the zero date, or NULL from 4.x.
func (f *fixture) date(s string) any {
	if s != "" {
		return s
	}
	if f.modern() {
		return nil
	}
	return "0000-00-00 00:00:00"
}

// section is a 1.5 section; later versions get a top-level category.
func (f *fixture) section(id int, title, alias string, published int) {
	if f.legacy() {
		f.exec(`INSERT INTO #__sections (id, title, name, alias, scope, description, published, ordering, access, params, image, image_position)
			VALUES (?, ?, ?, ?, 'content', '', ?, ?, 0, '', '', 'left')`, id, title, title, alias, published, id)
		return
	}
	f.category(id, 0, title, alias, published)
}

// category is a category under parent (a section id in 1.5, a category
// id or 0 for the top level later).
func (f *fixture) category(id, parent int, title, alias string, published int) {
	if f.legacy() {
		f.exec(`INSERT INTO #__categories (id, parent_id, title, name, alias, image, section, image_position, description,
			published, editor, ordering, access, count, params) VALUES (?, 0, ?, ?, ?, '', ?, 'left', '<p>Mô tả</p>', ?, '', ?, 0, 0, '')`,
			id, title, title, alias, fmt.Sprint(parent), published, id)
		return
	}
	path := alias
	level := 1
	pid := 1
	if parent != 0 {
		path = f.path[parent] + "/" + alias
		level = strings.Count(path, "/") + 1
		pid = parent
	}
	f.path[id] = path
	f.lft += 2
	// 2.5 has no version column yet.
	version, one := ", version", ", 1"
	if f.ver == "2.5" {
		version, one = "", ""
	}
	f.exec(`INSERT INTO #__categories (id, asset_id, parent_id, lft, rgt, level, path, extension, title, alias, note, description,
		published, access, params, metadesc, metakey, metadata, created_user_id, created_time, modified_user_id, modified_time,
		hits, language`+version+`) VALUES (?, 0, ?, ?, ?, ?, ?, 'com_content', ?, ?, '', '<p>Mô tả</p>', ?, 1, '{}', '', '', '{}',
		42, '2014-01-01 00:00:00', 0, '2014-01-01 00:00:00', 0, '*'`+one+`)`, id, pid, f.lft, f.lft+1, level, path, title, alias, published)
}

type article struct {
	id                    int
	cat, section          int
	title, alias          string
	intro, full           string
	state                 int
	created, createdAlias string
	createdBy             int
	up, down              string
	images                string
	access                int // 1.6+ view level; converted for 1.5
	hits                  int
	featured              bool
	metadesc              string
}

func (f *fixture) article(a article) {
	if a.access == 0 {
		a.access = 1
	}
	if f.legacy() {
		acc := 0
		if a.access != 1 {
			acc = 1
		}
		f.exec(`INSERT INTO #__content (id, title, alias, title_alias, introtext, `+"`fulltext`"+`, state, sectionid, mask, catid,
			created, created_by, created_by_alias, modified, modified_by, checked_out, checked_out_time, publish_up, publish_down,
			images, urls, attribs, version, parentid, ordering, metakey, metadesc, access, hits, metadata)
			VALUES (?, ?, ?, '', ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, '', 'show_title=', 1, 0, 0, '', ?, ?, ?, 'robots=')`,
			a.id, a.title, a.alias, a.intro, a.full, a.state, a.section, a.cat, a.created, a.createdBy, a.createdAlias,
			f.date(""), f.date(""), f.date(a.up), f.date(a.down), a.images, a.metadesc, acc, a.hits)
		if a.featured {
			f.exec(`INSERT INTO #__content_frontpage (content_id, ordering) VALUES (?, 1)`, a.id)
		}
		return
	}
	feat := 0
	if a.featured {
		feat = 1
		f.exec(`INSERT INTO #__content_frontpage (content_id, ordering) VALUES (?, 1)`, a.id)
	}
	if a.images == "" {
		a.images = `{"image_intro":"","float_intro":"","image_intro_alt":"","image_intro_caption":"","image_fulltext":"","float_fulltext":"","image_fulltext_alt":"","image_fulltext_caption":""}`
	}
	// 2.5 has no note column yet.
	note, empty := ", note", ", ''"
	if f.ver == "2.5" {
		note, empty = "", ""
	}
	f.exec(`INSERT INTO #__content (id, asset_id, title, alias, introtext, `+"`fulltext`"+`, state, catid, created, created_by,
		created_by_alias, modified, modified_by, checked_out, checked_out_time, publish_up, publish_down, images, urls, attribs,
		version, ordering, metakey, metadesc, access, hits, metadata, featured, language`+note+`)
		VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, '{}', '{}', 1, 0, '', ?, ?, ?, '{}', ?, '*'`+empty+`)`,
		a.id, a.title, a.alias, a.intro, a.full, a.state, a.cat, a.created, a.createdBy, a.createdAlias, a.created,
		f.date(""), f.date(a.up), f.date(a.down), a.images, a.metadesc, a.access, a.hits, feat)
}

// user adds an account in group (a 1.6+ group id; 1.5 gets the gid).
func (f *fixture) user(id int, name, username, hash string, group int, blocked bool) {
	block := 0
	if blocked {
		block = 1
	}
	if f.legacy() {
		gid := map[int]int{8: 25, 5: 21, 4: 20, 3: 19, 2: 18}[group]
		f.exec(`INSERT INTO #__users (id, name, username, email, password, usertype, block, sendEmail, gid, registerDate,
			lastvisitDate, activation, params) VALUES (?, ?, ?, ?, ?, '', ?, 0, ?, '2010-05-01 02:03:04', '0000-00-00 00:00:00', '', '')`,
			id, name, username, username+"@example.vn", hash, block, gid)
		return
	}
	f.exec(`INSERT INTO #__users (id, name, username, email, password, block, sendEmail, registerDate, lastvisitDate,
		activation, params, lastResetTime, resetCount) VALUES (?, ?, ?, ?, ?, ?, 0, '2010-05-01 02:03:04', ?, '', '{}', ?, 0)`,
		id, name, username, username+"@example.vn", hash, block, f.date(""), f.date(""))
	f.exec(`INSERT INTO #__user_usergroup_map (user_id, group_id) VALUES (?, ?)`, id, group)
}

// menu adds a site menu item; parent 0 is the top level.
func (f *fixture) menu(id, parent int, title, alias, link, typ, params string) {
	if f.legacy() {
		f.exec(`INSERT INTO #__menu (id, menutype, name, alias, link, type, published, parent, componentid, sublevel, ordering,
			checked_out, checked_out_time, pollid, browserNav, access, utaccess, params, lft, rgt, home)
			VALUES (?, 'mainmenu', ?, ?, ?, ?, 1, ?, 20, 0, ?, 0, '0000-00-00 00:00:00', 0, 0, 0, 0, ?, 0, 0, 0)`,
			id, title, alias, link, typ, parent, id, params)
		return
	}
	path := alias
	pid := 1
	if parent != 0 {
		path = f.path[-parent] + "/" + alias
		pid = parent
	}
	f.path[-id] = path
	f.lft += 2
	f.exec(`INSERT INTO #__menu (id, menutype, title, alias, note, path, link, type, published, parent_id, level, component_id,
		browserNav, access, img, template_style_id, params, lft, rgt, home, language, client_id)
		VALUES (?, 'mainmenu', ?, ?, '', ?, ?, ?, 1, ?, ?, 22, 0, 1, '', 0, ?, ?, ?, 0, '*', 0)`,
		id, title, alias, path, link, typ, pid, strings.Count(path, "/")+1, params, 1000+f.lft, 1001+f.lft)
}

// Passwords of the fixture users, by username.
var fixturePasswords = map[string]string{
	"admin": "Mật khẩu quản trị 1", "bientap": "bien-tap-2015", "tongbientap": "test12345",
	"phongvien": "phongvien", "khoa": "khóa-rồi", "argon": "argon-pass",
}

// standardSite fills the database with the test site every version shares.
func (f *fixture) standardSite(imagesRoot string) {
	f.t.Helper()
	// Three levels on 1.6+; 1.5 has sections and one level of categories.
	f.section(10, "Tin tức - Sự kiện", "tin-tuc-su-kien", 1)
	f.section(13, "Văn bản", "van-ban", 1)
	if f.legacy() {
		f.category(11, 10, "Tổ chức Đảng", "t-chc-ng", 1) // a mangled 1.5 alias
		f.category(12, 10, "Hoạt động chi bộ", "hoat-dong-chi-bo", 1)
		f.category(14, 13, "Văn bản của tỉnh", "van-ban-cua-tinh", 0)
		f.category(15, 13, "Công văn", "cong-van", 1)
	} else {
		f.category(11, 10, "Tổ chức Đảng", "to-chuc-dang", 1)
		f.category(12, 11, "Hoạt động chi bộ", "hoat-dong-chi-bo", 1)
		f.category(14, 13, "Văn bản của tỉnh", "van-ban-cua-tinh", 0)
	}
	sec := func(cat int) int { return map[int]int{11: 10, 12: 10, 14: 13, 13: 13, 10: 10, 15: 13}[cat] }

	md5salt := func(pw, salt string) string {
		s := md5.Sum([]byte(pw + salt))
		return hex.EncodeToString(s[:]) + ":" + salt
	}
	bc, _ := bcrypt.GenerateFromPassword([]byte(fixturePasswords["admin"]), 4)
	plain := md5.Sum([]byte("phongvien"))
	sha := sha256.Sum256([]byte(fixturePasswords["khoa"] + "muoi"))
	argon, _ := auth.HashPassword(fixturePasswords["argon"])
	f.user(62, "Quản Trị", "admin", "$2y$"+string(bc[4:]), 8, false)
	f.user(63, "Biên Tập", "bientap", md5salt(fixturePasswords["bientap"], "0123456789abcdefABCDEF0123456789"), 4, false)
	f.user(64, "Tổng Biên Tập", "tongbientap", "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0", 5, false)
	f.user(65, "Phóng Viên", "phongvien", hex.EncodeToString(plain[:]), 3, false)
	f.user(66, "Độc Giả", "docgia", md5salt("x", "y"), 2, false)
	f.user(67, "Khóa", "khoa", "{SHA256}"+hex.EncodeToString(sha[:])+":muoi", 3, true)
	f.user(68, "Lạ", "la", "!!unknown-format!!", 3, false)
	if !f.legacy() && f.ver != "2.5" {
		f.user(69, "Argon", "argon", argon, 4, false) // 3.9+ can be configured to write argon2
	}

	images := func(intro, full string) string {
		if f.legacy() {
			return ""
		}
		return fmt.Sprintf(`{"image_intro":"%s","float_intro":"","image_intro_alt":"\u1ea2nh","image_intro_caption":"",`+
			`"image_fulltext":"%s","float_fulltext":"","image_fulltext_alt":"Toàn văn","image_fulltext_caption":""}`,
			strings.ReplaceAll(intro, "/", `\/`), strings.ReplaceAll(full, "/", `\/`))
	}
	archived := 2
	if f.legacy() {
		archived = -1
	}
	suffix := ""
	if f.modern() {
		suffix = "#joomlaImage://local-images/anh-dai-dien.png?width=64&height=48"
	}
	arts := []article{
		{id: 44, cat: 11, title: "Kết quả thực hiện Chỉ thị 03 năm 2014 và nhiệm vụ năm 2015",
			alias: "ket-qua-thuc-hien-chi-thi-03-nam-2014-va-nhiem-vu-nam-2015", state: 1,
			intro:   `<p class="MsoNormal" style="mso-margin-top-alt:auto"><span style="font-size:13pt">Sáng 28/1, Đảng bộ tổ chức hội nghị.</span><o:p></o:p></p><img src="images/stories/chi thi 03.png" alt="Hội nghị">`,
			full:    `<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><p>Toàn văn báo cáo.</p><p><a href="/images/van-ban/Quyết định số 1.pdf">Tải quyết định</a></p>`,
			created: "2015-01-28 01:10:58", createdBy: 62, createdAlias: "Hải Ninh", hits: 1234, featured: true,
			images: images("images/anh-dai-dien.png"+suffix, "images/toan-van.png"), metadesc: "Hội nghị sơ kết Chỉ thị 03"},
		{id: 45, cat: 12, title: "Hội nghị &quot;Đảng bộ&quot; tỉnh", alias: "hoi-nghi-dang-bo-tinh", state: 1,
			intro:   `<p>Tin</p><script>alert(1)</script><img src="x.png" onerror="alert(2)"><a href="javascript:alert(3)">bấm</a><iframe src="http://evil.example/"></iframe>`,
			created: "2015-02-01 02:00:00", createdBy: 64, hits: 10},
		{id: 46, cat: 11, title: "Bản nháp chưa đăng", alias: "ban-nhap", state: 0, intro: "<p>Nháp</p>", created: "2015-02-02 02:00:00", createdBy: 65},
		{id: 47, cat: 11, title: "Bài đã xóa", alias: "bai-da-xoa", state: -2, intro: "<p>Xóa</p>", created: "2015-02-03 02:00:00", createdBy: 65},
		{id: 48, cat: 12, title: "Bài lưu trữ", alias: "bai-luu-tru", state: archived, intro: "<p>Cũ</p>", created: "2013-02-03 02:00:00", createdBy: 65},
		{id: 49, cat: 12, title: "Bài hẹn giờ", alias: "bai-hen-gio", state: 1, intro: "<p>Sắp đăng</p>", created: "2015-02-04 02:00:00", up: "2099-01-01 00:00:00", createdBy: 65},
		{id: 50, cat: 12, title: "Bài hết hạn", alias: "bai-het-han", state: 1, intro: "<p>Hết hạn</p>", created: "2015-02-05 02:00:00", down: "2016-01-01 00:00:00", createdBy: 65},
		{id: 51, cat: 11, title: "Bài dành cho thành viên", alias: "bai-thanh-vien", state: 1, intro: "<p>Nội bộ</p>", created: "2015-02-06 02:00:00", access: 2, createdBy: 65},
		{id: 52, cat: 14, title: "Bài trong chuyên mục ẩn", alias: "bai-chuyen-muc-an", state: 1, intro: "<p>Ẩn</p>", created: "2015-02-07 02:00:00", createdBy: 99},
		{id: 53, cat: 13, title: "Văn bản mới", alias: "van-ban-moi", state: 1, created: "2015-02-08 02:00:00", createdBy: 99,
			intro: `<p><img src="http://old.example.vn/images/stories/logo.png"> <img src="http://other.example.com/images/x.png"> <img src="images/khong-co.png"> <a href="index.php?option=com_content&amp;view=article&amp;id=44">xem</a></p>` +
				`<p><a href="/files/cong-van/C%C3%B4ng v%C4%83n 12.docx">Công văn</a> <a href="http://old.example.vn/media/bieu-mau/mau.xlsx">Biểu mẫu</a> ` +
				`<a href="images/van-ban/to-trinh.doc">Tờ trình</a> <a href='images/van-ban/ke-hoach.odt'>Kế hoạch</a> ` +
				`<a href="images/van-ban/anh-gia.pdf">Giả</a> <a href="images/van-ban/trinh-chieu.pptx">Trình chiếu</a> ` +
				`<a href="http://other.example.com/files/x.pdf">Ngoài</a></p>`},
	}
	if f.legacy() {
		// 1.5 on a latin1 connection: UTF-8 stored as mojibake.
		arts = append(arts, article{id: 54, cat: 12, title: mojibake("Tổ chức hội nghị đảng viên"), alias: "t-chc-hi-ngh",
			state: 1, intro: "<p>" + mojibake("Nội dung tiếng Việt") + "</p>", created: "2012-03-05 08:15:00", createdBy: 62})
		arts[0].intro += "{mosimage}"
		arts[0].images = "mos.png|left|Ảnh mos|0|"
		arts[9].cat = 15
	}
	for _, a := range arts {
		a.section = sec(a.cat)
		f.article(a)
	}
	if f.ver == "3.10" || f.modern() {
		f.exec(`INSERT INTO #__tags (id, parent_id, lft, rgt, level, path, title, alias, note, description, published, access,
			params, metadesc, metakey, metadata, created_user_id, created_time, modified_user_id, modified_time, images, urls,
			hits, language, version) VALUES (2, 1, 1, 2, 1, 'chi-thi', 'Chỉ thị', 'chi-thi', '', '', 1, 1, '{}', '', '', '{}',
			62, '2015-01-01 00:00:00', 0, ?, '{}', '{}', 0, '*', 1), (3, 1, 3, 4, 1, 'dang-bo', 'Đảng bộ', 'dang-bo', '', '', 1, 1,
			'{}', '', '', '{}', 62, '2015-01-01 00:00:00', 0, ?, '{}', '{}', 0, '*', 1)`, f.date(""), f.date(""))
		f.exec(`INSERT INTO #__contentitem_tag_map (type_alias, core_content_id, content_item_id, tag_id, tag_date, type_id)
			VALUES ('com_content.article', 1, 44, 2, '2015-01-28 01:10:58', 1), ('com_content.article', 1, 44, 3, '2015-01-28 01:10:58', 1)`)
	}

	if f.legacy() {
		f.menu(51, 0, "Tin tức", "tin-tuc", "index.php?option=com_content&view=section&id=10", "component", "")
		f.menu(52, 0, "Tổ chức Đảng", "to-chuc-dang", "index.php?option=com_content&view=category&id=11", "component", "")
		f.menu(53, 0, "Giới thiệu", "gioi-thieu", "index.php?option=com_content&view=article&id=44", "component", "")
		f.menu(54, 0, "Bình chọn", "binh-chon", "index.php?option=com_poll&view=poll&id=14", "component", "")
		f.menu(55, 0, "Về chúng tôi", "ve-chung-toi", "", "menulink", "menu_item=53")
		f.poll()
	} else {
		f.menu(201, 0, "Tin tức", "tin-tuc", "index.php?option=com_content&view=category&layout=blog&id=10", "component", "{}")
		f.menu(202, 0, "Giới thiệu", "gioi-thieu", "index.php?option=com_content&view=article&id=44", "component", "{}")
		f.menu(203, 0, "Văn bản", "van-ban", "index.php?option=com_content&view=category&id=13", "component", "{}")
		f.menu(204, 0, "Về chúng tôi", "ve-chung-toi", "", "alias", `{"aliasoptions":"202"}`)
	}

	// What the installer records after the SQL: the schema version and
	// the core manifest.
	if release := map[string]string{"2.5": "2.5.6", "3.10": "3.10.12", "5": "5.4.5", "4": "4.4.12"}[f.ver]; release != "" {
		f.exec(`UPDATE #__extensions SET manifest_cache = ? WHERE name = 'files_joomla'`, `{"name":"files_joomla","type":"file","version":"`+release+`"}`)
		f.exec(`INSERT INTO #__schemas (extension_id, version_id) SELECT extension_id, ? FROM #__extensions WHERE name = 'files_joomla'`,
			release+"-2023-01-01")
	}

	// Files of the old site.
	for _, rel := range []string{"images/stories/chi thi 03.png", "images/anh-dai-dien.png", "images/toan-van.png",
		"images/stories/logo.png", "images/stories/mos.png"} {
		writePNG(f.t, filepath.Join(imagesRoot, filepath.FromSlash(rel)), len(rel))
	}
	writeDocuments(f.t, imagesRoot)
	pdf := filepath.Join(imagesRoot, "images", "van-ban", "Quyết định số 1.pdf")
	os.MkdirAll(filepath.Dir(pdf), 0o755)
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n% quyết định\n"), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// writeDocuments writes the office files article 53 links to: minimal
// documents the media store recognises by their content, a picture named
// .pdf, and a presentation (a type the store does not take).
func writeDocuments(t testing.TB, root string) {
	t.Helper()
	ct := func(main string) string {
		return `<?xml version="1.0"?><Types><Override PartName="/x" ContentType="application/vnd.openxmlformats-officedocument.` + main + `"/></Types>`
	}
	writeZip(t, filepath.Join(root, "files", "cong-van", "Công văn 12.docx"), map[string]string{
		"[Content_Types].xml": ct("wordprocessingml.document.main+xml"), "word/document.xml": "<w:document/>"})
	writeZip(t, filepath.Join(root, "media", "bieu-mau", "mau.xlsx"), map[string]string{
		"[Content_Types].xml": ct("spreadsheetml.sheet.main+xml"), "xl/workbook.xml": "<workbook/>"})
	writeZip(t, filepath.Join(root, "images", "van-ban", "ke-hoach.odt"), map[string]string{
		"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>"})
	writeZip(t, filepath.Join(root, "images", "van-ban", "trinh-chieu.pptx"), map[string]string{
		"[Content_Types].xml": ct("presentationml.presentation.main+xml"), "ppt/presentation.xml": "<p:presentation/>"})
	var doc []byte
	doc = append(doc, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"...)
	doc = append(doc, make([]byte, 504)...)
	for _, c := range "WordDocument" {
		doc = append(doc, byte(c), 0)
	}
	doc = append(doc, make([]byte, 64)...)
	if err := os.WriteFile(filepath.Join(root, "images", "van-ban", "to-trinh.doc"), doc, 0o644); err != nil {
		t.Fatal(err)
	}
	writePNG(t, filepath.Join(root, "images", "van-ban", "anh-gia.pdf"), 7)
}

func writeZip(t testing.TB, path string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[n]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Votes of the 1.5 poll: option index and UTC time.
var fixtureVotes = []struct {
	option int
	at     string
}{
	{0, "2012-03-05 08:00:00"}, {0, "2012-04-01 09:30:00"}, {1, "2013-01-01 00:00:01"},
	{0, "2013-06-15 12:00:00"}, {2, "2014-07-09 10:11:12"}, {1, "2014-02-02 02:02:02"},
}

func (f *fixture) poll() {
	f.exec(`INSERT INTO #__polls (id, title, alias, voters, checked_out, checked_out_time, published, access, lag)
		VALUES (14, 'Bạn thấy cổng thông tin thế nào?', 'ban-thay', 6, 0, '0000-00-00 00:00:00', 1, 0, 86400)`)
	labels := []string{"Rất tốt", "Tốt &amp; đẹp", "Bình thường"}
	hits := []int{3, 2, 1}
	for i := 0; i < 12; i++ {
		label, h := "", 0
		if i < len(labels) {
			label, h = labels[i], hits[i]
		}
		f.exec(`INSERT INTO #__poll_data (id, pollid, text, hits) VALUES (?, 14, ?, ?)`, 100+i, label, h)
	}
	for i, v := range fixtureVotes {
		f.exec(`INSERT INTO #__poll_date (id, date, vote_id, poll_id) VALUES (?, ?, ?, 14)`, i+1, v.at, 100+v.option)
	}
}

// mojibake is what a latin1 connection made of UTF-8 text.
func mojibake(s string) string {
	rev := map[byte]rune{0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ',
		0x89: '‰', 0x8A: 'Š', 0x8B: '‹', 0x8C: 'Œ', 0x8E: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•',
		0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9A: 'š', 0x9B: '›', 0x9C: 'œ', 0x9E: 'ž', 0x9F: 'Ÿ'}
	var out []rune
	for _, b := range []byte(s) {
		if r, ok := rev[b]; ok {
			out = append(out, r)
		} else {
			out = append(out, rune(b))
		}
	}
	return string(out)
}

// writePNG writes a small PNG whose pixels depend on seed, so files differ.
func writePNG(t testing.TB, path string, seed int) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for i := range img.Pix {
		img.Pix[i] = byte(seed*7 + i)
	}
	img.Set(0, 0, color.RGBA{byte(seed), byte(seed >> 8), byte(seed >> 16), 255})
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if err := png.Encode(fh, img); err != nil {
		t.Fatal(err)
	}
}
