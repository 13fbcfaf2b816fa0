package web

import (
	"bytes"
	"context"
	"html/template"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/content"
)

// relatedCount is how many "Tin khác" the article page lists; the
// department's Joomla site shows fifteen.
const relatedCount = 15

// relatedItem is one entry of a category's "Tin khác" list, made into
// HTML once.
type relatedItem struct {
	id   int64
	html template.HTML
}

// related lists the newest articles of a category other than exclude, as
// HTML list items; empty when there are none. Every article of a category shows the same list but
// for itself, so the category's newest relatedCount+1 are made once per
// shared chrome (fragments.go) and each page leaves out its own article.
func (s *Server) related(ctx context.Context, c *chrome, categoryID, exclude int64, now time.Time) (template.HTML, error) {
	items, ok := c.memo.relatedOf(categoryID)
	if !ok {
		list, err := s.content.ListPublished(ctx, content.ListOptions{
			SiteID: s.cfg.SiteID, CategoryIDs: []int64{categoryID}, Limit: relatedCount + 1}, now)
		if err != nil {
			return "", err
		}
		set := s.pages.sets["article"]
		items = make([]relatedItem, 0, len(list))
		var buf bytes.Buffer
		for i := range list {
			buf.Reset()
			if err := set.ExecuteTemplate(&buf, "related-item", &list[i]); err != nil {
				return "", err
			}
			items = append(items, relatedItem{id: list[i].ID, html: template.HTML(buf.String())})
		}
		c.memo.putRelated(categoryID, items)
	}
	// One piece of HTML for the whole list: the template places it with
	// one action instead of fifteen.
	var b strings.Builder
	n := 0
	for _, it := range items {
		if it.id != exclude && n < relatedCount {
			b.WriteString(string(it.html))
			n++
		}
	}
	return template.HTML(b.String()), nil
}
