// Command gostatic is bench/run's yardstick for Go's own HTTP server: it
// answers every request with one file, already gzipped, and the headers
// congtin's page cache sends with a cached page, doing nothing else. The
// gap between it and nginx is the cost of net/http; the gap between it
// and congtin's cached article is the cost of congtin.
//
//	go run ./bench/gostatic 127.0.0.1:8090 article.html.gz
package main

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gostatic ADDR FILE.gz")
		os.Exit(2)
	}

	body, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	length := strconv.Itoa(len(body))
	err = http.ListenAndServe(os.Args[1], http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Encoding", "gzip")
		h.Set("Content-Length", length)
		h.Set("Cache-Control", "public, max-age=0, s-maxage=10")
		h.Set("Etag", `W/"4e131d1d2cba2e602e25"`)
		h.Set("Last-Modified", "Sun, 29 Nov 2026 01:31:38 GMT")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Vary", "Accept-Encoding")
		h.Set("X-Cache", "HIT")
		h.Set("X-Content-Type-Options", "nosniff")
		w.Write(body)
	}))

	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
