package web

import (
	"net/http"
)

// renderUnavailable answers 503: the page cannot be made for now (the
// database is down, read-only or out of space) and no cached copy can
// stand in. message is why, from the catalogue, or "" for the general
// text. The page is drawn without the site's chrome, which would ask the
// database that just failed; the adapter has set Retry-After.
func (s *Server) renderUnavailable(w http.ResponseWriter, r *http.Request, message string) {
	const key = "error.503"
	title := s.text.T(key + ".title")
	text := message
	if text == "" {
		text = s.text.T(key + ".text")
	}

	data := &pageData{Title: title, OGType: "website"}
	data.Main = errorView{Status: http.StatusServiceUnavailable, Title: title, Text: text}
	w.Header().Set("Cache-Control", "no-store")
	if err := s.render(w, http.StatusServiceUnavailable, "error", data); err != nil {
		s.log.Error("render error page", "err", err)
		http.Error(w, title, http.StatusServiceUnavailable)
	}
}
