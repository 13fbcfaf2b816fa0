package admin

import (
	"net/http"
	"strconv"

	"github.com/congtin/congtin/internal/auth"
)

type auditView struct {
	Entries []auth.AuditEntry
	Page    int
	Pages   int
}

func (s *Server) auditLog(w http.ResponseWriter, r *http.Request) error {
	pg, _ := strconv.Atoi(r.URL.Query().Get("trang"))
	pg = max(pg, 1)
	f := auth.AuditFilter{ObjectType: r.URL.Query().Get("loai"), Limit: 50, Offset: (pg - 1) * 50}
	f.ObjectID, _ = strconv.ParseInt(r.URL.Query().Get("ma"), 10, 64)
	entries, total, err := s.users.AuditLog(r.Context(), s.cfg.SiteID, f)
	if err != nil {
		return err
	}

	p := s.newPage(r, s.text.T("admin.audit.title"))
	p.Nav = "audit"
	p.Data = auditView{Entries: entries, Page: pg, Pages: (total + 49) / 50}
	return s.render(w, http.StatusOK, "audit", p)
}
