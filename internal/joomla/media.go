package joomla

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"html"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/congtin/congtin/internal/media"
)

// mediaExt are the extensions of files worth copying: what a body links
// to that is a file of the old site rather than a page of it. The media
// store decides by content which it accepts (images, PDF, Word, Excel,
// OpenDocument text); the others are listed in the report as not accepted.
var mediaExt = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".pdf": true,
	".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".zip": true, ".rar": true, ".odt": true, ".ods": true,
}

var imageExt = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true}

// disguised reports a file whose name and content disagree on what it is:
// a document name holding an image or an image name holding a document.
// The newsroom refuses such uploads, and so does the importer. Within a
// kind the content decides: a .jpg that holds a PNG is an image, a .doc
// that holds a DOCX a document, and its new address says so.
func disguised(rel, mime string) bool {
	return imageExt[strings.ToLower(path.Ext(rel))] != media.IsImage(mime)
}

// storedMedia is a file already in congtin's media store.
type storedMedia struct {
	id  int64
	url string
}

// localPath turns a reference found in a body into a path relative to the
// old site's root ("images/stories/a b.jpg"), or "" when it points
// elsewhere: another host, a page, a data: URL.
func (im *importer) localPath(ref string) string {
	ref = strings.TrimSpace(html.UnescapeString(ref))
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "data:") {
		return ""
	}
	if i := strings.IndexAny(ref, "#"); i >= 0 {
		ref = ref[:i] // 4.x: images/x.jpg#joomlaImage://local-images/...
	}

	p := ref
	if strings.Contains(ref, "://") || strings.HasPrefix(ref, "//") {
		u, err := url.Parse(ref)
		if err != nil || !im.ownHost(u.Host) {
			return ""
		}

		p = u.EscapedPath()
	} else if strings.Contains(strings.SplitN(ref, "/", 2)[0], ":") {
		return "" // mailto:, javascript:, tel:
	}

	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}

	p = strings.TrimPrefix(p, "./")
	if im.basePath != "" && strings.HasPrefix(p, im.basePath+"/") {
		p = strings.TrimPrefix(p, im.basePath)
	}

	p = strings.TrimPrefix(path.Clean("/"+p), "/")
	if !mediaExt[strings.ToLower(path.Ext(p))] {
		return ""
	}

	return p
}

func (im *importer) ownHost(h string) bool {
	if im.baseHost == "" {
		return false
	}
	h = strings.TrimPrefix(strings.ToLower(h), "www.")
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	return h == im.baseHost
}

// rewriteRefs points a body's references to the old site's files at
// their copies in congtin, as resolve names them, and makes links to the
// old site's pages (index.php...) absolute so the redirects answer them.
func (im *importer) rewriteRefs(body string, resolve func(rel string) fileRef) string {
	return replaceRefs(body, func(prefix, raw string) (string, bool) {
		val := strings.Trim(raw, `"'`)
		if rel := strings.TrimSpace(html.UnescapeString(val)); strings.HasPrefix(strings.ToLower(rel), "index.php") {
			return prefix + `"/` + rel + `"`, true // internal link: absolute, so the redirects answer it
		}

		rel := im.localPath(val)
		if rel == "" {
			return "", false
		}

		ref := resolve(rel)
		if !ref.ok {
			return "", false
		}

		return prefix + `"` + ref.url + `"`, true
	})
}

// probe tells what the old site's file rel will become once copied,
// without copying it: the address is the hash of its bytes and the type
// they have. Workers call it; results are kept, one read per file.
func (im *importer) probe(rel string) fileRef {
	im.probeMu.Lock()
	ref, ok := im.probes[rel]
	im.probeMu.Unlock()
	if ok {
		return ref
	}

	if im.opts.ImagesRoot != "" {
		if data, err := readVariant(im.opts.ImagesRoot, rel); err == nil {
			if mime := media.Sniff(data); mime != "" && !disguised(rel, mime) {
				sum := sha256.Sum256(data)
				ref = fileRef{url: "/anh/" + hex.EncodeToString(sum[:]) + "." + media.Extension(mime),
					image: media.IsImage(mime), ok: true}
			}
		}
	}

	im.probeMu.Lock()
	im.probes[rel] = ref
	im.probeMu.Unlock()
	return ref
}

