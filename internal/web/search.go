package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/search"
	"github.com/congtin/congtin/internal/vn"
)

const searchPageSize = 10

// searchView is the search page: the form as the reader filled it, and
// one page of results.
type searchView struct {
	Query      string // as typed (NFC), for the form
	Category   string // chuyen-muc slug, as chosen
	From, To   string // tu, den as typed
	Newest     bool
	Categories []searchCategory
	Searched   bool // a query with words was run
	Total      int64
	More       bool // more matches than Total; the count reads "more than"
	Hits       []searchHit
	Pager      searchPager
	Notes      []string // filters that were ignored, in words for the reader
}

type searchCategory struct {
	Slug, Name string
	Depth      int
}

type searchHit struct {
	URL          string
	Title        template.HTML
	Snippet      template.HTML
	CategorySlug string
	CategoryName string
	PublishAt    time.Time
}

// search answers /tim-kiem?q=...&chuyen-muc=...&tu=dd/mm/yyyy&den=...
// &sap-xep=moi-nhat&trang=N. Whatever the parameters hold, the reader
// gets the search page: a filter that cannot be read is dropped with a
// note, never a 400 or a 500, because these addresses are typed and
// shared by people.
func (s *Server) search(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	params := r.URL.Query()
	v := searchView{
		Query:    clip(vn.NFC(params.Get("q")), 200),
		Category: clip(params.Get("chuyen-muc"), 100),
		From:     clip(vn.NFC(params.Get("tu")), 20),
		To:       clip(vn.NFC(params.Get("den")), 20),
		Newest:   params.Get("sap-xep") == "moi-nhat",
	}

	p, err := s.newPage(r, s.text.T("search.title"))
	if err != nil {
		return err
	}

	p.Chrome.Query = v.Query
	p.Crumbs = []crumb{{Name: s.text.T("search.title"), URL: "/tim-kiem"}}
	p.Main = &v
	opts := s.searchOptions(&v, p.Chrome)

	page := 1
	if n, err := strconv.Atoi(params.Get("trang")); err == nil && n > 1 && n <= 100000 {
		page = n
	}

	q := search.Parse(v.Query)
	v.Pager = searchPager{Page: page, Pages: 1, base: v.values()}
	if q.Empty() {
		if v.Query != "" {
			p.Title = v.Query + " - " + p.Title
		}
		return s.renderSearch(w, p)
	}

	v.Searched = true
	p.Title = v.Query + " - " + p.Title
	opts.Offset = (page - 1) * searchPageSize
	release, err := s.searching.acquire(ctx)
	if err != nil {
		return err
	}

	res, err := search.New(s.db).Search(ctx, q, opts)
	release()
	if err != nil {
		return err
	}

	v.Total, v.More = int64(res.Total), res.More
	v.Pager.Pages = max(1, (res.Total+searchPageSize-1)/searchPageSize)
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, searchHit{
			URL:   articleURL(h.CategorySlug, h.ID, h.Slug),
			Title: template.HTML(h.TitleHTML), // escaped by search.Highlight
			// escaped by search.Snippet; only <mark> is added
			Snippet:      template.HTML(h.Snippet),
			CategorySlug: h.CategorySlug,
			CategoryName: h.CategoryName,
			PublishAt:    h.PublishAt,
		})
	}

	return s.renderSearch(w, p)
}

// searchOptions reads the form's category and dates into the options of
// a search, and notes on v what it had to leave out.
func (s *Server) searchOptions(v *searchView, ch *chrome) search.Options {
	opts := search.Options{SiteID: s.cfg.SiteID, Now: s.now(), Newest: v.Newest, Limit: searchPageSize}
	for _, c := range flatten(ch.Nav) {
		depth := 0
		if c.ParentID != 0 {
			depth = 1
		}

		v.Categories = append(v.Categories, searchCategory{Slug: c.Slug, Name: c.Name, Depth: depth})
		if c.Slug == v.Category {
			opts.CategoryIDs = append([]int64{c.ID}, descendantIDs(c)...)
		}
	}

	if v.Category != "" && opts.CategoryIDs == nil {
		v.Notes = append(v.Notes, s.text.T("search.bad_category"))
		v.Category = ""
	}

	if v.From != "" {
		if t, err := vn.ParseDate(v.From); err == nil {
			opts.From = t
		} else {
			v.Notes = append(v.Notes, s.text.T("search.bad_date", v.From))
		}
	}

	if v.To != "" {
		if t, err := vn.ParseDate(v.To); err == nil {
			opts.To = t.AddDate(0, 0, 1) // "đến 31/12" includes that day
		} else {
			v.Notes = append(v.Notes, s.text.T("search.bad_date", v.To))
		}
	}

	return opts
}

func (s *Server) renderSearch(w http.ResponseWriter, p *pageData) error {
	// Results change with every article published and depend on the
	// query string only; keep shared caches from holding them long.
	w.Header().Set("Cache-Control", "public, max-age=60")
	// A results page is not content of its own for search engines.
	w.Header().Set("X-Robots-Tag", "noindex")
	return s.render(w, http.StatusOK, "search", p)
}

// values are the parameters that a pager link keeps.
func (v *searchView) values() url.Values {
	u := url.Values{}
	u.Set("q", v.Query)
	if v.Category != "" {
		u.Set("chuyen-muc", v.Category)
	}
	if v.From != "" {
		u.Set("tu", v.From)
	}
	if v.To != "" {
		u.Set("den", v.To)
	}
	if v.Newest {
		u.Set("sap-xep", "moi-nhat")
	}

	return u
}

// searchPager is a pager whose links keep the search's parameters; it
// offers what the "pager" partial calls.
type searchPager struct {
	Page, Pages int
	base        url.Values
}

func (p searchPager) link(page int) string {
	u := url.Values{}
	for k, vs := range p.base {
		u[k] = vs
	}
	if page > 1 {
		u.Set("trang", strconv.Itoa(page))
	}
	return "/tim-kiem?" + u.Encode()
}

func (p searchPager) Prev() string {
	if p.Page <= 1 {
		return ""
	}
	return p.link(min(p.Page-1, p.Pages))
}

func (p searchPager) Next() string {
	if p.Page >= p.Pages {
		return ""
	}
	return p.link(p.Page + 1)
}

// clip cuts s to at most n bytes at a character boundary.
func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
