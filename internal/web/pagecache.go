package web

import (
	"bytes"
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// pageCache keeps rendered public pages in memory, each compressed once,
// so that the same page for the next thousand visitors costs a map lookup
// instead of ten queries and a template. An entry is dropped when content
// changes anywhere in the site (the change generation moves, also when
// another node announces a change), when it is older than the time to
// live (counters and poll results stay fresh), or when the cache is over
// its memory budget (least recently used first).
//
// With staleIfError set, an entry outdated by time or by a change is not
// dropped but kept, within the same memory budget, for as long as that:
// when the page cannot be made again (the database is down), the visitor
// gets the last copy, marked X-Cache: STALE-ERROR, instead of an error.
type pageCache struct {
	mu      sync.Mutex
	items   map[string]*cacheEntry
	lru     *list.List // front: most recently used
	bytes   int
	max     int
	ttl     time.Duration
	gen     func() uint64
	hits    atomic.Uint64
	misses  atomic.Uint64
	bypass  atomic.Uint64
	evicted atomic.Uint64
	// staleIfError is how long after it was made an entry may still be
	// served when making the page fails; 0 drops entries at a change.
	staleIfError time.Duration
	staleServed  atomic.Uint64
	// flights are the pages being made now, by key: requests for the
	// same page wait for that one instead of all making it at once.
	flights map[string]*flight
}

type cacheEntry struct {
	key    string
	header http.Header
	// A page is kept gzipped only, the form nearly every client takes: a
	// third of the memory of keeping it whole as well, so three times the
	// pages fit in the budget. plain is the body as made when it is too
	// small to be worth compressing, else nil; the rare client without
	// gzip gets it decompressed.
	plain []byte
	gz    []byte
	gzLen []string
	// br is the body in brotli, made when a browser first asks for it.
	br encoding
	// bytes is the memory counted for the entry, which grows as its
	// encodings are made; it changes under the cache's lock only.
	bytes    int
	etag     string
	modified time.Time
	stored   time.Time
	gen      uint64
	// pollID is the poll whose voting form the page shows; a visitor who
	// has voted in it gets a page of their own (with the results).
	pollID int64
	elem   *list.Element
	// fixed holds the headers every answer from the entry carries, made
	// once; an answer shares its value slices, which nothing changes.
	fixed http.Header
	// lenPlain is the Content-Length of the uncompressed body.
	lenPlain []string
}

// size is the memory an entry takes before brotli is made.
func (e *cacheEntry) size() int { return len(e.key) + len(e.plain) + len(e.gz) + 512 }

func newPageCache(maxBytes int, ttl time.Duration, gen func() uint64) *pageCache {
	return &pageCache{items: map[string]*cacheEntry{}, lru: list.New(), max: maxBytes, ttl: ttl, gen: gen,
		flights: map[string]*flight{}}
}

// entryState is what an entry found in the cache may be used for.
type entryState uint8

const (
	// entryFresh: within its time to live, served as it is.
	entryFresh entryState = iota
	// entryExpired: past its time to live, served while one request makes
	// the page again.
	entryExpired
	// entryOutdated: from before a content change, served only when the
	// page cannot be made.
	entryOutdated
)

// get returns the entry for key and what it may be used for. An entry
// older than staleIfError, or from before a change when there is no
// staleIfError, is dropped and not returned.
func (c *pageCache) get(key string, now time.Time) (*cacheEntry, entryState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		return nil, entryOutdated
	}

	age := now.Sub(e.stored)
	state := entryFresh
	switch {
	case e.gen != c.gen():
		state = entryOutdated
	case age >= c.ttl:
		state = entryExpired
	}
	tooOld := c.staleIfError > 0 && age > max(c.staleIfError, c.ttl)
	if tooOld || state == entryOutdated && c.staleIfError <= 0 {
		c.remove(e)
		return nil, entryOutdated
	}

	c.lru.MoveToFront(e.elem)
	return e, state
}

// StaleServed counts the answers given from an outdated copy because the
// page could not be made (X-Cache: STALE-ERROR).
func (c *pageCache) StaleServed() uint64 { return c.staleServed.Load() }

// StaleServed counts the pages served stale because the database failed
// (X-Cache: STALE-ERROR), for the metrics; 0 without a page cache.
func (s *Server) StaleServed() uint64 {
	if s.cache == nil {
		return 0
	}
	return s.cache.StaleServed()
}

