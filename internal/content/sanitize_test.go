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
	}
	nfd := norm.NFD.String("<p>Đảng bộ</p>")
	if got := SanitizeHTML(nfd); got != "<p>Đảng bộ</p>" {
		t.Errorf("NFD input not normalised: %q", got)
	}
}
