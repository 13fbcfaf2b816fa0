package content

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestSanitizeHTML(t *testing.T) {
	tests := []struct {
		name, in  string
		keep, out []string
	}{
		{"script", `<p>a</p><script>alert(1)</script>`, []string{"<p>a</p>"}, []string{"script", "alert"}},
		{"event handler", `<img src="/anh/x.jpg" onerror="alert(1)" alt="ảnh">`, []string{`src="/anh/x.jpg"`, `alt="ảnh"`}, []string{"onerror"}},
		{"javascript url", `<a href="javascript:alert(1)">x</a>`, []string{"x"}, []string{"javascript"}},
		{"data url in a link", `<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`, nil, []string{"data:"}},
		{"word clutter", `<p class="MsoNormal" style="mso-bidi-font-family:Arial"><b>Đậm</b><o:p></o:p></p>`, []string{"<b>Đậm</b>"}, []string{"mso-", "o:p", "MsoNormal"}},
		{"tables stay", `<table><tr><td colspan="2">Ô</td></tr></table>`, []string{"<table>", `colspan="2"`, "Ô"}, nil},
		{"iframe", `<iframe src="https://example.com"></iframe>`, nil, []string{"iframe"}},
		{"style element", `<style>body{display:none}</style><p>x</p>`, []string{"<p>x</p>"}, []string{"display"}},
		{"outside link opens a new tab", `<a href="https://chinhphu.vn">CP</a>`, []string{`href="https://chinhphu.vn"`, `target="_blank"`}, nil},

		// Picture alignment becomes our own class; no style reaches the page.
		{"image floated left", `<p><img style="float: left; margin: 0 10px 10px 0;" src="/anh/a.jpg" alt="trái"></p>`, []string{`<img src="/anh/a.jpg" alt="trái" class="align-left"/>`}, []string{"style", "float", "margin"}},
		{"image floated right", `<img style="margin-left: 12px; FLOAT: Right !important" src="/anh/a.jpg" alt="">`, []string{`class="align-right"`}, []string{"style", "float", "margin"}},
		{"image centred", `<img style="display: block; margin-left: auto; margin-right: auto;" src="/anh/a.jpg" alt="">`, []string{`class="align-center"`}, []string{"style", "display", "auto"}},
		{"image centred by shorthand", `<img style="display:block;margin:0 auto" src="/anh/a.jpg" alt="">`, []string{`class="align-center"`}, []string{"style"}},
		{"auto margins without block", `<img style="margin-left: auto; margin-right: auto" src="/anh/a.jpg" alt="">`, []string{`<img src="/anh/a.jpg" alt="">`}, []string{"class", "style"}},
		{"float of another kind", `<img style="float: inherit" src="/anh/a.jpg" alt="">`, []string{`<img src="/anh/a.jpg" alt="">`}, []string{"class", "style"}},
		{"float beside a script url", `<img style="float: left; background: url(javascript:alert(1)); behavior: url(x.htc)" src="/anh/a.jpg" alt="">`, []string{`class="align-left"`}, []string{"javascript", "url(", "behavior", "style"}},
		{"word wrapped picture", `<img width=200 height=150 src="https://example.gov.vn/a.jpg" align=left hspace=12 alt="kênh">`, []string{`class="align-left"`, `width="200"`}, []string{"align=", "hspace"}},
		{"class list of the editor's figure", `<figure class="image align-right"><img src="/anh/a.jpg" alt=""><figcaption>Chú thích</figcaption></figure>`, []string{`<figure class="align-right">`, "<figcaption>Chú thích</figcaption>"}, []string{"image"}},
		{"unknown class beside a known one", `<img src="/anh/a.jpg" alt="" class="x align-left" onload="alert(1)">`, []string{`class="align-left"`}, []string{"onload", "x align"}},

		// Tables keep their structure; a table drawn without rules says so.
		{"table with border 1", `<table border="1" cellpadding="5" cellspacing="0"><tr><td>Ô</td></tr></table>`, []string{"<table>", "<td>Ô</td>"}, []string{"border", "cellpadding", "cellspacing"}},
		{"table with border 0", `<table border="0" cellpadding="0"><tr><td>Ô</td></tr></table>`, []string{`<table class="table-borderless">`}, []string{"border=", "cellpadding"}},
		{"libreoffice table without rules", `<table cellpadding="4"><tr><td style="border: none; padding: 0cm">Ô</td></tr></table>`, []string{`<table class="table-borderless">`}, []string{"padding", "none"}},
		{"border 0 but ruled cells", `<table border=0><tr><td style='border:solid windowtext 1.0pt'>Ô</td></tr></table>`, []string{"<table>"}, []string{"borderless", "solid"}},
		{"nested table has its own rules", `<table border="1"><tr><td><table border="0"><tr><td>x</td></tr></table></td></tr></table>`, []string{`<table><tbody><tr><td><table class="table-borderless">`}, nil},
		{"table parts", `<table><caption>Bảng 1</caption><thead><tr><th scope="col">Tên</th><th scope="col">Số</th></tr></thead><tbody><tr><td rowspan="2">A</td><td>1</td></tr><tr><td>2</td></tr></tbody><tfoot><tr><td colspan="2">Tổng: 3</td></tr></tfoot></table>`,
			[]string{"<caption>Bảng 1</caption>", "<thead>", `<th scope="col">Tên</th>`, "<tbody>", `<td rowspan="2">A</td>`, "<tfoot>", `<td colspan="2">Tổng: 3</td>`}, nil},

		// In-page anchors: kept when the body links to them, prefixed fn-.
		{"word footnote", `<p>Văn bản<a style="mso-footnote-id:ftn1" href="#_ftn1" name="_ftnref1" title="">[1]</a></p><div style="mso-element:footnote" id="ftn1"><p><a href="#_ftnref1" name="_ftn1">[1]</a> Chú thích.</p></div>`,
			[]string{`<a href="#fn-_ftn1" title="" id="fn-_ftnref1">[1]</a>`, `<a href="#fn-_ftnref1" id="fn-_ftn1">[1]</a> Chú thích.`, "<div><p>"}, []string{"name=", `id="ftn1"`, "mso-"}},
		{"bookmark nobody links to", `<p><a name="_GoBack"></a>x<a id="_Toc12">y</a></p>`, []string{"<p>xy</p>"}, []string{"<a", "_GoBack", "_Toc"}},
		{"id the body links to", `<p><a href="#muc-2">Mục 2</a></p><h2 id="muc-2">Mục 2</h2>`, []string{`<a href="#fn-muc-2">`, `<h2 id="fn-muc-2">`}, nil},
		{"ids of the page are not taken", `<div id="header"><p id="csrf">x</p><a id="main">y</a></div>`, []string{"<div><p>x</p>y</div>"}, []string{"id="}},
		{"fragment link to the page itself", `<a href="#binh-luan">Bình luận</a>`, []string{`<a href="#binh-luan">Bình luận</a>`}, nil},
		{"prefixed already", `<a href="#fn-1">1</a><a id="fn-1"></a>`, []string{`<a href="#fn-1">1</a><a id="fn-1"></a>`}, nil},
		{"one id once", `<a href="#a">x</a><a name="a">1</a><a name="a">2</a>`, []string{`<a href="#fn-a">x</a><a id="fn-a">1</a>2`}, nil},
		{"name that is not an id", `<a name="x&quot; onmouseover=&quot;alert(1)" href="#x">x</a><a name="một">y</a>`, []string{`<a href="#x">x</a>y`}, []string{"onmouseover", "id="}},
		{"name too long with the prefix", `<a href="#` + strings.Repeat("n", 62) + `">x</a><a name="` + strings.Repeat("n", 62) + `">y</a>`, []string{"y"}, []string{"id=", "fn-"}},
	}
	for _, tt := range tests {
		got := SanitizeHTML(tt.in)
		for _, k := range tt.keep {
			if !strings.Contains(got, k) {
				t.Errorf("%s: %q lost %q", tt.name, got, k)
			}
		}
		for _, o := range tt.out {
			if strings.Contains(got, o) {
				t.Errorf("%s: %q kept %q", tt.name, got, o)
			}
		}
		if bad := unsafeParts(got); len(bad) > 0 {
			t.Errorf("%s: unsafe: %v", tt.name, bad)
		}
		if again := SanitizeHTML(got); again != got {
			t.Errorf("%s: sanitising twice changed it:\n%s\n---\n%s", tt.name, got, again)
		}
	}
	nfd := norm.NFD.String("<p>Đảng bộ</p>")
	if got := SanitizeHTML(nfd); got != "<p>Đảng bộ</p>" {
		t.Errorf("NFD input not normalised: %q", got)
	}
}
