package web

import (
	"errors"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/media"
)

// mediaFile serves /anh/{sha256}.{ext} (the original, ?tep={id} for the
// name of one upload of it) and
// /anh/{sha256}_{width}.jpg (a thumbnail). The address names the content,
// so it never changes and browsers may keep it for a year.
func (s *Server) mediaFile(w http.ResponseWriter, r *http.Request) error {
	file := r.PathValue("file")
	ext := path.Ext(file)
	base := strings.TrimSuffix(file, ext)
	sum, widthStr, isThumb := strings.Cut(base, "_")
	if !isHex64(sum) {
		return errNotFound
	}

	var f *media.File
	var err error
	if isThumb {
		width, convErr := strconv.Atoi(widthStr)
		if convErr != nil || ext != ".jpg" {
			return errNotFound
		}

		f, err = s.media.Thumbnail(r.Context(), sum, width)
	} else {
		// ?tep= names which upload of these bytes the link is for, so a
		// document downloads under the name it was uploaded with.
		id, _ := strconv.ParseInt(r.URL.Query().Get("tep"), 10, 64)
		f, err = s.media.OriginalOf(r.Context(), sum, id)
		if err == nil && "."+media.Extension(f.Mime) != ext {
			return errNotFound
		}
	}

	if errors.Is(err, media.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}

	etag := `"` + sum[:16] + widthStr + `"`
	h := w.Header()
	h.Set("Content-Type", f.Mime)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", etag)
	h.Set("X-Content-Type-Options", "nosniff")
	if !media.IsImage(f.Mime) {
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": f.Name}))
	}

	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}

	h.Set("Content-Length", strconv.Itoa(len(f.Data)))
	_, err = w.Write(f.Data)
	return err
}

func isHex64(s string) bool {
	if len(s) != 64 {
		return false
	}

	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}

	return true
}
