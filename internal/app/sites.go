package app

import "net/http"

// siteHandlers sends a request to the handler of its site, picked once by
// the request's host; from there on the site is that handler's, passed
// explicitly. Each site has its own public site and newsroom, with their
// own caches. An installation serves one site today, whatever the host;
// serving several means a map from host name to handler here, built from
// the sites table.
type siteHandlers struct {
	only http.Handler
}

func (s siteHandlers) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.forHost(r.Host).ServeHTTP(w, r)
}

// forHost is the handler of the site served at host.
func (s siteHandlers) forHost(string) http.Handler { return s.only }
