package demo

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// seedPath is the copy of the reference page of the department's current
// Joomla site, relative to this package's directory.
const seedPath = "../../../shared/seed/000_a969f393d4512552.txt"

// seedPage is the parsed reference page.
type seedPage struct {
	text      string
	dateLine  string   // "Tổ chức Đảng 2015-01-28 08:10:58"
	body      []string // article paragraphs, trimmed
	author    string   // the line after the body
	others    []string // the "Tin khác" lines
	afterList []string // the non-empty lines after the second "Tin khác"
}

func readSeed(t *testing.T) *seedPage {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("seed page %s not found", seedPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	s := &seedPage{text: string(b)}
	lines := strings.Split(strings.ReplaceAll(s.text, "\r\n", "\n"), "\n")
	i := 0
	for ; i < len(lines); i++ {
		if strings.HasSuffix(strings.TrimSpace(lines[i]), " "+Reference.Published) {
			s.dateLine = strings.TrimSpace(lines[i])
			break
		}
	}
	if s.dateLine == "" {
		t.Fatalf("seed: no line ending in the date %q", Reference.Published)
	}
	for i++; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if l == Reference.Author {
			s.author = l
			break
		}
		if l != "" {
			s.body = append(s.body, l)
		}
	}
	if s.author == "" {
		t.Fatalf("seed: no author line %q after the body", Reference.Author)
	}
	for ; i < len(lines) && strings.TrimSpace(lines[i]) != "Tin khác"; i++ {
	}
	for i++; i < len(lines) && strings.TrimSpace(lines[i]) != "Tin khác"; i++ {
		if l := strings.TrimSpace(lines[i]); l != "" {
			s.others = append(s.others, l)
		}
	}
	for i++; i < len(lines); i++ {
		if l := strings.TrimSpace(lines[i]); l != "" {
			s.afterList = append(s.afterList, l)
		}
	}
	return s
}

func TestReferenceMatchesSeed(t *testing.T) {
	s := readSeed(t)
	if want := categoryName(t, Reference.Category) + " " + Reference.Published; s.dateLine != want {
		t.Errorf("seed date line = %q, want %q", s.dateLine, want)
	}
	if len(Reference.Body) != len(s.body) {
		t.Errorf("Reference has %d paragraphs, the seed %d", len(Reference.Body), len(s.body))
	}
	for i, p := range Reference.Body {
		if !strings.Contains(s.text, p) {
			t.Errorf("paragraph %d does not appear in the seed unchanged: %.80q...", i+1, p)
		}
		if i < len(s.body) && p != s.body[i] {
			t.Errorf("paragraph %d differs from the seed's paragraph %d", i+1, i+1)
		}
	}
	if Reference.Intro != "" && !strings.HasPrefix(Reference.Body[0], Reference.Intro) {
		t.Errorf("Intro is not the start of the first paragraph")
	}
}

var otherLine = regexp.MustCompile(`^(.+) \((\d{2})/(\d{2})/(\d{4})\)$`)

func TestPartyArticlesMatchSeed(t *testing.T) {
	s := readSeed(t)
	if len(PartyArticles) != len(s.others) {
		t.Fatalf("PartyArticles has %d articles, the seed's Tin khác list %d", len(PartyArticles), len(s.others))
	}
	for i, l := range s.others {
		m := otherLine.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("seed Tin khác line %d not understood: %q", i+1, l)
			continue
		}
		a := PartyArticles[i]
		if a.Title != m[1] {
			t.Errorf("PartyArticles[%d].Title = %q, seed has %q", i, a.Title, m[1])
		}
		if date := m[4] + "-" + m[3] + "-" + m[2]; !strings.HasPrefix(a.Published, date+" ") {
			t.Errorf("PartyArticles[%d].Published = %q, seed has %s", i, a.Published, date)
		}
		if a.Category != "to-chuc-dang" {
			t.Errorf("PartyArticles[%d].Category = %q", i, a.Category)
		}
	}
}

func TestSettingsAndPollMatchSeed(t *testing.T) {
	s := readSeed(t)
	lines := s.afterList
	if len(lines) == 0 || lines[0] != DemoPoll.Question {
		t.Errorf("poll question: seed has %q, want %q", firstLine(lines), DemoPoll.Question)
	}
	has := func(l string) bool { return slices.Contains(lines, l) }
	for _, k := range []string{"agency", "editor_in_chief", "licence", "address"} {
		if !has(Settings[k]) {
			t.Errorf("Settings[%q] = %q is not a line of the seed's footer", k, Settings[k])
		}
	}
	if l := "Điện thoại: " + Settings["phone"] + " - Fax: " + Settings["fax"]; !has(l) {
		t.Errorf("seed footer has no line %q", l)
	}
	if l := "Số lượt truy cập: " + Settings["visits_offset"]; !has(l) {
		t.Errorf("seed has no line %q", l)
	}
}