func (c *pageCache) put(e *cacheEntry) {
	if e.size() > c.max/4 {
		return // one page may not push out a quarter of the cache
	}

	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.items[e.key]; ok {
		c.remove(old)
	}

	e.elem = c.lru.PushFront(e)
	c.items[e.key] = e
	e.bytes = e.size()
	c.bytes += e.bytes
	c.evictOver()
}

// evictOver drops the least recently used entries until the cache is
// within its memory budget. The caller holds c.mu.
func (c *pageCache) evictOver() {
	for c.bytes > c.max && c.lru.Len() > 0 {
		c.remove(c.lru.Back().Value.(*cacheEntry))
		c.evicted.Add(1)
	}
}

func (c *pageCache) remove(e *cacheEntry) {
	c.lru.Remove(e.elem)
	delete(c.items, e.key)
	c.bytes -= e.bytes
}

// usage reports entries and bytes held.
func (c *pageCache) usage() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items), c.bytes
}

// cacheHints is how a handler tells the cache about the page it made.
type cacheHints struct {
	private bool  // shows something meant for this visitor only
	pollID  int64 // the poll whose form the page shows
}

type cacheHintsKey struct{}

func hintsOf(r *http.Request) *cacheHints {
	h, _ := r.Context().Value(cacheHintsKey{}).(*cacheHints)
	return h
}

// markPrivate tells the cache (if any) that this page is for this visitor.
func markPrivate(r *http.Request) {
	if h := hintsOf(r); h != nil {
		h.private = true
	}
}

// sessionCookie is the newsroom's session cookie: a signed-in user is
// never given a cached page, nor are their pages stored.
const sessionCookie = "ct_s"

// uncachedPrefixes are addresses that have their own caching (files), are
// per visitor (polls) or must always be live (health, newsroom).
var uncachedPrefixes = []string{"/static/", "/anh/", "/binh-chon/", "/quan-tri", "/healthz", "/readyz"}

func cacheable(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}

	for _, p := range uncachedPrefixes {
		if strings.HasPrefix(r.URL.Path, p) {
			return false
		}
	}

	if _, err := r.Cookie(sessionCookie); err == nil {
		return false
	}

	return true
}

// cachePages serves anonymous GETs from the cache and fills it. It sits
// inside the counting middleware, so cached pages are counted like any.
func (s *Server) cachePages(next http.Handler) http.Handler {
	c := s.cache
	if c == nil {
		return next
	}

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !cacheable(r) {
			c.bypass.Add(1)
			next.ServeHTTP(w, r)
			return
		}

		key := s.cacheKey(r)
		voted := votedPolls(r)
		now := time.Now()
		e, state := c.get(key, now)
		// fallback is what is served if the page cannot be made now.
		fallback := e
		if e != nil && (voted[e.pollID] || state == entryOutdated) {
			e = nil // this visitor's page shows their results, or content changed
		}

		if e != nil && state == entryFresh {
			c.hits.Add(1)
			c.serve(w, r, e, "HIT")
			return
		}

		// One request makes the page; the others serve the entry past its
		// time to live meanwhile, or wait for the new one. Voters, whose
		// page may be theirs alone, and HEAD requests make their own.
		if r.Method == http.MethodGet && len(voted) == 0 {
			f, leader := c.claim(key)
			if !leader {
				if e != nil {
					c.hits.Add(1)
					c.serve(w, r, e, "STALE")
					return
				}
				if made := f.wait(r.Context()); made != nil {
					c.hits.Add(1)
					c.serve(w, r, made, "HIT")
					return
				}
				// The page made was not one to share: make this one.
			} else {
				// The others are let go before this answer is written, which
				// on a slow connection takes a while. A panic lets them go too.
				landed := false
				defer func() {
					if !landed {
						c.land(key, f, nil)
					}
				}()

				rec, private, made := c.make(r, next, key, voted, now)
				c.land(key, f, made)
				landed = true
				c.answer(w, r, rec, private, made, fallback)
				return
			}
		}

		rec, private, made := c.make(r, next, key, voted, now)
		c.answer(w, r, rec, private, made, fallback)
	})
}

