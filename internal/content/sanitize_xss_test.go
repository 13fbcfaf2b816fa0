package content

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	xhtml "golang.org/x/net/html"
)

// xssCorpus reads testdata/xss.txt: one payload a line, '#' comments.
func xssCorpus(t testing.TB) []string {
	t.Helper()
	f, err := os.Open("testdata/xss.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Elements that may run script, load a document or submit a form.
var forbiddenElements = map[string]bool{
	"script": true, "style": true, "iframe": true, "frame": true, "frameset": true,
	"object": true, "embed": true, "applet": true, "param": true, "form": true,
	"input": true, "button": true, "select": true, "textarea": true, "keygen": true,
	"isindex": true, "svg": true, "math": true, "base": true, "link": true,
	"meta": true, "noscript": true, "xmp": true, "plaintext": true, "template": true,
	"video": true, "audio": true, "source": true, "marquee": true,
	"title": true, "html": true, "head": true, "body": true,
}

// Attributes a browser would load or submit as a URL.
var urlAttributes = map[string]bool{
	"href": true, "src": true, "cite": true, "action": true, "formaction": true,
	"background": true, "poster": true, "data": true, "xlink:href": true,
	"srcset": true, "longdesc": true, "dynsrc": true, "lowsrc": true,
}

var (
	safeDecl       = regexp.MustCompile(`(?i)^(text-align: (left|right|center|justify)|text-decoration: (underline|line-through))$`)
	rasterDataURL  = regexp.MustCompile(`^data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*$`)
	scriptingURL   = regexp.MustCompile(`^(javascript|vbscript|livescript|data|file):`)
	rawScriptStart = regexp.MustCompile(`(?i)<\s*script`)
)

// safeStyle reports whether every declaration of style is one the
// policy allows.
func safeStyle(style string) bool {
	for _, d := range strings.Split(style, "; ") {
		if !safeDecl.MatchString(d) {
			return false
		}
	}
	return true
}

// unsafeParts reads out as a browser would (tokens, decoded entities) and
// lists everything in it that could run script or leave the page.
func unsafeParts(out string) []string {
	var bad []string
	if rawScriptStart.MatchString(out) {
		bad = append(bad, "<script in the text")
	}
	z := xhtml.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		if tt == xhtml.CommentToken || tt == xhtml.DoctypeToken {
			bad = append(bad, "comment or doctype: "+string(z.Raw()))
			continue
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		name := strings.ToLower(tok.Data)
		if forbiddenElements[name] || strings.Contains(name, ":") {
			bad = append(bad, "element "+name)
		}
		for _, a := range tok.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			switch {
			case strings.HasPrefix(key, "on"):
				bad = append(bad, "event handler "+key+" on "+name)
			case key == "srcdoc" || key == "formaction" || key == "action":
				bad = append(bad, key+" on "+name)
			case key == "style" && !safeStyle(a.Val):
				bad = append(bad, "style "+a.Val)
			case urlAttributes[key]:
				// Browsers drop tabs, newlines and leading controls before
				// reading the scheme.
				v := strings.ToLower(strings.Map(func(r rune) rune {
					if unicode.IsSpace(r) || unicode.IsControl(r) {
						return -1
					}
					return r
				}, a.Val))
				if scriptingURL.MatchString(v) && !(name == "img" && key == "src" && rasterDataURL.MatchString(v)) {
					bad = append(bad, key+"="+a.Val+" on "+name)
				}
			}
		}
	}
	return bad
}

func TestSanitizeXSSCorpus(t *testing.T) {
	t.Parallel()
	corpus := xssCorpus(t)
	if len(corpus) < 100 {
		t.Fatalf("corpus has %d payloads, want at least 100", len(corpus))
	}
	for _, in := range corpus {
		out := SanitizeHTML(in)
		if bad := unsafeParts(out); len(bad) > 0 {
			t.Errorf("SanitizeHTML(%q) = %q, unsafe: %v", in, out, bad)
		}
		if again := SanitizeHTML(out); again != out {
			t.Errorf("not stable for %q:\nonce:  %q\ntwice: %q", in, out, again)
		}
	}
}

// The checker itself must see what a browser would run.
func TestUnsafePartsCatchesAttacks(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		`<script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href="java&Tab;script:alert(1)">x</a>`,
		`<iframe srcdoc="x"></iframe>`,
		`<button formaction="https://e.example">x</button>`,
		`<p style="width: expression(alert(1))">x</p>`,
		`<a href="data:text/html,x">x</a>`,
		`<img src="data:image/svg+xml;base64,PHN2Zy8+">`,
		`<!--[if IE]>x<![endif]-->`,
	} {
		if len(unsafeParts(in)) == 0 {
			t.Errorf("unsafeParts(%q) found nothing", in)
		}
	}
	for _, in := range []string{
		`<p style="text-align: center">Đà Nẵng</p>`,
		`<img src="data:image/png;base64,iVBORw0KGgo=" alt="">`,
		`<a href="https://chinhphu.vn" target="_blank" rel="noopener">x</a>`,
		`<p>javascript: là một ngôn ngữ, onload= là một thuộc tính</p>`,
	} {
		if bad := unsafeParts(in); len(bad) > 0 {
			t.Errorf("unsafeParts(%q) = %v, want nothing", in, bad)
		}
	}
}

func FuzzSanitizeHTML(f *testing.F) {
	for _, in := range xssCorpus(f) {
		f.Add(in)
	}
	for _, name := range wordFixtures {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add(`<p style="mso-list:l0 level3 lfo1"><![if !supportLists]>iv.<![endif]>x</p><p style="mso-list:l0 level1 lfo1">y</p>`)
	f.Add("<p>\x00<scr\x00ipt>alert(1)</script></p>")
	f.Add(`<p><img style="float: left; margin: 0 8px" src="/anh/a.jpg" alt=""><a href="#_ftn1" name="_ftnref1">[1]</a></p>` +
		`<table border="0" cellpadding="0"><tr><td style="border: none">x</td></tr></table><p><a href="#_ftnref1" name="_ftn1">[1]</a></p>`)
	f.Add(`<figure class="image align-center"><img style="display:block;margin:0 auto" src="/anh/a.jpg" alt=""></figure><h2 id="a">x</h2><a href="#a">y</a><a name="b"></a>`)
	f.Fuzz(func(t *testing.T, in string) {
		out := SanitizeHTML(in)
		if bad := unsafeParts(out); len(bad) > 0 {
			t.Fatalf("SanitizeHTML(%q) = %q, unsafe: %v", in, out, bad)
		}
		if again := SanitizeHTML(out); again != out {
			t.Fatalf("not stable for %q:\nonce:  %q\ntwice: %q", in, out, again)
		}
	})
}
