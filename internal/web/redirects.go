package web

import (
	"database/sql"
	"errors"
	"net/http"
	"strings"

	"github.com/congtin/congtin/internal/joomla"
)

// oldLink answers a request no page served from the redirects table, which
// holds the addresses of the site congtin replaced (see internal/joomla):
// 301 to the new address, or 404/410 for what is gone. The address is
// reduced to lookup keys first, so /index.php?id=5&option=com_content,
// /index.php/tin-tuc/5-bai.html and /tin-tuc/5-bai all find one row. It
// reports whether it answered.
func (s *Server) oldLink(w http.ResponseWriter, r *http.Request) bool {
	if s.db == nil || (r.Method != http.MethodGet && r.Method != http.MethodHead) || len(r.URL.RawQuery) > 2048 {
		return false
	}
	for _, key := range joomla.LinkKeys(r.URL.Path, r.URL.Query()) {
		var target string
		var status int
		err := s.db.QueryRowContext(r.Context(), `SELECT target, status FROM redirects WHERE site_id = $1 AND old_path = $2`,
			s.cfg.SiteID, key).Scan(&target, &status)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			s.log.Error("redirect lookup", "path", r.URL.Path, "err", err)
			return false
		}
		switch {
		case status == http.StatusGone:
			s.renderError(w, r, http.StatusGone)
		case status >= 300 && status < 400 && strings.HasPrefix(target, "/") && !strings.HasPrefix(target, "//") && target != r.URL.Path:
			http.Redirect(w, r, target, status)
		default:
			s.renderError(w, r, http.StatusNotFound)
		}
		return true
	}
	return false
}