func firstLine(l []string) string {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

func categoryName(t *testing.T, slug string) string {
	t.Helper()
	for _, c := range Categories {
		if c.Slug == slug {
			return c.Name
		}
	}
	t.Fatalf("no category %q", slug)
	return ""
}

// The tests below do not need the seed.

func allArticles() []Article {
	all := []Article{Reference}
	all = append(all, PartyArticles...)
	return append(all, MoreArticles...)
}

func TestCategories(t *testing.T) {
	slugs := map[string]bool{}
	for _, c := range Categories {
		if slugs[c.Slug] {
			t.Errorf("duplicate category %q", c.Slug)
		}
		slugs[c.Slug] = true
		if c.Name == "" || c.Description == "" {
			t.Errorf("category %q lacks a name or a description", c.Slug)
		}
	}
	for _, c := range Categories {
		if c.Parent != "" && !slugs[c.Parent] {
			t.Errorf("category %q: unknown parent %q", c.Slug, c.Parent)
		}
	}
	if len(Categories) != 7 {
		t.Errorf("%d categories, want 7", len(Categories))
	}
}

func TestArticles(t *testing.T) {
	t.Run("every article has a known category, a unique title, a date, an author and clean paragraphs",
		func(t *testing.T) {
			cats := map[string]bool{}
			for _, c := range Categories {
				cats[c.Slug] = true
			}
			images := map[string]bool{"lab": true, "field": true, "meeting": true, "award": true, "city": true,
				"document": true}
			titles := map[string]bool{}
			for _, a := range allArticles() {
				if !cats[a.Category] {
					t.Errorf("%q: unknown category %q", a.Title, a.Category)
				}
				if titles[a.Title] {
					t.Errorf("duplicate title %q", a.Title)
				}
				titles[a.Title] = true
				if _, err := time.Parse(demoLayout, a.Published); err != nil {
					t.Errorf("%q: Published: %v", a.Title, err)
				}
				if a.Author == "" {
					t.Errorf("%q: no author", a.Title)
				}
				if a.Image != "" && !images[a.Image] {
					t.Errorf("%q: unknown image scheme %q", a.Title, a.Image)
				}
				if len(a.Body) == 0 {
					t.Errorf("%q: empty body", a.Title)
				}
				for i, p := range a.Body {
					if p == "" || strings.TrimSpace(p) != p {
						t.Errorf("%q: paragraph %d is empty or has surrounding spaces", a.Title, i+1)
					}
				}
			}
		})

	t.Run("party articles have three to five paragraphs and believable hits", func(t *testing.T) {
		for _, a := range PartyArticles {
			if n := len(a.Body); n < 3 || n > 5 {
				t.Errorf("party article %q has %d paragraphs", a.Title, n)
			}
			if a.Hits < 100 || a.Hits > 3000 {
				t.Errorf("party article %q has %d hits", a.Title, a.Hits)
			}
		}
	})

	t.Run("the other articles fill every category, with intros, recent dates, a few featured and some images",
		func(t *testing.T) {
			count := map[string]int{}
			featured, images := 0, 0
			var newestFeatured string
			for _, a := range MoreArticles {
				count[a.Category]++
				if n := len(a.Body); n < 2 || n > 5 {
					t.Errorf("%q has %d paragraphs", a.Title, n)
				}
				if a.Intro == "" {
					t.Errorf("%q has no intro", a.Title)
				}
				if a.Published < "2019-01-01" || a.Published > "2021-02-10 23:59:59" {
					t.Errorf("%q published %s, outside 2019 - 2021-02-10", a.Title, a.Published)
				}
				if a.Featured {
					featured++
					if a.Category == "tin-tuc-su-kien" && a.Published > newestFeatured {
						newestFeatured = a.Published
					}
				}
				if a.Image != "" {
					images++
				}
			}
			want := map[string]int{
				"tin-tuc-su-kien": 14, "khoa-hoc-cong-nghe": 6, "so-huu-tri-tue": 3,
				"tieu-chuan-do-luong-chat-luong": 3, "van-ban-chinh-sach": 5, "thong-bao": 3,
			}
			for c, n := range want {
				if count[c] < n {
					t.Errorf("%d articles in %s, want at least %d", count[c], c, n)
				}
			}
			if len(MoreArticles) < 34 {
				t.Errorf("%d MoreArticles, want at least 34", len(MoreArticles))
			}
			if featured < 2 || featured > 3 {
				t.Errorf("%d featured articles, want 2 or 3", featured)
			}
			if newestFeatured < "2021-02-01" {
				t.Errorf("no recent featured article in tin-tuc-su-kien")
			}
			if images*4 < len(MoreArticles) || images*2 > len(MoreArticles) {
				t.Errorf("%d of %d articles have an image, want about a third", images, len(MoreArticles))
			}
		})
}

// TestSearchWords checks that the demo texts contain the words the search
// tests rely on, in both spellings where Vietnamese has two.
func TestSearchWords(t *testing.T) {
	var b strings.Builder
	for _, a := range MoreArticles {
		b.WriteString(strings.Join(a.Body, "\n"))
		b.WriteString("\n")
	}
	text := strings.ToLower(b.String())
	for _, w := range []string{"đảng bộ", "chỉ thị", "đang", "dạng", "hòa", "hoà", "thủy", "thuỷ", "khỏe", "khoẻ", "quý", "quí"} {
		if !strings.Contains(text, w) {
			t.Errorf("no article body contains %q", w)
		}
	}
}

func TestPages(t *testing.T) {
	want := map[string][2]int{"gioi-thieu": {5, 8}, "lien-he": {3, 5}}
	for _, p := range Pages {
		r, ok := want[p.Slug]
		if !ok {
			t.Errorf("unexpected page %q", p.Slug)
			continue
		}
		delete(want, p.Slug)
		if n := len(p.Body); n < r[0] || n > r[1] {
			t.Errorf("page %q has %d paragraphs, want %d to %d", p.Slug, n, r[0], r[1])
		}
	}
	for s := range want {
		t.Errorf("missing page %q", s)
	}
}

func TestSettingsKeys(t *testing.T) {
	keys := []string{"site_name", "agency", "editor_in_chief", "licence", "address", "phone", "fax", "tagline", "visits_offset"}
	if len(Settings) != len(keys) {
		t.Errorf("Settings has %d keys, want %d", len(Settings), len(keys))
	}
	for _, k := range keys {
		if Settings[k] == "" {
			t.Errorf("Settings[%q] is empty", k)
		}
	}
}

func TestPollVotes(t *testing.T) {
	if len(DemoPoll.Votes) != len(DemoPoll.Options) {
		t.Fatalf("%d vote lists for %d options", len(DemoPoll.Votes), len(DemoPoll.Options))
	}
	var all []string
	for i, v := range DemoPoll.Votes {
		if len(v) == 0 {
			t.Errorf("option %d has no votes", i)
		}
		if !slices.IsSorted(v) {
			t.Errorf("votes of option %d are not in time order", i)
		}
		for _, s := range v {
			if _, err := time.Parse(demoLayout, s); err != nil {
				t.Errorf("option %d: %v", i, err)
			}
		}
		all = append(all, v...)
	}
	if n := len(all); n < 40 || n > 120 {
		t.Errorf("%d votes, want 40 to 120", n)
	}
	slices.Sort(all)
	if all[0] != "2014-06-02 09:14:27" || all[len(all)-1] != "2021-02-15 16:02:41" {
		t.Errorf("votes run from %s to %s", all[0], all[len(all)-1])
	}
	if len(slices.Compact(slices.Clone(all))) != len(all) {
		t.Errorf("two votes at the same time")
	}
	if DemoPoll.Opens > all[0] {
		t.Errorf("poll opens at %s, after the first vote", DemoPoll.Opens)
	}
	// Same result every time: the votes are computed, not random.
	if again := pollVotes(); !slices.EqualFunc(again, DemoPoll.Votes, slices.Equal[[]string]) {
		t.Errorf("pollVotes is not deterministic")
	}
}

// TestNFC checks that every demo string is NFC-normalised.
func TestNFC(t *testing.T) {
	check := func(where, s string) {
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%s is not NFC: %.60q", where, s)
		}
	}
	for _, a := range allArticles() {
		for _, s := range append([]string{a.Title, a.Author, a.Intro}, a.Body...) {
			check("article "+a.Title, s)
		}
	}
	for _, c := range Categories {
		check("category "+c.Slug, c.Name+c.Description)
	}
	for _, p := range Pages {
		for _, s := range append([]string{p.Title}, p.Body...) {
			check("page "+p.Slug, s)
		}
	}
	for k, v := range Settings {
		check("setting "+k, v)
	}
	for _, o := range append([]string{DemoPoll.Question}, DemoPoll.Options...) {
		check("poll", o)
	}
}
