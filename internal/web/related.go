package web

import (
	"bytes"
	"context"
	"html/template"
	"time"

	"github.com/congtin/congtin/internal/content"
)

// relatedCount is how many "Tin khác" the article page lists; the
// department's Joomla site shows fifteen.
const relatedCount = 15

// relatedList is a category's newest relatedCount+1 articles as HTML list
// items, one after the other in html; item i is html[at[i]:at[i+1]].
type relatedList struct {
	ids  []int64
	html string
	at   []int
}

// related lists the newest articles of a category other than exclude, as
// HTML list items; empty when there are none. Every article of a category
// shows the same list but for itself, so the category's newest
// relatedCount+1 are made once per shared chrome (fragments.go) and each
// page leaves out its own article: a slice of the made list, or two
// slices joined.
func (s *Server) related(
	ctx context.Context,
	c *chrome,
	categoryID, exclude int64,
	now time.Time,
) (template.HTML, error) {
	l, ok := c.memo.relatedOf(categoryID)
	if !ok {
		var err error
		if l, err = s.makeRelated(ctx, categoryID, now); err != nil {
			return "", err
		}

		c.memo.putRelated(categoryID, l)
	}

	return template.HTML(l.without(exclude)), nil
}

// without is the list's first relatedCount items other than exclude.
func (l *relatedList) without(exclude int64) string {
	n := min(len(l.ids), relatedCount)
	for k := 0; k < n; k++ {
		if l.ids[k] == exclude {
			end := l.at[min(len(l.ids), relatedCount+1)]
			return l.html[:l.at[k]] + l.html[l.at[k+1]:end]
		}
	}
	return l.html[:l.at[n]]
}

func (s *Server) makeRelated(ctx context.Context, categoryID int64, now time.Time) (*relatedList, error) {
	list, err := s.content.ListPublished(ctx, content.ListOptions{
		SiteID: s.cfg.SiteID, CategoryIDs: []int64{categoryID}, Limit: relatedCount + 1}, now)
	if err != nil {
		return nil, err
	}

	set := s.pages.sets["article"]
	l := &relatedList{at: []int{0}}
	var buf bytes.Buffer
	for i := range list {
		if err := set.ExecuteTemplate(&buf, "related-item", &list[i]); err != nil {
			return nil, err
		}

		l.ids = append(l.ids, list[i].ID)
		l.at = append(l.at, buf.Len())
	}

	l.html = buf.String() // made by html/template: escaped
	return l, nil
}
