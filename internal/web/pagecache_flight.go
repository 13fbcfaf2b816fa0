package web

import (
	"bytes"
	"compress/gzip"
	"context"
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

// Compressors are reused: each holds hundreds of kilobytes of tables.
var (
	gzipWriters = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(nil, gzip.DefaultCompression)
		return w
	}}
	brotliWriters = sync.Pool{New: func() any { return brotli.NewWriterLevel(nil, 5) }}
)

// compress returns body compressed with gzip and with brotli.
func compress(body []byte) (gz, br []byte) {
	var b bytes.Buffer
	zw := gzipWriters.Get().(*gzip.Writer)
	zw.Reset(&b)
	zw.Write(body)
	zw.Close()
	gzipWriters.Put(zw)
	gz = bytes.Clone(b.Bytes())

	b.Reset()
	bw := brotliWriters.Get().(*brotli.Writer)
	bw.Reset(&b)
	bw.Write(body)
	bw.Close()
	brotliWriters.Put(bw)
	br = bytes.Clone(b.Bytes())
	return gz, br
}
