package web

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"strconv"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/site"
)

const feedItems = 30

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Self        rssAtom   `xml:"atom:link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	LastBuild   string    `xml:"lastBuildDate,omitempty"`
	Items       []rssItem `xml:"item"`
}

type rssAtom struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string     `xml:"title"`
	Link        string     `xml:"link"`
	GUID        rssGUID    `xml:"guid"`
	PubDate     string     `xml:"pubDate"`
	Category    string     `xml:"category"`
	Description string     `xml:"description"`
	Enclosure   *enclosure `xml:"enclosure,omitempty"`
}

type rssGUID struct {
	Value       string `xml:",chardata"`
	IsPermaLink bool   `xml:"isPermaLink,attr"`
}

type enclosure struct {
	URL    string `xml:"url,attr"`
	Type   string `xml:"type,attr"`
	Length int    `xml:"length,attr"`
}

func (s *Server) siteFeed(w http.ResponseWriter, r *http.Request) error {
	return s.feed(w, r, nil)
}

func (s *Server) categoryFeed(w http.ResponseWriter, r *http.Request) error {
	cat, err := s.content.CategoryBySlug(r.Context(), s.cfg.SiteID, r.PathValue("category"))
	if err != nil {
		return err
	}
	return s.feed(w, r, cat)
}

func (s *Server) feed(w http.ResponseWriter, r *http.Request, cat *content.Category) error {
	ctx := r.Context()
	settings, err := site.Load(ctx, s.db, s.cfg.SiteID)
	if err != nil {
		return err
	}

	opts := content.ListOptions{SiteID: s.cfg.SiteID, Limit: feedItems}
	title := settings.SiteName
	link := s.absURL(r, "/")
	self := s.absURL(r, "/rss.xml")
	if cat != nil {
		cats, err := s.content.Categories(ctx, s.cfg.SiteID)
		if err != nil {
			return err
		}

		opts.CategoryIDs = []int64{cat.ID}
		for _, c := range flatten(content.Tree(cats)) {
			if c.ID == cat.ID {
				opts.CategoryIDs = append(opts.CategoryIDs, descendantIDs(c)...)
			}
		}

		title = cat.Name + " - " + settings.SiteName
		link = s.absURL(r, categoryURL(cat.Slug))
		self = s.absURL(r, categoryURL(cat.Slug)+"rss.xml")
	}

	list, err := s.content.ListPublished(ctx, opts, s.now())
	if err != nil {
		return err
	}

	feed := rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: rssChannel{
		Title: title, Link: link, Description: settings.Tagline, Language: "vi",
		Self: rssAtom{Href: self, Rel: "self", Type: "application/rss+xml"},
	}}
	if feed.Channel.Description == "" {
		feed.Channel.Description = title
	}

	for i, a := range list {
		u := s.absURL(r, articleURL(a.CategorySlug, a.ID, a.Slug))
		item := rssItem{Title: a.Title, Link: u, GUID: rssGUID{Value: u, IsPermaLink: true},
			PubDate: a.PublishAt.Format(time.RFC1123Z), Category: a.CategoryName, Description: a.Excerpt}
		if a.Image != nil {
			item.Enclosure = &enclosure{URL: s.absURL(r, imageURL(a.Image)), Type: a.Image.Mime}
		}
		if i == 0 {
			feed.Channel.LastBuild = a.PublishAt.Format(time.RFC1123Z)
		}

		feed.Channel.Items = append(feed.Channel.Items, item)
	}

	return writeXML(w, "application/rss+xml; charset=utf-8", feed)
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemapLimit is the protocol's limit of addresses in one sitemap file.
const sitemapLimit = 50000

func (s *Server) sitemap(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	set.URLs = append(set.URLs, sitemapURL{Loc: s.absURL(r, "/")})
	cats, err := s.content.Categories(ctx, s.cfg.SiteID)
	if err != nil {
		return err
	}

	for _, c := range cats {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.absURL(r, categoryURL(c.Slug))})
	}

	pages, err := s.content.Pages(ctx, s.cfg.SiteID)
	if err != nil {
		return err
	}

	for _, p := range pages {
		set.URLs = append(set.URLs,
			sitemapURL{Loc: s.absURL(r, "/trang/"+p.Slug), LastMod: p.UpdatedAt.Format("2006-01-02")})
	}

	entries, err := s.content.Sitemap(ctx, s.cfg.SiteID, s.now(), sitemapLimit-len(set.URLs))
	if err != nil {
		return err
	}

	for _, e := range entries {
		set.URLs = append(set.URLs, sitemapURL{Loc: s.absURL(r, articleURL(e.CategorySlug, e.ID, e.Slug)),
			LastMod: e.Updated.Format("2006-01-02")})
	}

	return writeXML(w, "application/xml; charset=utf-8", set)
}

func writeXML(w http.ResponseWriter, contentType string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return err
	}

	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	_, err := w.Write(buf.Bytes())
	return err
}

func (s *Server) robots(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	body := "User-agent: *\nDisallow: /quan-tri/\nDisallow: /tim-kiem\nSitemap: " + s.absURL(r, "/sitemap.xml") + "\n"
	_, err := w.Write([]byte(body))
	return err
}