// cacheKey names a page in the cache. Without a base URL the page's
// absolute links (canonical, og:url, feeds, sitemap) are made from the
// request's scheme and host, so both are part of the key: a page made for
// one host is never served to a visitor of another.
func (s *Server) cacheKey(r *http.Request) string {
	key := r.URL.Path + "?" + r.URL.RawQuery
	if s.cfg.BaseURL == "" {
		key = s.requestOrigin(r) + key
	}
	return key
}

// make renders the page and stores it when it may be shared, returning
// the entry stored (nil if none) and what the handler answered.
func (c *pageCache) make(
	r *http.Request,
	next http.Handler,
	key string,
	voted map[int64]bool,
	now time.Time,
) (rec *responseRecorder, private bool, e *cacheEntry) {
	c.misses.Add(1)
	hints := &cacheHints{}
	r = r.WithContext(context.WithValue(r.Context(), cacheHintsKey{}, hints))
	rec = &responseRecorder{header: http.Header{}, status: http.StatusOK, body: renderBuffers.Get().(*bytes.Buffer)}
	next.ServeHTTP(rec, r)
	if rec.status != http.StatusOK || hints.private || voted[hints.pollID] || r.Method == http.MethodHead {
		return rec, hints.private, nil
	}

	e = newEntry(key, rec, hints.pollID, c.gen(), now, c.ttl)
	c.put(e)
	return rec, false, e
}

// answer sends what make made: the stored entry, or the handler's own
// answer when it was not stored, or, when the handler failed on our side
// (the database is down), the fallback copy if there is one.
func (c *pageCache) answer(w http.ResponseWriter, r *http.Request, rec *responseRecorder, private bool, e *cacheEntry,
	fallback *cacheEntry) {
	defer putRenderBuffer(rec.body) // the entry holds its own copy
	if e == nil && rec.status >= 500 && fallback != nil && c.staleIfError > 0 {
		c.staleServed.Add(1)
		c.serve(w, r, fallback, "STALE-ERROR")
		return
	}
	if e == nil {
		rec.copyTo(w, private)
		return
	}
	c.serve(w, r, e, "MISS")
}

func newEntry(
	key string,
	rec *responseRecorder,
	pollID int64,
	gen uint64,
	now time.Time,
	ttl time.Duration,
) *cacheEntry {
	// A copy of the exact size: the recorder's buffer may have room to
	// spare, which the cache's memory count would not see.
	body := rec.body.Bytes()
	sum := sha256.Sum256(body)
	e := &cacheEntry{key: key, header: http.Header{}, pollID: pollID, gen: gen,
		stored: now, modified: now.UTC().Truncate(time.Second),
		etag: `W/"` + hex.EncodeToString(sum[:10]) + `"`}

	for k, vs := range rec.header {
		switch k {
		case "Set-Cookie", "Content-Length", "Content-Encoding", "Cache-Control", "Vary":
			continue
		}
		e.header[k] = vs
	}

	e.fixed = http.Header{}
	for k, vs := range e.header {
		e.fixed[k] = slices.Clip(vs)
	}

	e.fixed["Etag"] = []string{e.etag}
	e.fixed["Last-Modified"] = []string{e.modified.Format(http.TimeFormat)}
	// Browsers revalidate every time (a cheap 304); a shared proxy in front
	// may keep the page as long as we do.
	e.fixed["Cache-Control"] = []string{"public, max-age=0, s-maxage=" + strconv.Itoa(int(ttl.Seconds()))}
	e.fixed["Vary"] = []string{"Accept-Encoding"}
	e.lenPlain = []string{strconv.Itoa(len(body))}
	if len(body) <= minCompress {
		// A copy of the exact size: the recorder's buffer goes back to
		// its pool, and its spare room would escape the memory count.
		e.plain = bytes.Clone(body)
	} else {
		e.gz = gzipBytes(body)
		e.gzLen = []string{strconv.Itoa(len(e.gz))}
	}

	return e
}

// Header values that answers from the cache share.
var (
	xCacheHit   = []string{"HIT"}
	xCacheMiss  = []string{"MISS"}
	xCacheStale = []string{"STALE"}
	xCacheError = []string{"STALE-ERROR"}
	// A copy served in an outage is not for a shared proxy to keep: it
	// would go on serving it after the site is back.
	cacheControlNoStore = []string{"no-store"}
	encodingGzip        = []string{"gzip"}
	encodingBrotli      = []string{"br"}
)

