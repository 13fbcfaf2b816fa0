package web

import (
	"testing"

	"github.com/congtin/congtin/internal/store/storetest"
)

// TestFoldedTemplatesMakeTheSamePages: pages made from templates with
// their constant actions folded in are byte for byte the pages made from
// the templates as written.
func TestFoldedTemplatesMakeTheSamePages(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	folded := newDemoServer(t, db)
	asWritten := newServer(t, db)
	var err error
	if asWritten.pages, err = parseTemplates(asWritten.funcs(), nil); err != nil {
		t.Fatal(err)
	}
	hf, hw := folded.Handler(), asWritten.Handler()
	for _, target := range []string{"/", "/to-chuc-dang/", referenceURL, "/trang/lien-he", "/binh-chon/1",
		"/tim-kiem?q=dang+bo", "/tim-kiem", "/khong-co-trang-nay/", "/to-chuc-dang/?trang=2"} {
		rf, bf := get(t, hf, target)
		rw, bw := get(t, hw, target)
		if rf.StatusCode != rw.StatusCode || bf != bw {
			t.Errorf("%s: folded %d, %d bytes; as written %d, %d bytes", target, rf.StatusCode, len(bf), rw.StatusCode, len(bw))
		}
	}
}

func TestFoldConstants(t *testing.T) {
	value := func(fn, arg string) (string, bool) {
		switch fn + ":" + arg {
		case "t:nav.home":
			return "Trang chủ", true
		case "t:quoted":
			return `Nói "không"`, true
		case "t:script":
			return "javascript:alert(1)", true
		case "asset:style.css":
			return "/static/style.abc123.css", true
		}
		return "", false
	}
	tests := []struct{ in, want string }{
		{`<a href="/">{{t "nav.home"}}</a>`, `<a href="/">Trang chủ</a>`},
		{`<link href="{{asset "style.css"}}">`, `<link href="/static/style.abc123.css">`},
		{`<p>{{t "quoted"}}</p>`, `<p>{{t "quoted"}}</p>`},                     // needs escaping: left to render time
		{`<a href="{{t "script"}}">`, `<a href="{{t "script"}}">`},             // a scheme: left to the URL filter
		{`{{t "missing.key"}}`, `{{t "missing.key"}}`},                         // unknown: T shows the key, as before
		{`{{t "pager.page" .Page .Pages}}`, `{{t "pager.page" .Page .Pages}}`}, // arguments: not constant
		{`{{t "nav.home" | printf "%s"}}`, `{{t "nav.home" | printf "%s"}}`},
	}
	for _, tt := range tests {
		if got := foldConstants(tt.in, value); got != tt.want {
			t.Errorf("foldConstants(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
