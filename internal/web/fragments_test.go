package web

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/store/storetest"
)

// TestSharedFragmentsUnderConcurrency: pages made at once by many
// requests from one shared chrome (its fragments and Tin khác lists made
// by whichever request comes first) are the pages one request at a time
// makes. Run with -race in CI.
func TestSharedFragmentsUnderConcurrency(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	c := newChromeSite(t, db, time.Hour)
	serial := newServer(t, db).Handler() // no chrome cache: everything made per request
	targets := []string{"/", "/to-chuc-dang/", referenceURL, "/to-chuc-dang/2", "/trang/lien-he",
		"/trang/gioi-thieu", "/binh-chon/1", "/tim-kiem?q=khoa+hoc", "/khong-co/", "/thong-bao/"}
	want := map[string]string{}
	for _, target := range targets {
		_, body := get(t, serial, target)
		want[target] = body
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(targets)*5)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for round := 0; round < 5; round++ {
				for i := range targets {
					target := targets[(i+g)%len(targets)]
					req := httptest.NewRequest(http.MethodGet, target, nil)
					rec := httptest.NewRecorder()
					c.h.ServeHTTP(rec, req)
					if rec.Body.String() != want[target] {
						errs <- target
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	seen := map[string]bool{}
	for target := range errs {
		if !seen[target] {
			seen[target] = true
			t.Errorf("%s: a page made concurrently from the shared chrome differs from one made alone", target)
		}
	}
}
