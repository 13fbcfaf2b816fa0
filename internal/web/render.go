package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/vn"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pageNames are the page templates; each is parsed together with the
// layout and the shared partials into its own set.
var pageNames = []string{"home", "category", "article", "page", "error", "poll", "search"}

type templates struct {
	sets map[string]*template.Template
}

func parseTemplates(funcs template.FuncMap, constant func(fn, arg string) (string, bool)) (*templates, error) {
	return parseTemplatesFS(templateFiles, funcs, constant)
}

// parseTemplatesFS parses each page with the layout and the partials,
// its constant actions folded in (template_constants.go) when constant
// is not nil.
func parseTemplatesFS(
	fsys fs.FS,
	funcs template.FuncMap,
	constant func(fn, arg string) (string, bool),
) (*templates, error) {
	t := &templates{sets: map[string]*template.Template{}}
	for _, name := range pageNames {
		set := template.New(name).Funcs(funcs)
		for _, file := range []string{"layout.html", "partials.html", name + ".html"} {
			src, err := fs.ReadFile(fsys, "templates/"+file)
			if err != nil {
				return nil, fmt.Errorf("template %s: %w", name, err)
			}

			text := string(src)
			if constant != nil {
				text = foldConstants(text, constant)
			}
			if _, err := set.New(file).Parse(text); err != nil {
				return nil, fmt.Errorf("template %s: %w", name, err)
			}
		}

		t.sets[name] = set
	}

	return t, nil
}

// render executes a page into a buffer first, so a failing template never
// sends half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, data *pageData) error {
	set, ok := s.pages.sets[name]
	if !ok {
		return fmt.Errorf("no template %q", name)
	}

	if data.Chrome != nil {
		if err := fillFragments(set, data.Chrome); err != nil {
			return err
		}
	}

	buf := renderBuffers.Get().(*bytes.Buffer)
	defer putRenderBuffer(buf)
	if err := set.ExecuteTemplate(buf, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}

	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	w.WriteHeader(status)
	// A failed write means the visitor has gone; the answer has begun, so
	// there is no error page to give them.
	w.Write(buf.Bytes())
	return nil
}

// renderBuffers are reused between renders: a page is 15 to 30 KB, and
// growing a fresh buffer to that size copies it five times over.
var renderBuffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 32<<10)) }}

func putRenderBuffer(b *bytes.Buffer) {
	if b.Cap() > 256<<10 {
		return // an unusually long page: let it go rather than keep it
	}
	b.Reset()
	renderBuffers.Put(b)
}

// constant answers a constant action's value for foldConstants: catalog
// strings that exist and static files the server has.
func (s *Server) constant(fn, arg string) (string, bool) {
	switch fn {
	case "t":
		v, ok := s.text[arg]
		return v, ok
	case "asset":
		if _, ok := s.assets.byPlain[arg]; ok {
			return s.assetURL(arg), true
		}
	}
	return "", false
}

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"t":             s.text.T,
		"asset":         s.assetURL,
		"dateTime":      vn.FormatDateTime,
		"date":          vn.FormatDate,
		"dateTimeShort": vn.FormatDateTimeShort,
		"iso":           func(t time.Time) string { return t.In(vn.Location).Format(time.RFC3339) },
		"num":           vn.FormatInt,
		"articleURL":    articleURL,
		"categoryURL":   categoryURL,
		"imageURL":      imageURL,
		"thumbURL":      thumbURL,
		"srcset":        srcset,
		"pct":           func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
		"pctVN":         pctVN,
		"add":           func(a, b int) int { return a + b },
		"telURI":        telURI,
	}
}

func articleURL(categorySlug string, id int64, slug string) string {
	return "/" + categorySlug + "/" + strconv.FormatInt(id, 10) + "-" + slug
}

func categoryURL(slug string) string { return "/" + slug + "/" }

func imageURL(img *content.ImageRef) string {
	if img == nil {
		return ""
	}
	return "/anh/" + img.SHA256 + "." + media.Extension(img.Mime)
}

// thumbURL is the smallest thumbnail at least width wide, or the original
// when the image is not wider than that.
func thumbURL(img *content.ImageRef, width int) string {
	if img == nil {
		return ""
	}

	for _, w := range media.ThumbnailWidths {
		if w >= width && w < img.Width {
			return "/anh/" + img.SHA256 + "_" + strconv.Itoa(w) + ".jpg"
		}
	}

	return imageURL(img)
}

func srcset(img *content.ImageRef) string {
	if img == nil {
		return ""
	}

	var parts []string
	for _, w := range media.ThumbnailWidths {
		if w < img.Width {
			parts = append(parts, "/anh/"+img.SHA256+"_"+strconv.Itoa(w)+".jpg "+strconv.Itoa(w)+"w")
		}
	}

	parts = append(parts, imageURL(img)+" "+strconv.Itoa(img.Width)+"w")
	return strings.Join(parts, ", ")
}

// pctVN writes a percentage the Vietnamese way, with a decimal comma: 12,5%.
func pctVN(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1) + "%"
}

// telURI keeps the digits (and a leading +) of a phone number as written
// on the site, "0220. 3892436", for a tel: link phones can dial.
func telURI(phone string) string {
	var b strings.Builder
	for i, c := range phone {
		if (c >= '0' && c <= '9') || (c == '+' && i == 0) {
			b.WriteRune(c)
		}
	}
	return b.String()
}
