package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

//go:embed static
var staticFiles embed.FS

// asset is a static file served under a name that carries its content
// hash, so browsers may keep it for a year and a new release still shows.
type asset struct {
	name     string // hashed name, e.g. style.3f2a1b9c.css
	mime     string
	etag     string
	body     []byte
	gzipBody []byte
}

type assets struct {
	byPlain  map[string]*asset
	byHashed map[string]*asset
}

func loadAssets() (*assets, error) {
	a := &assets{byPlain: map[string]*asset{}, byHashed: map[string]*asset{}}
	err := fs.WalkDir(staticFiles, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}

		body, err := staticFiles.ReadFile(p)
		if err != nil {
			return err
		}

		plain := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(plain)
		as := &asset{
			name: strings.TrimSuffix(plain, ext) + "." + hash + ext,
			mime: mime.TypeByExtension(ext),
			etag: `"` + hash + `"`,
			body: body,
		}
		if as.mime == "" {
			as.mime = "application/octet-stream"
		}

		if compressible(as.mime) {
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(body)
			zw.Close()
			if buf.Len() < len(body) {
				as.gzipBody = buf.Bytes()
			}
		}

		a.byPlain[plain] = as
		a.byHashed[as.name] = as
		return nil
	})

	return a, err
}

func compressible(m string) bool {
	return strings.HasPrefix(m, "text/") || strings.Contains(m, "javascript") || strings.Contains(m, "svg") ||
		strings.Contains(m, "json")
}

// assetURL is the address of a static file by its plain name.
func (s *Server) assetURL(plain string) string {
	if as, ok := s.assets.byPlain[plain]; ok {
		return "/static/" + as.name
	}
	return "/static/" + plain
}

func (s *Server) static(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("file")
	as, immutable := s.assets.byHashed[name]
	if !immutable {
		if as = s.assets.byPlain[name]; as == nil {
			return errNotFound
		}
	}

	h := w.Header()
	h.Set("Content-Type", as.mime)
	h.Set("ETag", as.etag)
	h.Set("X-Content-Type-Options", "nosniff")
	if immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, max-age=300")
	}

	h.Add("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == as.etag {
		w.WriteHeader(http.StatusNotModified)
		return nil
	}

	body := as.body
	if as.gzipBody != nil && acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		body = as.gzipBody
	}

	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return nil
	}

	_, err := w.Write(body)
	return err
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.TrimSpace(q) != "q=0" {
			return true
		}
	}
	return false
}
