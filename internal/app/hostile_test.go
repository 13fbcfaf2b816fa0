package app

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// failingBody sends some bytes, then fails as a connection would.
type failingBody struct {
	r   io.Reader
	err error
}

func (b *failingBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err == io.EOF {
		return n, b.err
	}
	return n, err
}

// brokenPipe is a response writer whose client has hung up.
type brokenPipe struct{ *httptest.ResponseRecorder }

func (w brokenPipe) Write([]byte) (int, error) { return 0, syscall.EPIPE }

// lockedBuffer is a log that requests served side by side may write.
type lockedBuffer struct {
	sync.Mutex
	bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.Lock()
	defer b.Unlock()
	return b.Buffer.Write(p)
}

func TestHostileRequestsWriteNoErrorLines(t *testing.T) {
	dir := t.TempDir()
	cfg, err := ParseServeConfig([]string{"--demo", "--data", dir, "--addr", "127.0.0.1:0"},
		func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	var logs lockedBuffer
	a, err := New(t.Context(), cfg, NewLogger("text", &logs))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.DB.Close() })
	form := "application/x-www-form-urlencoded"
	cut := func(err error) io.Reader { return &failingBody{strings.NewReader("option=1&x=ab"), err} }
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	var picture string
	if err := a.DB.QueryRowContext(t.Context(), `SELECT sha256 FROM media WHERE mime = 'image/jpeg' LIMIT 1`).
		Scan(&picture); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name, method, target, contentType string
		body                              io.Reader
		cookie                            string
		ctx                               context.Context
		broken                            bool
	}{
		{name: "a vote cut off", method: "POST", target: "/binh-chon/1", contentType: form,
			body: cut(io.ErrUnexpectedEOF)},
		{name: "a vote too slow", method: "POST", target: "/binh-chon/1", contentType: form,
			body: cut(os.ErrDeadlineExceeded)},
		{name: "a vote reset", method: "POST", target: "/binh-chon/1", contentType: form,
			body: cut(syscall.ECONNRESET)},
		{name: "a vote too big", method: "POST", target: "/binh-chon/1", contentType: form,
			body: strings.NewReader("option=1&x=" + strings.Repeat("a", 1<<20))},
		{name: "a vote as JSON", method: "POST", target: "/binh-chon/1", contentType: "application/json",
			body: strings.NewReader(`{"option":1}`)},
		{name: "a login cut off", method: "POST", target: "/quan-tri/dang-nhap", contentType: form,
			body: cut(io.ErrUnexpectedEOF)},
		{name: "a login too slow", method: "POST", target: "/quan-tri/dang-nhap", contentType: form,
			body: cut(os.ErrDeadlineExceeded)},
		{name: "a login too big", method: "POST", target: "/quan-tri/dang-nhap", contentType: form,
			body: strings.NewReader("username=a&x=" + strings.Repeat("a", 3<<20))},
		{name: "a broken multipart form", method: "POST", target: "/quan-tri/dang-nhap",
			contentType: "multipart/form-data; boundary=zz", body: strings.NewReader("--zz\r\nrác")},
		{name: "an upload without a session", method: "POST", target: "/quan-tri/tep/",
			contentType: "multipart/form-data; boundary=zz", body: strings.NewReader("--zz\r\nrác")},
		{name: "a forged session cookie", method: "GET", target: "/quan-tri/", cookie: "ct_s=%%%"},
		{name: "a forged visitor cookie", method: "GET", target: "/", cookie: "ct_v=<script>"},
		{name: "a forged flash cookie", method: "GET", target: "/quan-tri/dang-nhap", cookie: "ct_flash=%zz"},
		{name: "a broken query", method: "GET", target: "/tim-kiem?q=%zz"},
		{name: "a made-up file", method: "GET", target: "/anh/" + strings.Repeat("a", 64) + "_x.jpg"},
		{name: "a page for a visitor who left", method: "GET", target: "/", ctx: gone},
		{name: "a vote for a visitor who left", method: "POST", target: "/binh-chon/1", contentType: form,
			body: strings.NewReader("option=1"), ctx: gone},
		{name: "a page to a hung-up client", method: "GET", target: "/", broken: true},
		{name: "a search to a hung-up client", method: "GET", target: "/tim-kiem?q=đảng", broken: true},
		{name: "a feed to a hung-up client", method: "GET", target: "/rss.xml", broken: true},
		{name: "a picture to a hung-up client", method: "GET", target: "/anh/" + picture + ".jpg", broken: true},
		{name: "a missing page to a hung-up client", method: "GET", target: "/khong-co/trang-nay", broken: true},
		{name: "the login page to a hung-up client", method: "GET", target: "/quan-tri/dang-nhap", broken: true},
		{name: "a newsroom refusal to a hung-up client", method: "POST", target: "/quan-tri/dang-nhap",
			contentType: form, body: strings.NewReader("username=a&x=" + strings.Repeat("a", 3<<20)), broken: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			logs.Lock()
			logs.Reset()
			logs.Unlock()
			req := httptest.NewRequest(tc.method, tc.target, tc.body)
			req.Host = "localhost" // a host the server serves, so each request reaches its handler
			if tc.ctx != nil {
				req = req.WithContext(tc.ctx)
			}
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			if tc.cookie != "" {
				req.Header.Set("Cookie", tc.cookie)
			}
			rec := httptest.NewRecorder()
			var w http.ResponseWriter = rec
			if tc.broken {
				w = brokenPipe{rec}
			}

			func() {
				defer func() {
					if v := recover(); v != nil && !errors.Is(asError(v), http.ErrAbortHandler) {
						panic(v)
					}
				}()
				a.Handler.ServeHTTP(w, req)
			}()

			logs.Lock()
			defer logs.Unlock()
			if strings.Contains(logs.String(), "level=ERROR") {
				t.Errorf("status %d; log:\n%s", rec.Code, logs.String())
			}
			if rec.Code >= 500 {
				t.Errorf("status %d for the client's own doing", rec.Code)
			}
			if strings.HasSuffix(tc.name, "too slow") && rec.Code != http.StatusRequestTimeout {
				t.Errorf("status %d for a body that stopped arriving, want 408", rec.Code)
			}
		})
	}
}

func asError(v any) error {
	err, _ := v.(error)
	return err
}
