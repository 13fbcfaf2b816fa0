package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"strconv"
	"sync"

	"github.com/andybalholm/brotli"
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

// encoding is one compressed form of an entry's body. It is made the
// first time a client asks for it, once: browsers ask for brotli only,
// and many pages leave the cache before anyone asks for them twice, so
// compressing every page both ways when it is made spent more than the
// render on some misses.
type encoding struct {
	once   sync.Once
	data   []byte // nil: the body is too small to be worth compressing
	length []string
}

// encoded returns e's body compressed for enc ("br" or "gzip") with its
// Content-Length, or nil when the body is sent as it is.
func (c *pageCache) encoded(e *cacheEntry, enc string) ([]byte, []string) {
	x, compress := &e.gz, gzipBytes
	if enc == "br" {
		x, compress = &e.br, brotliBytes
	}
	x.once.Do(func() {
		if len(e.body) <= 512 {
			return
		}
		x.data = compress(e.body)
		x.length = []string{strconv.Itoa(len(x.data))}
		c.grow(e, len(x.data))
	})
	return x.data, x.length
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
var (
	gzipWriters = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
		return w
	}}
	brotliWriters = sync.Pool{New: func() any { return brotli.NewWriterLevel(nil, 5) }}
)

func gzipBytes(body []byte) []byte {
	var b bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&b)
	zw.Write(body)
	zw.Close()
	gzipWriters.Put(zw)
	return bytes.Clone(b.Bytes())
}

func brotliBytes(body []byte) []byte {
	var b bytes.Buffer
	bw := brotliWriters.Get().(*brotli.Writer)
	bw.Reset(&b)
	bw.Write(body)
	bw.Close()
	brotliWriters.Put(bw)
	return bytes.Clone(b.Bytes())
}
