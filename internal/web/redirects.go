package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/congtin/congtin/internal/oldlink"
)

// oldLink answers a request no page served from the redirects table, which
// holds the addresses of the site congtin replaced (see internal/oldlink):
// 301 to the new address, or 404/410 for what is gone. The address is
// reduced to lookup keys first, so /index.php?id=5&option=com_content,
// /index.php/tin-tuc/5-bai.html and /tin-tuc/5-bai all find one row. It
// reports whether it answered.
func (s *Server) oldLink(w http.ResponseWriter, r *http.Request) bool {
	if s.db == nil || (r.Method != http.MethodGet && r.Method != http.MethodHead) || len(r.URL.RawQuery) > 2048 {
		return false
	}

	red, err := oldlink.Resolve(r.Context(), s.db, s.cfg.SiteID, r.URL.Path, r.URL.Query())
	if errors.Is(err, oldlink.ErrNotFound) {
		return false
	}

	if err != nil {
		s.log.Error("redirect lookup", "path", r.URL.Path, "err", err)
		return false
	}

	switch {
	case red.Status == http.StatusGone:
		s.renderError(w, r, http.StatusGone)
	case red.Status >= 300 && red.Status < 400 && localTarget(red.Target) && red.Target != r.URL.Path:
		http.Redirect(w, r, red.Target, red.Status)
	default:
		s.renderError(w, r, http.StatusNotFound)
	}

	return true
}

// localTarget reports an address on this site: a path, not another host
// ("//host/..." is one).
func localTarget(target string) bool {
	return strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "//")
}
