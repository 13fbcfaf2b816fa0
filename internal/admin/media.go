package admin

import (
	"encoding/json"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"

	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
)

type mediaView struct {
	Items []media.Media
	Total int
	Page  int
	Pages int
	Q     string
	Kind  string
	Pick  string // "image": the library was opened to choose a featured image
}

func (s *Server) mediaLibrary(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	pg, _ := strconv.Atoi(q.Get("trang"))
	pg = max(pg, 1)
	f := media.ListFilter{SiteID: s.cfg.SiteID, Text: q.Get("q"), Limit: 48, Offset: (pg - 1) * 48}
	kind := q.Get("loai")
	f.Images, f.Docs = kind == "anh" || q.Get("chon") == "anh", kind == "tai-lieu"
	items, total, err := s.media.List(r.Context(), f)
	if err != nil {
		return err
	}

	p := s.newPage(r, s.text.T("admin.media.title"))
	p.Nav = "media"
	p.Data = mediaView{Items: items, Total: total, Page: pg, Pages: (total + 47) / 48,
		Q: f.Text, Kind: kind, Pick: q.Get("chon")}

	return s.render(w, http.StatusOK, "media", p)
}

// storeUpload reads one uploaded file and keeps it (storeFile).
func (s *Server) storeUpload(
	r *http.Request,
	fh *multipart.FileHeader,
	alt string,
	imagesOnly bool,
) (*media.Media, error) {
	if fh.Size > s.cfg.UploadMax {
		return nil, problem.New(problem.TooLarge, "admin.media.too_large", s.cfg.UploadMax>>20)
	}

	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, s.cfg.UploadMax+1))
	if err != nil {
		return nil, err
	}
	return s.storeFile(r, fh.Filename, alt, data, imagesOnly)
}

// storeFile keeps one file, refusing what is too big, of a type not
// accepted, named as something it is not, or (for the editor,
// imagesOnly) not a picture. The image is decoded and thumbnailed before
// the transaction opens: votes and edits never wait behind pixels.
func (s *Server) storeFile(r *http.Request, name, alt string, data []byte, imagesOnly bool) (*media.Media, error) {
	if int64(len(data)) > s.cfg.UploadMax {
		return nil, problem.New(problem.TooLarge, "admin.media.too_large", s.cfg.UploadMax>>20)
	}

	mt := media.Sniff(data)
	if mt == "" {
		return nil, problem.New(problem.Unsupported, "admin.media.bad_type", name)
	}
	if !media.NameMatches(name, mt) {
		return nil, problem.New(problem.Unsupported, "admin.media.disguised", name)
	}
	if imagesOnly && !media.IsImage(mt) {
		return nil, problem.New(problem.Unsupported, "admin.media.not_image")
	}
	prepared, err := s.media.Prepare(r.Context(), s.cfg.SiteID, name, alt, data)
	if errors.Is(err, media.ErrUnsupported) {
		return nil, problem.New(problem.Unsupported, "admin.media.bad_type", name)
	}
	if err != nil {
		return nil, err
	}

	var m *media.Media
	err = s.db.InTx(r.Context(), func(tx store.Tx) error {
		var err error
		if m, err = s.media.Save(r.Context(), tx, prepared); err != nil {
			return err
		}

		_, err = tx.ExecContext(r.Context(), `UPDATE media SET created_by = $1 WHERE id = $2`, userOf(r).ID, m.ID)
		if err != nil {
			return err
		}
		return s.auditTx(r.Context(), tx, r, "media.upload", "media", m.ID, name)
	})
	return m, err
}

func (s *Server) mediaUpload(w http.ResponseWriter, r *http.Request) error {
	if r.MultipartForm == nil {
		return problem.New(problem.Malformed, "admin.media.none")
	}

	files := r.MultipartForm.File["file"]
	if len(files) == 0 {
		return problem.New(problem.Malformed, "admin.media.none")
	}

	for _, fh := range files {
		if _, err := s.storeUpload(r, fh, r.FormValue("alt"), false); err != nil {
			return err
		}
	}

	return s.redirect(w, r, "/quan-tri/tep/?"+r.URL.RawQuery, s.text.T("admin.media.uploaded", len(files)))
}

// mediaUploadEditor answers the editor's image upload with the JSON it
// expects ({"location": url}); errors are JSON too, so the editor can
// show the message.
func (s *Server) mediaUploadEditor(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	fail := func(status int, msg string) error {
		w.WriteHeader(status)
		return json.NewEncoder(w).Encode(map[string]string{"error": msg})
	}
	if r.MultipartForm == nil || len(r.MultipartForm.File["file"]) != 1 {
		return fail(http.StatusBadRequest, s.text.T("admin.media.none"))
	}
	fhs := r.MultipartForm.File["file"]
	m, err := s.storeUpload(r, fhs[0], "", true)
	if msg := s.message(err); msg != "" {
		return fail(handler.Status(err), msg)
	}
	if err != nil {
		return err
	}

	return json.NewEncoder(w).Encode(map[string]any{"location": mediaURL(m.SHA256, m.Mime), "id": m.ID})
}
