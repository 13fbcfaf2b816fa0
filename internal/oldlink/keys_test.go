package oldlink

import (
	"net/url"
	"slices"
	"testing"
)

func TestKeys(t *testing.T) {
	t.Parallel()
	article5 := ArticleKey("5")
	category5 := CategoryKey("category", "5")
	tests := []struct {
		name string
		path string
		q    string
		want []string
	}{
		{"article by view and id with alias", "/index.php",
			"option=com_content&view=article&id=44:ket-qua&catid=11&Itemid=201", []string{ArticleKey("44")}},
		{"article by 1.5 task=view", "/index.php", "option=com_content&task=view&id=48&Itemid=3",
			[]string{ArticleKey("48")}},
		{"article by id alone", "/index.php", "id=5&option=com_content", []string{article5}},
		{"parameter names in any case", "/index.php", "OPTION=com_content&ID=5", []string{article5}},
		{"leading zeros of an id dropped", "/index.php", "option=com_content&view=article&id=007",
			[]string{ArticleKey("7")}},
		{"category view", "/index.php", "option=com_content&view=category&id=11&Itemid=5",
			[]string{CategoryKey("category", "11")}},
		{"categories view is a category", "/index.php", "option=com_content&view=categories&id=11",
			[]string{CategoryKey("category", "11")}},
		{"1.5 section view", "/index.php", "option=com_content&view=section&id=10",
			[]string{CategoryKey("section", "10")}},
		{"front page", "/index.php", "option=com_content&view=frontpage", []string{"/"}},
		{"featured view is the front page", "/index.php", "option=com_content&view=featured", []string{"/"}},
		{"content view without an id", "/index.php", "option=com_content&view=category", nil},
		{"unknown content view", "/index.php", "option=com_content&view=archive&id=5", nil},
		{"1.5 poll", "/index.php", "option=com_poll&id=3", []string{PollKey("3")}},
		{"poll without an id", "/index.php", "option=com_poll", nil},
		{"other component", "/index.php", "option=com_contact&id=3", nil},
		{"menu item on the home path", "/", "Itemid=201", []string{ItemKey("201"), "/"}},
		{"menu item beside a path is ignored", "/gioi-thieu", "Itemid=201", []string{"/gioi-thieu"}},
		{"plain path", "/gioi-thieu", "", []string{"/gioi-thieu"}},
		{"index.php and .html dropped", "/index.php/tin-tuc/5-bai.html", "",
			[]string{"/tin-tuc/5-bai", article5, category5}},
		{".htm and trailing slash dropped", "/tin-tuc/5-bai.htm/", "", []string{"/tin-tuc/5-bai", article5, category5}},
		{"numbered segment with a colon", "/tin-tuc/5:bai", "", []string{"/tin-tuc/5:bai", article5, category5}},
		{"language prefix", "/en/tin-tuc/5-bai", "",
			[]string{"/en/tin-tuc/5-bai", "/tin-tuc/5-bai", article5, category5}},
		{"language prefix with region", "/vi-vn/gioi-thieu", "", []string{"/vi-vn/gioi-thieu", "/gioi-thieu"}},
		{"upper case and decomposed letters", "/Tin-Tu\u0323c", "", []string{"/tin-tục"}},
		{"bare index.php", "/index.php", "", []string{"/"}},
		{"component article route with category", "/component/content/article/ket-qua", "catid=11:to-chuc",
			[]string{"/component/content/article/ket-qua?catid=11"}},
		{"catid only counts on the component route", "/tin-tuc/ket-qua", "catid=11", []string{"/tin-tuc/ket-qua"}},
		{"component poll route", "/component/poll/3-binh-chon", "",
			[]string{"/component/poll/3-binh-chon", PollKey("3")}},
		{"component category route", "/component/content/category/11-to-chuc", "",
			[]string{"/component/content/category/11-to-chuc", CategoryKey("category", "11")}},
		{"component section route", "/index.php/component/content/section/10", "",
			[]string{"/component/content/section/10", CategoryKey("section", "10")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			q, err := url.ParseQuery(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := Keys(tt.path, q); !slices.Equal(got, tt.want) {
				t.Errorf("Keys(%q, %q) = %q, want %q", tt.path, tt.q, got, tt.want)
			}
		})
	}
}

func TestLeadingID(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"123", "123"},
		{"123:ket-qua", "123"},
		{"123-ket-qua", "123"},
		{" 42 ", "42"},
		{"0042", "42"},
		{"ket-qua-123", ""},
		{"12345678901", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := LeadingID(tt.in); got != tt.want {
				t.Errorf("LeadingID(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAnAddressWithTwoSpellingsOfANameAlwaysGivesTheSameKeys(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name, q string
		want    []string
	}{
		{"the exact name wins", "id=5&ID=6&option=com_content", []string{ArticleKey("5")}},
		{"else the first in sort order", "Id=5&ID=6&option=com_content", []string{ArticleKey("6")}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			q, err := url.ParseQuery(c.q)
			if err != nil {
				t.Fatal(err)
			}
			// Map order differs from one range to the next.
			for range 50 {
				if got := Keys("/index.php", q); !slices.Equal(got, c.want) {
					t.Fatalf("Keys(%q) = %q, want %q", c.q, got, c.want)
				}
			}
		})
	}
}

func TestKeysDropControlCharacters(t *testing.T) {
	t.Parallel()
	got := Keys("/tin-tuc/5-bai\x00\r\n.html", nil)
	want := []string{"/tin-tuc/5-bai", ArticleKey("5"), CategoryKey("category", "5")}
	if !slices.Equal(got, want) {
		t.Errorf("Keys = %q, want %q", got, want)
	}
}
