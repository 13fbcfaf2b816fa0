package content

import (
	"os"
	"regexp"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// wordFixtures are what Word and LibreOffice put on the clipboard when a
// reporter copies from a Vietnamese document: the whole CF_HTML page with
// its head, as the browser hands it to the editor.
var wordFixtures = []string{
	"word365_thong_bao.html",
	"word2016_bao_cao.html",
	"libreoffice_ke_hoach.html",
}

// listShape keeps only the list tags of h, so a test can state how the
// items nest: <ol><li></li><li><ol type="a"><li></li></ol></li></ol>.
func listShape(h string) string {
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(h))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return b.String()
		}
		tok := z.Token()
		switch tok.Data {
		case "ol", "ul", "li":
			b.WriteString(tok.String())
		}
	}
}

func TestSanitizeWordPaste(t *testing.T) {
	t.Parallel()
	// Whatever Office leaves behind must go from every fixture.
	clutter := []string{
		"mso-", "Mso", "o:p", "<!--", "[if", "endif", "supportLists", "<xml", "w:WordDocument",
		"v:shape", "v:imagedata", "file:", "clip_image", "msohtmlclip", "<style", "@page",
		"@font-face", "<meta", "<link", "<title", "font-family", "font-size", "Times New Roman",
		"Calibri", "Symbol", "<font", "face=", "margin", "line-height", "border=", "cellpadding",
		"<script", "sdfootnoteanc", "LibreOffice", "Microsoft Word", "·", "\u00b7",
	}
	tests := []struct {
		file  string
		keep  []string
		drop  []string
		lists string
	}{
		{
			file: "word365_thong_bao.html",
			keep: []string{
				`<p align="center" style="text-align: center"><b><span>THÔNG BÁO</span></b></p>`,
				"<i><span>Về việc tổ chức Hội nghị tổng kết công tác",
				"thông báo “<b>Hội nghị tổng kết</b>” như sau:", // smart quotes stay
				"điện thoại <span>\u00a0</span>0236.3822.105.",  // non-breaking space stays
				"<li><span>Thời\ngian: 08 giờ 00, thứ Sáu, ngày 24/01/2025.</span></li>",
				"<li><span>Đại\nbiểu gửi xe tại bãi xe phía sau trụ sở.</span></li>",
				"<table>", `<td width="301" valign="top">`, "<b><span>STT</span></b>", "Sở Tài chính",
				`<a href="https://chinhphu.vn/thong-bao-15-2025" target="_blank" rel="noopener">`,
				`<p align="right" style="text-align: right"><b><i><span>VĂN`,
				// The letterhead is a table drawn without rules; the list's table keeps them.
				`<table class="table-borderless" width="604">`, "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			},
			// The only picture was Word's temporary file: no frame is left for it.
			drop:  []string{"<img", "1.\u00a0", "a.\u00a0", "_GoBack", "Toàn cảnh"},
			lists: `<ol><li></li><li><ol type="a"><li></li></ol></li><li></li></ol>`,
		},
		{
			file: "word2016_bao_cao.html",
			keep: []string{
				`<h1 style="text-align: justify"><span lang="VI">I. KẾT QUẢ THỰC HIỆN</span></h1>`,
				"<b>12/12 chỉ tiêu</b>", "<i>03\nchỉ tiêu vượt kế hoạch</i>",
				"<li><span lang=\"VI\">Cải\ncách thủ tục hành chính – <b>100%</b>",
				"triển khai ‘một cửa’ điện tử",
				// Typed with Unikey's combining marks, stored composed.
				norm.NFC.String("Thủy lợi, Hòa Vang, Đà Nẵng."),
				`<img width="400" height="300" src="https://stnmt.danang.gov.vn/anh/2024/ho-chua.jpg" alt="Hồ chứa nước Hòa Trung"/>`,
				`<a href="http://www.danang.gov.vn/bao-cao" target="_blank" rel="noopener">www.danang.gov.vn</a>`,
				"Theo Quyết định số 234/QĐ-UBND.",
				// Square wrapping: the picture floats right on a wide screen.
				`<img width="200" height="150" src="https://stnmt.danang.gov.vn/anh/2024/kenh-tuoi.jpg" alt="Kênh tưới sau khi kiên cố hóa" class="align-right"/>`,
				// The footnote and its reference still link to each other.
				`<a href="#fn-_ftn1" title="" id="fn-_ftnref1">`,
				`<p><a href="#fn-_ftnref1" title="" id="fn-_ftn1">`,
			},
			drop:  []string{"o\u00a0", "Courier", "clear=", "size=", "mso-special-character", "hspace", "align=\"right\"", "_Toc1", `id="ftn1"`, "borderless"},
			lists: `<ul><li><ul><li></li></ul></li><li></li></ul>`,
		},
		{
			file: "libreoffice_ke_hoach.html",
			keep: []string{
				`<p align="center"><b>KẾ HOẠCH</b></p>`,
				`<p align="center"><i>Tổ chức các hoạt động kỷ niệm Ngày Báo chí Cách mạng Việt Nam</i></p>`,
				"<li><p align=\"justify\"><b>Mục đích</b>: tôn vinh đội ngũ người làm báo;</p></li>",
				`<table width="100%">`, `<td width="25%"><p align="center"><b>Thời gian</b></p></td>`,
				"<sup>1</sup>",
				// LibreOffice embeds the picture; a raster data: image is allowed.
				`<img src="data:image/png;base64,iVBORw0KGgo`, `alt="Biểu trưng"`,
				"Đăng ký tại\u00a0<a href=\"https://tuyengiao.quangnam.gov.vn/dang-ky\" target=\"_blank\" rel=\"noopener\">",
				"trước “ngày 15/6”.",
				// LibreOffice's footnote and its anchor.
				`<a href="#fn-sdfootnote1sym" id="fn-sdfootnote1anc"><sup>1</sup></a>`,
				`<div><p><a href="#fn-sdfootnote1anc" id="fn-sdfootnote1sym">1</a>Công văn số 45-CV/BTGTU.</p>`,
			},
			drop:  []string{"so-language", "name=", "border-top", "padding", `id="sdfootnote1"`, "borderless"},
			lists: `<ol><li></li><li><ul><li></li><li></li></ul></li></ol>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			b, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			got := SanitizeHTML(string(b))
			for _, k := range tt.keep {
				if !strings.Contains(got, k) {
					t.Errorf("lost %q", k)
				}
			}
			for _, d := range append(clutter, tt.drop...) {
				if strings.Contains(got, d) {
					t.Errorf("kept %q", d)
				}
			}
			if shape := listShape(got); shape != tt.lists {
				t.Errorf("lists = %s, want %s", shape, tt.lists)
			}
			if !norm.NFC.IsNormalString(got) {
				t.Error("output is not NFC")
			}
			if bad := unsafeParts(got); len(bad) > 0 {
				t.Errorf("unsafe: %v", bad)
			}
			if again := SanitizeHTML(got); again != got {
				t.Errorf("sanitising twice changed it:\n%s\n---\n%s", got, again)
			}
			if t.Failed() {
				t.Logf("output:\n%s", got)
			}
		})
	}
}

// What the editor itself submits: alignment, underline, captions and
// uploaded images under /anh/ survive.
func TestSanitizeEditorOutput(t *testing.T) {
	t.Parallel()
	in := `<p style="text-align: center;"><strong>Tiêu đề</strong></p>` +
		`<p><span style="text-decoration: underline;">gạch chân</span> và <em>nghiêng</em></p>` +
		`<figure class="image"><img src="/anh/2025/01/3f2a.jpg" alt="Lễ ra quân" width="800" height="533"><figcaption>Lễ ra quân</figcaption></figure>` +
		`<ul><li>một</li><li>hai</li></ul><ol><li>ba</li></ol>` +
		`<p><a href="/tin-tuc/12-le-ra-quan">Tin liên quan</a></p>`
	// The align buttons on a picture, and on a captioned one.
	layout := `<p><img style="float: left;" src="/anh/2025/01/a1.jpg" alt="Trái" width="300" height="200">Chữ bên phải ảnh.</p>` +
		`<p><img style="float: right;" src="/anh/2025/01/a2.jpg" alt="Phải" width="300" height="200">Chữ bên trái ảnh.</p>` +
		`<p><img style="display: block; margin-left: auto; margin-right: auto;" src="/anh/2025/01/a3.jpg" alt="Giữa" width="600" height="400"></p>` +
		`<figure class="image align-left"><img src="/anh/2025/01/a4.jpg" alt="Có chú thích" width="300" height="200"><figcaption>Chú thích trái</figcaption></figure>` +
		// The table button: border="1" by default, 0 when the author removes rules.
		`<table style="border-collapse: collapse; width: 100%;" border="1"><colgroup><col style="width: 50%;"><col style="width: 50%;"></colgroup>` +
		`<thead><tr><th scope="col">Đơn vị</th><th scope="col">Số</th></tr></thead><tbody><tr><td>Sở</td><td>12</td></tr></tbody></table>` +
		`<table style="border-collapse: collapse; width: 100%; border-width: 0px;" border="0"><tbody><tr><td style="border-width: 0px;">Nơi nhận</td><td style="border-width: 0px;">Ký tên</td></tr></tbody></table>`
	got := SanitizeHTML(in)
	for _, k := range []string{
		`<p style="text-align: center"><strong>Tiêu đề</strong></p>`,
		`<span style="text-decoration: underline">gạch chân</span>`,
		`<figure><img src="/anh/2025/01/3f2a.jpg" alt="Lễ ra quân" width="800" height="533"><figcaption>Lễ ra quân</figcaption></figure>`,
		`<ul><li>một</li><li>hai</li></ul><ol><li>ba</li></ol>`,
		`<a href="/tin-tuc/12-le-ra-quan">Tin liên quan</a>`,
	} {
		if !strings.Contains(got, k) {
			t.Errorf("lost %q in %q", k, got)
		}
	}
	got = SanitizeHTML(layout)
	for _, k := range []string{
		`<p><img src="/anh/2025/01/a1.jpg" alt="Trái" width="300" height="200" class="align-left"/>Chữ bên phải ảnh.</p>`,
		`<p><img src="/anh/2025/01/a2.jpg" alt="Phải" width="300" height="200" class="align-right"/>Chữ bên trái ảnh.</p>`,
		`<p><img src="/anh/2025/01/a3.jpg" alt="Giữa" width="600" height="400" class="align-center"/></p>`,
		`<figure class="align-left"><img src="/anh/2025/01/a4.jpg" alt="Có chú thích" width="300" height="200"/><figcaption>Chú thích trái</figcaption></figure>`,
		`<table><colgroup><col/><col/></colgroup><thead><tr><th scope="col">Đơn vị</th><th scope="col">Số</th></tr></thead><tbody><tr><td>Sở</td><td>12</td></tr></tbody></table>`,
		`<table class="table-borderless"><tbody><tr><td>Nơi nhận</td><td>Ký tên</td></tr></tbody></table>`,
	} {
		if !strings.Contains(got, k) {
			t.Errorf("lost %q in %q", k, got)
		}
	}
	for _, d := range []string{"float", "margin", "border=", "border-", "style=", "class=\"image"} {
		if strings.Contains(got, d) {
			t.Errorf("kept %q in %q", d, got)
		}
	}
	if again := SanitizeHTML(got); again != got {
		t.Errorf("sanitising twice changed it:\n%s\n---\n%s", got, again)
	}
}

func TestWordListMarkers(t *testing.T) {
	t.Parallel()
	item := func(level int, marker, text string) string {
		return `<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level` + string(rune('0'+level)) +
			` lfo1'><![if !supportLists]><span style='mso-list:Ignore'>` + marker +
			`<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>` + text + `</p>`
	}
	tests := []struct{ in, want string }{
		{item(1, "1.", "một") + item(1, "2.", "hai"), `<ol><li>một</li><li>hai</li></ol>`},
		{item(1, "3.", "ba"), `<ol start="3"><li>ba</li></ol>`},
		{item(1, "a)", "a") + item(1, "b)", "b"), `<ol type="a"><li>a</li><li>b</li></ol>`},
		{item(1, "C.", "c"), `<ol type="A" start="3"><li>c</li></ol>`},
		{item(1, "iv.", "bốn"), `<ol type="i" start="4"><li>bốn</li></ol>`},
		{item(1, "I.", "một"), `<ol type="I"><li>một</li></ol>`},
		{item(1, "1.2.", "x"), `<ol><li>x</li></ol>`},
		{item(1, "-", "gạch"), `<ul><li>gạch</li></ul>`},
		{item(1, "", "Wingdings"), `<ul><li>Wingdings</li></ul>`},
		{item(1, "v", "v là dấu của Wingdings"), `<ul><li>v là dấu của Wingdings</li></ul>`},
		// A list that starts deeper than level 1 still nests.
		{item(2, "o", "sâu") + item(1, "·", "nông"), `<ul><li><ul><li>sâu</li></ul></li><li>nông</li></ul>`},
		// Without the conditional comments (an editor dropped them) the
		// mso-list:Ignore span still marks the bullet.
		{`<p style="mso-list:l0 level1 lfo1"><span style="mso-list: Ignore">·&nbsp;&nbsp;</span>chấm</p>`, `<ul><li>chấm</li></ul>`},
		// Two runs separated by a paragraph stay two lists; numbering resumes.
		{item(1, "1.", "a") + `<p>giữa</p>` + item(1, "2.", "b"), `<ol><li>a</li></ol><p>giữa</p><ol start="2"><li>b</li></ol>`},
		// A numbered heading keeps its number: only paragraphs become lists.
		{`<h2 style='mso-list:l1 level1 lfo2'><![if !supportLists]>I.<![endif]>Mở đầu</h2>`, `<h2>I.Mở đầu</h2>`},
	}
	space := regexp.MustCompile(`\s+`)
	for _, tt := range tests {
		got := space.ReplaceAllString(SanitizeHTML(tt.in), " ")
		if got != tt.want {
			t.Errorf("SanitizeHTML(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestDataURLsOnlyForRasterImages(t *testing.T) {
	t.Parallel()
	const png = "data:image/png;base64,iVBORw0KGgo="
	tests := []struct{ in, want string }{
		{`<img src="` + png + `" alt="">`, `<img src="` + png + `" alt="">`},
		{`<img src="data:image/jpeg;base64,/9j/4AAQ" alt="">`, `<img src="data:image/jpeg;base64,/9j/4AAQ" alt="">`},
		{`<img src="data:image/svg+xml;base64,PHN2Zy8+" alt="">`, ``},
		{`<img src="data:image/png;base64,không phải base64" alt="">`, ``},
		{`<img src="data:text/html;base64,PHNjcmlwdD4=" alt="">`, ``},
		{`<img src="file:///C:/Users/a/clip_image001.png" width="10">`, ``},
		{`<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`, `x`},
	}
	for _, tt := range tests {
		if got := SanitizeHTML(tt.in); got != tt.want {
			t.Errorf("SanitizeHTML(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
