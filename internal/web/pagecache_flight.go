package web

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
)

// flight is a page being made for the cache. When a popular page's time
// to live ends, or a change empties the cache, every request arriving
// before it is made again would otherwise make it too: under a crowd,
// dozens of identical renders and compressions at once, each holding its
// own compressor's memory.
type flight struct {
	done chan struct{}
	e    *cacheEntry // nil: the page made was not stored
}

// claim returns the flight for key; leader is true when the caller
// started it and must end it with land.
func (c *pageCache) claim(key string) (f *flight, leader bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if f, ok := c.flights[key]; ok {
		return f, false
	}
	f = &flight{done: make(chan struct{})}
	c.flights[key] = f
	return f, true
}

// land ends a flight with the entry made, or nil.
func (c *pageCache) land(key string, f *flight, e *cacheEntry) {
	c.mu.Lock()
	delete(c.flights, key)
	c.mu.Unlock()
	f.e = e
	close(f.done)
}

// wait returns the entry the flight made, or nil if it made none or the
// request was given up.
func (f *flight) wait(ctx context.Context) *cacheEntry {
	select {
	case <-f.done:
		return f.e
	case <-ctx.Done():
		return nil
	}
}

// minCompress is the largest body sent as it is: below it, compression
// saves less than its own headers cost.
const minCompress = 512

// encoding is a compressed form of an entry's body made the first time a
// client asks for it, once.
type encoding struct {
	once   sync.Once
	data   []byte
	length []string
}

// brotli returns e's body in brotli with its Content-Length. Browsers ask
// for brotli; a page is compressed so the first time one does, from the
// gzipped copy, so that pages nobody reads in a browser (crawlers, feeds
// readers, leaving the cache before a second visit) never pay for it.
func (c *pageCache) brotli(e *cacheEntry) ([]byte, []string) {
	e.br.once.Do(func() {
		plain, err := gunzipBytes(e.gz)
		if err != nil {
			panic(err) // we compressed it ourselves: memory is corrupt
		}

		e.br.data = brotliBytes(plain)
		e.br.length = []string{strconv.Itoa(len(e.br.data))}
		c.grow(e, len(e.br.data))
	})
	return e.br.data, e.br.length
}

// grow counts n more bytes for entry e, if it is still in the cache, and
// makes room for them.
func (c *pageCache) grow(e *cacheEntry, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.items[e.key] != e {
		return
	}
	e.bytes += n
	c.bytes += n
	c.evictOver()
}

// Compressors are reused: each holds hundreds of kilobytes of tables.
// gzip is klauspost/compress's, which at the same level makes the same
// format five times faster than the standard library's for a 3% larger
// page (a 25 KB article: 0.07 ms instead of 0.37 ms, 7.4 KB instead of
// 7.2 KB), and a cache miss spent more time compressing than rendering.
var (
	gzipWriters = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
		return w
	}}
	gzipReaders   sync.Pool
	brotliWriters = sync.Pool{New: func() any { return brotli.NewWriterLevel(nil, 5) }}
)

func gzipBytes(body []byte) []byte { return compressPooled(&gzipWriters, body) }

func brotliBytes(body []byte) []byte { return compressPooled(&brotliWriters, body) }

// pooledCompressor is what the gzip and brotli writers share.
type pooledCompressor interface {
	io.WriteCloser
	Reset(io.Writer)
}

// compressPooled compresses body with a writer from pool, into a slice of
// exactly its size.
func compressPooled(pool *sync.Pool, body []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(body)/3 + 512) // a page compresses to about a third
	w := pool.Get().(pooledCompressor)
	w.Reset(&b)
	w.Write(body)
	w.Close()
	pool.Put(w)
	return bytes.Clone(b.Bytes())
}

// gunzipBytes returns what gzipBytes compressed.
func gunzipBytes(data []byte) ([]byte, error) {
	zr, _ := gzipReaders.Get().(*gzip.Reader)
	var err error
	if zr == nil {
		zr, err = gzip.NewReader(bytes.NewReader(data))
	} else {
		err = zr.Reset(bytes.NewReader(data))
	}

	if err != nil {
		return nil, err
	}
	defer gzipReaders.Put(zr)
	return io.ReadAll(zr)
}