// serve answers from a cache entry: 304 when the client holds the
// same page, else the body in the best encoding the client accepts.
func (c *pageCache) serve(w http.ResponseWriter, r *http.Request, e *cacheEntry, state string) {
	h := w.Header()
	for k, vs := range e.fixed {
		h[k] = vs
	}

	switch state {
	case "HIT":
		h["X-Cache"] = xCacheHit
	case "STALE":
		h["X-Cache"] = xCacheStale
	case "STALE-ERROR":
		h["X-Cache"] = xCacheError
		h["Cache-Control"] = cacheControlNoStore
	default:
		h["X-Cache"] = xCacheMiss
	}

	if notModified(r, e) {
		w.WriteHeader(http.StatusNotModified)
		return
	}

	head := r.Method == http.MethodHead
	body, length := e.plain, e.lenPlain
	switch enc := acceptedEncoding(r); {
	case e.gz == nil:
		// Too small to compress: sent as made.
	case enc == "gzip":
		h["Content-Encoding"] = encodingGzip
		body, length = e.gz, e.gzLen
	case enc == "br":
		h["Content-Encoding"] = encodingBrotli
		body, length = c.brotli(e)
	case !head:
		var err error
		if body, err = gunzipBytes(e.gz); err != nil {
			panic(err) // we compressed it ourselves: memory is corrupt
		}
	}

	h["Content-Length"] = length
	w.WriteHeader(http.StatusOK)
	if !head {
		w.Write(body)
	}
}

func notModified(r *http.Request, e *cacheEntry) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimSpace(t)
			if t == "*" || strings.TrimPrefix(t, "W/") == strings.TrimPrefix(e.etag, "W/") {
				return true
			}
		}
		return false
	}

	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil && !e.modified.After(t) {
			return true
		}
	}

	return false
}

// acceptedEncoding picks br, then gzip, from Accept-Encoding ("" for none).
func acceptedEncoding(r *http.Request) string {
	best := ""
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if q := strings.TrimSpace(params); q == "q=0" || q == "q=0.0" {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(enc)) {
		case "br":
			return "br"
		case "gzip":
			best = "gzip"
		}
	}

	return best
}

// votedPollsCookie lists the polls this browser has voted in, so the
// cache can tell, without the database, who should see results rather
// than the form. The database stays the authority on votes.
const votedPollsCookie = "ct_bc"

func votedPolls(r *http.Request) map[int64]bool {
	c, err := r.Cookie(votedPollsCookie)
	if err != nil || len(c.Value) > 512 {
		return nil
	}

	out := map[int64]bool{}
	for _, p := range strings.Split(c.Value, ".") {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil && id > 0 {
			out[id] = true
		}
	}

	return out
}

// rememberVote adds poll id to the browser's list of polls voted in.
func rememberVote(w http.ResponseWriter, r *http.Request, id int64, secure bool) {
	ids := []string{strconv.FormatInt(id, 10)}
	for p := range votedPolls(r) {
		if p != id && len(ids) < 30 {
			ids = append(ids, strconv.FormatInt(p, 10))
		}
	}
	http.SetCookie(w, &http.Cookie{Name: votedPollsCookie, Value: strings.Join(ids, "."), Path: "/",
		MaxAge: 365 * 24 * 3600, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: secure})
}

// responseRecorder holds a response in memory until the cache decides
// what to do with it. Pages are rendered into a buffer anyway.
type responseRecorder struct {
	header http.Header
	status int
	body   *bytes.Buffer // from renderBuffers, returned by answer
	wrote  bool
}

func (r *responseRecorder) Header() http.Header { return r.header }
func (r *responseRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}
func (r *responseRecorder) WriteHeader(status int) {
	if !r.wrote {
		r.status = status
		r.wrote = true
	}
}

func (r *responseRecorder) copyTo(w http.ResponseWriter, private bool) {
	h := w.Header()
	for k, vs := range r.header {
		h[k] = vs
	}

	if private {
		h.Set("Cache-Control", "private, no-store")
	}

	w.WriteHeader(r.status)
	w.Write(r.body.Bytes())
}
