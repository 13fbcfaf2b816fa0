package web

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"sync"
)

// The header with its navigation, the sidebar and the footer are most of
// a page's template work (a hundred or more actions: menus, poll options,
// counters, footer lines) and the same on thousands of pages. They are
// made once per shared chrome, in as many variants as the pages need
// (which menu entry is active, whether the poll takes votes), and placed
// in the layout as finished HTML. What belongs to one visitor (a voter's
// results, the search box holding their query) is made for their page
// alone.

// fragmentMemo holds the fragments made from one shared chrome. Copies of
// the chrome share it, so it lives exactly as long as the chrome entry:
// a content change or the chrome's time to live drops both.
type fragmentMemo struct {
	mu      sync.Mutex
	m       map[string]template.HTML
	related map[int64]*relatedList // by category (related.go)
}

// relatedOf returns a category's list made earlier from this chrome.
func (f *fragmentMemo) relatedOf(categoryID int64) (*relatedList, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	items, ok := f.related[categoryID]
	return items, ok
}

func (f *fragmentMemo) putRelated(categoryID int64, l *relatedList) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.related == nil {
		f.related = map[int64]*relatedList{}
	}
	f.related[categoryID] = l
}

func (f *fragmentMemo) get(key string) (template.HTML, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.m[key]
	return h, ok
}

func (f *fragmentMemo) put(key string, h template.HTML) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.m == nil {
		f.m = map[string]template.HTML{}
	}
	f.m[key] = h
}

// fillFragments sets c.Top, c.Side and c.Foot from set's partials, reusing
// what an earlier page made from the same shared chrome.
func fillFragments(set *template.Template, c *chrome) error {
	var err error
	topKey := ""
	if c.Query == "" {
		topKey = c.activeKey()
	}
	if c.Top, err = c.fragment(set, "top", topKey); err != nil {
		return err
	}

	sideKey := ""
	if !c.PollVoted {
		sideKey = "side:" + strconv.FormatBool(c.PollOpen)
	}
	if c.Side, err = c.fragment(set, "sidebar", sideKey); err != nil {
		return err
	}

	c.Foot, err = c.fragment(set, "footer", "footer")
	return err
}

// fragment executes the partial name for c, or returns the one made
// before under key; an empty key means the fragment is this page's own.
// Every chrome has a memo (readChrome makes it); without a chrome cache
// each page reads its own chrome, so nothing is shared between pages.
func (c *chrome) fragment(set *template.Template, name, key string) (template.HTML, error) {
	if key != "" {
		if h, ok := c.memo.get(key); ok {
			return h, nil
		}
	}

	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, c); err != nil {
		return "", fmt.Errorf("render %s: %w", name, err)
	}

	h := template.HTML(buf.String()) // made by html/template: escaped
	if key != "" {
		c.memo.put(key, h)
	}

	return h, nil
}

// activeKey names the header variant this page needs: which menu entries
// are marked active. Addresses outside the menus share one variant, so the
// number of variants is bounded by the menus, not by the addresses asked.
func (c *chrome) activeKey() string {
	b := []byte("top")
	if c.Active("/") {
		b = append(b, ":h"...)
	}

	for i, cat := range c.Nav {
		if c.Active(categoryURL(cat.Slug)) {
			b = append(b, ":c"...)
			b = strconv.AppendInt(b, int64(i), 10)
		}
	}

	for i, p := range c.Pages {
		if c.Active("/trang/" + p.Slug) {
			b = append(b, ":p"...)
			b = strconv.AppendInt(b, int64(i), 10)
		}
	}

	return string(b)
}
