package content

import (
	"fmt"
	"strings"
	"testing"
)

// FuzzWordLists aims at the Word list converter, which FuzzSanitizeHTML
// reaches only when its input happens to carry mso-list styles: each
// level byte becomes one list paragraph as Word writes it, with the typed
// marker and extra text the fuzzer chooses. The output must pass the
// sanitiser's invariants (no script, no event handler, no javascript:
// URL), be stable when sanitised again, and keep every item's words.
func FuzzWordLists(f *testing.F) {
	f.Add([]byte{1, 1, 2, 2, 1}, "1.", "")
	f.Add([]byte{1, 2, 3, 9, 0, 12}, "iv.", " Đà Nẵng")
	f.Add([]byte{2, 1}, "·", "<b>đậm</b>")
	f.Add([]byte{1, 1}, "a)", `<img src=x onerror=alert(1)>`)
	f.Add([]byte{1}, "(3)", `<a href="javascript:alert(1)">x</a><script>alert(1)</script>`)
	f.Add([]byte{3, 1, 3}, "1.2.", "<![endif]><p style='mso-list:l0 level2 lfo1'>")
	f.Add([]byte{1, 0, 1}, "§", "<!--")
	f.Fuzz(func(t *testing.T, levels []byte, marker, extra string) {
		if len(levels) > 16 || len(marker) > 64 || len(extra) > 512 {
			return
		}
		var b strings.Builder
		for i, l := range levels {
			if l == 0 {
				b.WriteString("<p class=MsoNormal>đoạn giữa</p>\n")
				continue
			}
			fmt.Fprintf(&b, "<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l1 level%d lfo2'>"+
				"<![if !supportLists]><span style='font-family:Symbol'>%s<span style='font:7.0pt \"Times New Roman\"'>"+
				"&nbsp;&nbsp; </span></span><![endif]>mục %d%s<o:p></o:p></p>\n", l%12, marker, i, extra)
		}
		in := b.String()

		out := SanitizeHTML(in)
		if bad := unsafeParts(out); len(bad) > 0 {
			t.Fatalf("SanitizeHTML(%q) = %q, unsafe: %v", in, out, bad)
		}
		if again := SanitizeHTML(out); again != out {
			t.Fatalf("not stable for %q:\nonce:  %q\ntwice: %q", in, out, again)
		}
		if strings.ContainsAny(marker+extra, "<>&") {
			return
		}
		for i, l := range levels {
			if l != 0 && !strings.Contains(out, fmt.Sprintf("mục %d", i)) {
				t.Fatalf("item %d lost: SanitizeHTML(%q) = %q", i, in, out)
			}
		}
	})
}
