package web

import (
	"context"
	"errors"
	"html/template"
	"net/http"
	"strings"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
)

// pageData is what the layout needs around every page's own content.
type pageData struct {
	Title       string
	Description string
	Canonical   string
	OGType      string
	OGImage     string
	Feed        string // RSS address for <link rel="alternate">
	Crumbs      []crumb
	Chrome      *chrome
	Main        any
}

type crumb struct {
	Name string
	URL  string
}

// chrome is the part of every page that is the same across the site: the
// header, navigation, sidebar and footer.
type chrome struct {
	Site        site.Settings
	Nav         []*content.Category
	Pages       []content.Page
	Poll        *poll.Results
	PollOpen    bool
	PollVoted   bool      // this visitor has voted: the sidebar shows results
	PollRows    []pollRow // results, when PollVoted
	Visits      int64
	Online      int64
	Periods     []counterRow // "Hôm nay", "Hôm qua"... as the counter_rows setting lists
	CurrentPath string
	Query       string // the search, kept in the header's search box

	// Top (header and menus), Side and Foot are the chrome made into HTML
	// when the page is rendered; memo keeps them for the next pages made
	// from the same shared chrome (fragments.go).
	Top, Side, Foot template.HTML
	memo            *fragmentMemo
}

// Active reports whether a navigation entry leads to the current page or
// one below it.
func (c *chrome) Active(prefix string) bool {
	if prefix == "/" {
		return c.CurrentPath == "/"
	}
	return strings.HasPrefix(c.CurrentPath, prefix)
}

// category finds a published category by id in the menus; nil if it is
// not there. The category is shared: read it, never change it.
func (c *chrome) category(id int64) *content.Category {
	var find func([]*content.Category) *content.Category
	find = func(cats []*content.Category) *content.Category {
		for _, cat := range cats {
			if cat.ID == id {
				return cat
			}
			if found := find(cat.Children); found != nil {
				return found
			}
		}
		return nil
	}

	return find(c.Nav)
}

// loadChrome gives the chrome of this request's page: the shared part
// (cached for a moment when the server has a chrome cache) and what
// depends on the visitor, whether they have voted in the current poll.
func (s *Server) loadChrome(ctx context.Context, r *http.Request) (*chrome, error) {
	shared, err := s.sharedChrome(ctx)
	if err != nil {
		return nil, err
	}

	c := new(chrome)
	*c = *shared
	c.CurrentPath = r.URL.Path
	if c.Poll == nil {
		return c, nil
	}

	c.PollOpen = c.Poll.AcceptsVotes(s.now())
	// What a page shows depends on the request alone, so that a page made
	// now and one from the page cache agree: a browser that voted carries
	// the marker cookie (set with the vote), and only then is the vote
	// looked up, to show its results. Everyone else, nearly every
	// visitor, gets the form without a query; the database still decides
	// whether a vote counts, so one who voted and lost the cookie is told
	// so if they vote again.
	if votedPolls(r)[c.Poll.ID] {
		if c.PollVoted, err = s.polls.HasVoted(ctx, c.Poll.ID, visitorKey(r)); err != nil {
			return nil, err
		}
	}

	if c.PollVoted {
		if s.shared != nil {
			// The voter is shown counts that include their own vote.
			switch res, err := s.polls.Results(ctx, s.cfg.SiteID, c.Poll.ID); {
			case err == nil:
				c.Poll = res
			case !errors.Is(err, store.ErrNotFound):
				return nil, err
			}
		}

		c.PollRows = pollRows(c.Poll)
		// Results instead of the form: this page is this visitor's.
		markPrivate(r)
	} else if h := hintsOf(r); h != nil && c.PollOpen {
		h.pollID = c.Poll.ID
	}

	return c, nil
}

// sharedChrome is the chrome as every visitor sees it, before the poll is
// told apart for voters. Callers copy it before changing it.
func (s *Server) sharedChrome(ctx context.Context) (*chrome, error) {
	if s.shared != nil {
		return s.shared.get(ctx, s.readChrome)
	}
	return s.readChrome(ctx)
}

// readChrome reads the shared chrome from the database.
func (s *Server) readChrome(ctx context.Context) (*chrome, error) {
	c := &chrome{memo: &fragmentMemo{}}
	var err error
	if c.Site, err = site.Load(ctx, s.db, s.cfg.SiteID); err != nil {
		return nil, err
	}
	if c.Site.SiteName == "" {
		c.Site.SiteName = s.text.T("site.default_name")
	}

	cats, err := s.content.Categories(ctx, s.cfg.SiteID)
	if err != nil {
		return nil, err
	}

	c.Nav = content.Tree(cats)
	if c.Pages, err = s.content.Pages(ctx, s.cfg.SiteID); err != nil {
		return nil, err
	}

	now := s.now()
	c.Poll, err = s.polls.Current(ctx, s.cfg.SiteID, now)
	switch {
	case errors.Is(err, store.ErrNotFound):
		c.Poll = nil
	case err != nil:
		return nil, err
	}

	totals, err := stats.ReadTotals(ctx, s.db, s.cfg.SiteID, now, s.cfg.OnlineWindow)
	if err != nil {
		return nil, err
	}

	c.Visits = c.Site.VisitsOffset + totals.Visits
	c.Online = totals.Online
	if c.Periods, err = s.counterRows(ctx, now); err != nil {
		return nil, err
	}

	return c, nil
}

// newPage starts the data of a page with the site's chrome.
func (s *Server) newPage(r *http.Request, title string) (*pageData, error) {
	c, err := s.loadChrome(r.Context(), r)
	if err != nil {
		return nil, err
	}

	p := &pageData{Chrome: c, OGType: "website", Feed: "/rss.xml", Canonical: s.absURL(r, r.URL.Path)}
	p.Description = c.Site.Tagline
	if title == "" {
		p.Title = c.Site.SiteName
	} else {
		p.Title = title + " - " + c.Site.SiteName
	}

	return p, nil
}

// renderError shows the error page for status, with the site's chrome
// when the database can still give it.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, status int) {
	key := handler.StatusKey(s.text, status)
	data := &pageData{Title: s.text.T(key + ".title"), OGType: "website"}
	if status != http.StatusInternalServerError {
		if c, err := s.loadChrome(r.Context(), r); err == nil {
			data.Chrome = c
			data.Title += " - " + c.Site.SiteName
		}
	}

	data.Main = errorView{Status: status, Title: s.text.T(key + ".title"), Text: s.text.T(key + ".text")}
	w.Header().Set("Cache-Control", "no-store")
	if err := s.render(w, status, "error", data); err != nil {
		s.log.Error("render error page", "err", err)
		http.Error(w, s.text.T(key+".title"), status)
	}
}

type errorView struct {
	Status int
	Title  string
	Text   string
}

// absURL makes an absolute address from a path, using the configured base
// URL or, without one, the request's own origin.
func (s *Server) absURL(r *http.Request, path string) string {
	base := strings.TrimRight(s.cfg.BaseURL, "/")
	if base == "" {
		base = s.requestOrigin(r)
	}

	return base + path
}

// requestOrigin is scheme and host as the visitor asked for them. The host
// is one the caller serves (the app refuses the others); the scheme is
// https only over TLS or when a trusted proxy says so.
func (s *Server) requestOrigin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || s.proxiedHTTPS(r) {
		scheme = "https"
	}
	return scheme + "://" + strings.ToLower(r.Host)
}

func bodyHTML(s string) template.HTML { return template.HTML(s) } // sanitised when saved
