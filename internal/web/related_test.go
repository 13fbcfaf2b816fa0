package web

import (
	"strconv"
	"strings"
	"testing"
)

func TestRelatedListLeavesOutTheArticle(t *testing.T) {
	list := func(n int) *relatedList {
		l := &relatedList{at: []int{0}}
		var b strings.Builder
		for i := 1; i <= n; i++ {
			b.WriteString("<li>" + strconv.Itoa(i) + "</li>")
			l.ids = append(l.ids, int64(i))
			l.at = append(l.at, b.Len())
		}
		l.html = b.String()
		return l
	}
	items := func(from, to int, skip int) string {
		var b strings.Builder
		for i := from; i <= to; i++ {
			if i != skip {
				b.WriteString("<li>" + strconv.Itoa(i) + "</li>")
			}
		}
		return b.String()
	}
	tests := []struct {
		name    string
		n       int
		exclude int64
		want    string
	}{
		{"another category's article: the newest fifteen", 16, 99, items(1, 15, 0)},
		{"the newest itself", 16, 1, items(2, 16, 0)},
		{"one in the middle", 16, 7, items(1, 16, 7)},
		{"the fifteenth", 16, 15, items(1, 16, 15)},
		{"the sixteenth, not shown anyway", 16, 16, items(1, 15, 0)},
		{"a small category", 4, 2, items(1, 4, 2)},
		{"a small category, another article", 4, 9, items(1, 4, 0)},
		{"the only article", 1, 1, ""},
		{"an empty category", 0, 1, ""},
	}
	for _, tt := range tests {
		if got := list(tt.n).without(tt.exclude); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
