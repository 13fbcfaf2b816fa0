package oldlink

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzKeys holds Keys to what both sides of a redirect rely on, for any
// path and query a visitor can send: the same address always gives the
// same keys (the importer and the public site compute them apart), and
// every key is a path a database column can hold: valid UTF-8, starting
// with "/", without control characters (PostgreSQL refuses NUL in text).
func FuzzKeys(f *testing.F) {
	for _, c := range [][2]string{
		{"/index.php", "option=com_content&view=article&id=44:ket-qua&catid=11&Itemid=201"},
		{"/index.php", "option=com_content&task=view&id=48&Itemid=3"},
		{"/index.php", "OPTION=com_content&ID=5"},
		{"/index.php", "id=5&ID=6&option=com_content"},
		{"/index.php", "option=com_content&view=categories&id=11"},
		{"/index.php", "option=com_content&view=featured"},
		{"/index.php", "option=com_poll&id=3"},
		{"/", "Itemid=201"},
		{"/index.php/tin-tuc/5-bai.html", ""},
		{"/en/tin-tuc/5-bai", ""},
		{"/Tin-Tu\u0323c", ""},
		{"/component/content/article/ket-qua", "catid=11:to-chuc"},
		{"/index.php/component/content/section/10", ""},
		{"/tin-tuc/5-bai\x00.html", ""},
		{"/a\xff/b\r\n", "Itemid=1\x00"},
		{"", ""},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, path, rawQuery string) {
		q, _ := url.ParseQuery(rawQuery)
		got := Keys(path, q)

		for range 3 {
			if again := Keys(path, cloneQuery(q)); !slices.Equal(again, got) {
				t.Fatalf("Keys(%q, %q) = %q, then %q", path, rawQuery, got, again)
			}
		}
		for _, k := range got {
			if !strings.HasPrefix(k, "/") || !utf8.ValidString(k) || strings.IndexFunc(k, unicode.IsControl) >= 0 {
				t.Fatalf("Keys(%q, %q) has key %q", path, rawQuery, k)
			}
		}
	})
}

// cloneQuery copies q into a new map, whose iteration order is its own.
func cloneQuery(q url.Values) url.Values {
	c := make(url.Values, len(q))
	for k, vs := range q {
		c[k] = slices.Clone(vs)
	}
	return c
}
