package admin

import (
	"bytes"
	"context"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/problem"
)

// formMax is the body limit of an ordinary newsroom form: settings, a
// category, a poll, a user. Uploads and articles, which may carry
// pictures, get the upload limit on top (bodyLimit).
const formMax = 2 << 20

// multipartMemory is how much of a multipart body is kept in memory;
// the rest of a large file waits in a temporary file.
const multipartMemory = 8 << 20

// slowBodyWait is how long a form that may carry files may take to
// arrive, instead of the server's shorter read timeout: a 20 MB upload
// over a slow office line takes minutes.
const slowBodyWait = 10 * time.Minute

// keepsTyping are the routes whose handler shows its form again, with
// the fields that arrived, when the body was over the limit; every other
// route answers the refusal page itself.
var keepsTyping = map[string]bool{
	"POST /quan-tri/bai-viet/moi":      true,
	"POST /quan-tri/bai-viet/{id}/sua": true,
}

// bodyLimit is the most a POST to path may send.
func (s *Server) bodyLimit(path string) int64 {
	if strings.HasPrefix(path, "/quan-tri/tep/") || strings.HasPrefix(path, "/quan-tri/bai-viet/") {
		return s.cfg.UploadMax + formMax
	}
	return formMax
}

type formErrKey struct{}

// formError is the refusal of a form that did not arrive whole, for a
// handler that shows its form again (keepsTyping); nil when it did.
func formError(r *http.Request) error {
	err, _ := r.Context().Value(formErrKey{}).(error)
	return err
}

func withFormError(r *http.Request, err error) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), formErrKey{}, err))
}

// readForm reads a POST body once, within the route's limit, and says
// what went wrong when it could not be read whole: a form is never taken
// as empty because its body was too big, too slow or broken. What did
// arrive of a url-encoded form is kept in r.PostForm, so a form can be
// shown again with what the person typed.
func (s *Server) readForm(w http.ResponseWriter, r *http.Request) error {
	limit := s.bodyLimit(r.URL.Path)
	if limit > formMax {
		// The server's timeouts are made for small forms; the answer
		// must still be written after the long read.
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Now().Add(slowBodyWait))
		_ = rc.SetWriteDeadline(time.Now().Add(slowBodyWait + time.Minute))
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)

	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		if err := r.ParseMultipartForm(multipartMemory); err != nil {
			return s.bodyError(err, limit)
		}
		return nil
	}
	if mt != "application/x-www-form-urlencoded" {
		// Nothing to read as a form (a bare POST such as a sign-out
		// button without fields): the query alone.
		return s.bodyError(r.ParseForm(), limit)
	}

	body, readErr := io.ReadAll(r.Body)
	if readErr != nil {
		// Keep the pairs that arrived whole; the last one may be cut.
		if i := bytes.LastIndexByte(body, '&'); i >= 0 {
			body = body[:i]
		} else {
			body = nil
		}
	}
	post, parseErr := url.ParseQuery(string(body))
	r.PostForm = post
	r.Form = url.Values{}
	for k, v := range post {
		r.Form[k] = append(r.Form[k], v...)
	}
	for k, v := range r.URL.Query() {
		r.Form[k] = append(r.Form[k], v...)
	}
	if readErr != nil {
		return s.bodyError(readErr, limit)
	}
	return s.bodyError(parseErr, limit)
}

// bodyError is the problem a person reads for a body that could not be
// read, nil for none.
func (s *Server) bodyError(err error, limit int64) error {
	if err == nil {
		return nil
	}
	switch handler.BodyKind(err) {
	case problem.TooLarge:
		return problem.New(problem.TooLarge, "admin.err.form_too_large", sizeText(limit)).Because(err)
	case problem.TimedOut:
		return problem.New(problem.TimedOut, "admin.err.form_timeout").Because(err)
	}
	return problem.New(problem.Malformed, "admin.err.form_unreadable").Because(err)
}

// sizeText writes a byte count as people read it: "2 MB", "512 KB".
func sizeText(n int64) string {
	if n >= 1<<20 {
		return strconv.FormatInt(n>>20, 10) + " MB"
	}
	return strconv.FormatInt(max(n>>10, 1), 10) + " KB"
}
