package web

import "net/http"

// articlePattern is the article route; the counting middleware looks it up
// to know which requests are article views.
const articlePattern = "GET /{category}/{article}"

// routes lists every public address in one place. Patterns are Go 1.22
// ServeMux patterns; a more specific pattern wins over /{category}/{article}.
func (s *Server) routes(mux *http.ServeMux) {
	mux.Handle("GET /{$}", s.handle(s.home))
	mux.Handle("GET /rss.xml", s.handle(s.siteFeed))
	mux.Handle("GET /sitemap.xml", s.handle(s.sitemap))
	mux.Handle("GET /robots.txt", s.handle(s.robots))
	// /healthz: the process is alive; /readyz: the database and the disk
	// are fit to serve (readyz.go).
	mux.Handle("GET /healthz", s.handle(s.healthz))
	mux.Handle("GET /readyz", s.handle(s.readyz))
	mux.Handle("GET /static/{file}", s.handle(s.static))
	mux.Handle("GET /anh/{file}", s.handle(s.mediaFile))
	mux.Handle("GET /trang/{slug}", s.handle(s.page))
	mux.Handle("GET /binh-chon/{id}", s.handle(s.pollPage))
	// Votes refuse cross-site posts (CSRF); see voteGuard.
	mux.Handle("POST /binh-chon/{id}", s.voteGuard(s.handle(s.pollVote)))
	mux.Handle("GET /tim-kiem", s.handle(s.search))
	mux.Handle("GET /{category}/{$}", s.handle(s.category))
	mux.Handle("GET /{category}", s.handle(s.categoryNoSlash))
	// /{category}/rss.xml is answered by the article route: a literal
	// rss.xml segment would conflict with /static/{file} and /anh/{file}.
	mux.Handle(articlePattern, s.handle(s.categoryItem))
	mux.Handle("/", s.handle(s.notFound))
}
