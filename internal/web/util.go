package web

import (
	"net/http"
	"strconv"
	"unicode/utf8"
)

func itoa(n int) string { return strconv.Itoa(n) }

// pageNumber reads ?trang=N: absent means 1; anything that is not a page
// number a person could reach is a bad request.
func pageNumber(r *http.Request) (int, error) {
	v := r.URL.Query().Get("trang")
	if v == "" {
		return 1, nil
	}
	if len(v) > 6 {
		return 0, errNotFound
	}

	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, errBadRequest
	}

	return n, nil
}

// validQuery refuses query strings that no page of the site produces:
// overlong or not valid UTF-8 once decoded.
func validQuery(r *http.Request) error {
	if len(r.URL.RawQuery) > 2048 {
		return errBadRequest
	}

	for _, vs := range r.URL.Query() {
		for _, v := range vs {
			if !utf8.ValidString(v) {
				return errBadRequest
			}
		}
	}

	return nil
}

// pager describes a list split into pages.
type pager struct {
	Page, Pages int
	Base        string
}

func (p pager) Prev() string {
	if p.Page <= 1 {
		return ""
	}
	if p.Page == 2 {
		return p.Base
	}
	return p.Base + "?trang=" + strconv.Itoa(p.Page-1)
}

func (p pager) Next() string {
	if p.Page >= p.Pages {
		return ""
	}
	return p.Base + "?trang=" + strconv.Itoa(p.Page+1)
}
