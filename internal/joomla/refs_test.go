package joomla

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// refPattern is the regexp the importer used before replaceRefs; the
// scanner must find exactly what it found.
var refPattern = regexp.MustCompile(`(?i)(\s(?:src|href)\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)`)

func viaRegexp(body string) string {
	return refPattern.ReplaceAllStringFunc(body, func(m string) string {
		sub := refPattern.FindStringSubmatch(m)
		return "[" + sub[1] + "|" + sub[2] + "]"
	})
}

func viaScanner(body string) string {
	return replaceRefs(body, func(prefix, raw string) (string, bool) {
		return "[" + prefix + "|" + raw + "]", true
	})
}

var refSamples = []string{
	``, `no attributes`, `a=b`, `<img src="a.png">`, `<img SRC = 'a b.png' alt=x>`, `<a href=/images/x.pdf>x</a>`,
	`<a\nhref\t=\n"x">`, `<img src="unterminated>`, `<img src=>`, `<img src= >`, `<img data-src="x" src="y">`,
	`<img xsrc="x"><a ahref="y">`, ` src=a src=b href="c"`, `src="at start"`, `<p>2 + 2 = 4 src = ok</p>`,
	`<a href="a"href="b">`, `<img src='a"b' src="c'd">`, `<img src=a>b`, "<img\fsrc=\"ff\">", `<A HREF="UP">`,
	`<img src="x"` + strings.Repeat("=", 5) + ` href=y>`, `<a href ="Quyết định số 1.pdf">tải</a> <img  src  =  "ảnh.png">`,
	`<img src=""><a href=''>`, `<img srC="a" hReF='b'>`,
}

func TestReplaceRefsMatchesRegexp(t *testing.T) {
	for _, s := range refSamples {
		if got, want := viaScanner(s), viaRegexp(s); got != want {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want)
		}
	}
}

func FuzzReplaceRefs(f *testing.F) {
	for _, s := range refSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := viaScanner(s), viaRegexp(s); got != want {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want)
		}
	})
}

func TestReplaceRefsUnchanged(t *testing.T) {
	s := `<p><img src="a.png"> <a href="b">b</a></p>`
	if got := replaceRefs(s, func(string, string) (string, bool) { return "", false }); got != s {
		t.Errorf("untouched body changed: %q", got)
	}
}

func TestCountUnsafeGate(t *testing.T) {
	for s, want := range map[string]int{
		`<SCRIPT>x</SCRIPT>`: 1, `<img src=x ONERROR=alert(1)>`: 1, "<a\fonclick=x>": 1, `<p>Ủy ban</p>`: 0,
		`<a href="JavaScript:x">`: 1, `<p>Tổ chức Đảng <IFRAME src=x></p>`: 1,
	} {
		if got := countUnsafe(s); got != want {
			t.Errorf("countUnsafe(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestAnonymous(t *testing.T) {
	for _, c := range []struct {
		in, out string
		order   []int
	}{
		{`SAVEPOINT item`, `SAVEPOINT item`, nil},
		{`SELECT $1, $2 WHERE x = '$3'`, `SELECT ?, ? WHERE x = '$3'`, nil},
		{`VALUES ($1, $2, $4, $5, $3), ($1, $2, $6, $7, $3)`, `VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)`, []int{0, 1, 3, 4, 2, 0, 1, 5, 6, 2}},
		{`a <= $2 AND b > $2 AND "$1" = $1`, `a <= ? AND b > ? AND "$1" = ?`, []int{1, 1, 0}},
		{`x = $12`, `x = ?`, []int{11}},
	} {
		out, order := anonymous(c.in)
		if out != c.out || fmt.Sprint(order) != fmt.Sprint(c.order) {
			t.Errorf("anonymous(%q) = %q %v, want %q %v", c.in, out, order, c.out, c.order)
		}
	}
}
