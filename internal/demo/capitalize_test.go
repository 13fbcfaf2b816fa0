package demo

import "testing"

func TestCapitalize(t *testing.T) {
	for in, want := range map[string]string{
		"đây là kết quả": "Đây là kết quả",
		"ưu tiên":        "Ưu tiên",
		"ổn định":        "Ổn định",
		"ơn nghĩa":       "Ơn nghĩa",
		"năm 2015":       "Năm 2015",
		"Đảng bộ":        "Đảng bộ",
		"2015 là năm":    "2015 là năm",
		"":               "",
	} {
		if got := capitalize(in); got != want {
			t.Errorf("capitalize(%q) = %q, want %q", in, got, want)
		}
	}
}