// replaceRefs finds every src= and href= attribute of body (the name
// after white space, the value quoted or bare, as browsers read it) and
// calls fn with the text from the white space to the "=" and what follows
// it (prefix), and the value as written, quotes included (raw). When fn
// reports true, its text replaces prefix and value. One pass over the
// body, led by the position of each "=", so the bodies of a large import
// cost little more than reading them.
func replaceRefs(body string, fn func(prefix, raw string) (string, bool)) string {
	var b strings.Builder
	done := 0 // body[:done] is in b, or nothing is when b is empty
	for i := 0; i < len(body); {
		eq := strings.IndexByte(body[i:], '=')
		if eq < 0 {
			break
		}

		eq += i
		i = eq + 1
		// Backwards: white space, then "src" or "href", then white space.
		n := eq
		for n > 0 && isSpace(body[n-1]) {
			n--
		}

		start := -1
		switch {
		case n >= 4 && strings.EqualFold(body[n-3:n], "src") && isSpace(body[n-4]):
			start = n - 4
		case n >= 5 && strings.EqualFold(body[n-4:n], "href") && isSpace(body[n-5]):
			start = n - 5
		}

		if start < done {
			continue
		}

		// Forwards: white space, then the value.
		v := eq + 1
		for v < len(body) && isSpace(body[v]) {
			v++
		}

		end := -1
		switch {
		case v >= len(body):
		case body[v] == '"' || body[v] == '\'':
			if q := strings.IndexByte(body[v+1:], body[v]); q >= 0 {
				end = v + 1 + q + 1
			}
		default:
			e := v
			for e < len(body) && !isSpace(body[e]) && body[e] != '"' && body[e] != '\'' && body[e] != '>' {
				e++
			}

			if e > v {
				end = e
			}
		}

		if end < 0 {
			continue
		}

		i = end
		repl, ok := fn(body[start:v], body[v:end])
		if !ok {
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(body) + 64)
		}

		b.WriteString(body[done:start])
		b.WriteString(repl)
		done = end
	}

	if done == 0 {
		return body
	}

	b.WriteString(body[done:])
	return b.String()
}

// isSpace is the white space of HTML attributes (and of RE2's \s).
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// file returns the stored copy of the old site's file rel, copying it on
// first use. Missing and unsupported files are reported once each.
func (im *importer) file(ctx context.Context, rel string, articleID int64) (storedMedia, bool) {
	if sm, ok := im.files[rel]; ok {
		return sm, sm.id != 0
	}

	im.files[rel] = storedMedia{}
	if im.opts.ImagesRoot == "" {
		im.rep.missing(rel, articleID, "no --images folder given")
		return storedMedia{}, false
	}

	data, err := readVariant(im.opts.ImagesRoot, rel)
	if err != nil {
		im.rep.missing(rel, articleID, "not found")
		return storedMedia{}, false
	}

	if mime := media.Sniff(data); mime != "" && disguised(rel, mime) {
		im.rep.missing(rel, articleID, "the name says "+strings.ToLower(path.Ext(rel))+" but the content is "+mime)
		return storedMedia{}, false
	}

	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	if prev, ok := im.mapped("media", rel); ok && prev.checksum == sha {
		if mime, ok := im.mediaMime[prev.target]; ok {
			sm := storedMedia{id: prev.target, url: "/anh/" + sha + "." + media.Extension(mime)}
			im.files[rel] = sm
			im.rep.count("media").Unchanged++
			return sm, true
		}
	}

	var m *media.Media
	err = im.w.row(ctx, func() error {
		var err error
		m, err = im.media.Put(ctx, im.w.tx, im.opts.SiteID, path.Base(rel), "", data)
		if err != nil {
			return err
		}

		return im.remember("media", rel, m.ID, sha)
	})
	if errors.Is(err, media.ErrUnsupported) {
		im.rep.missing(rel, articleID, "file type not accepted by the media store")
		return storedMedia{}, false
	}

	if err != nil {
		im.rep.missing(rel, articleID, err.Error())
		return storedMedia{}, false
	}

	im.mediaMime[m.ID] = m.Mime
	sm := storedMedia{id: m.ID, url: "/anh/" + m.SHA256 + "." + media.Extension(m.Mime)}
	im.files[rel] = sm
	im.rep.count("media").Created++
	return sm, true
}

// readVariant reads rel under root, trying the name as written and in
// both Unicode normal forms: Vietnamese file names uploaded from macOS
// are decomposed on disk.
func readVariant(root, rel string) ([]byte, error) {
	var lastErr error
	for _, v := range []string{rel, norm.NFC.String(rel), norm.NFD.String(rel)} {
		full := filepath.Join(root, filepath.FromSlash(v))
		if !strings.HasPrefix(full, filepath.Clean(root)+string(filepath.Separator)) {
			return nil, errors.New("outside the images folder")
		}

		data, err := os.ReadFile(full)
		if err == nil {
			return data, nil
		}

		lastErr = err
	}

	return nil, lastErr
}

var mosImage = regexp.MustCompile(`\{mosimage\}`)

// mosImages expands 1.5's {mosimage} markers with the lines of the images
// column (path|align|alt|border|caption|...), paths under images/stories.
func mosImages(text, images string) string {
	if !strings.Contains(text, "{mosimage}") {
		return text
	}

	lines := strings.Split(strings.ReplaceAll(images, "\r", ""), "\n")
	i := 0
	return mosImage.ReplaceAllStringFunc(text, func(string) string {
		if i >= len(lines) || strings.TrimSpace(lines[i]) == "" {
			i++
			return ""
		}

		f := strings.Split(lines[i], "|")
		i++
		alt := ""
		if len(f) > 2 {
			alt = f[2]
		}

		return `<img src="/images/stories/` + html.EscapeString(f[0]) + `" alt="` + html.EscapeString(alt) + `">`
	})
}
