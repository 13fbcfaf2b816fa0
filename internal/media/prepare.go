package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"
	"sync"
	"time"

	xdraw "golang.org/x/image/draw"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/vn"
)

// MaxPixels is the largest image accepted, in pixels (24 megapixels: a
// 6,000 × 4,000 camera photo). It is checked from the file's header
// before any pixel is decoded: a 169 KB PNG can claim 40 megapixels and
// take 160 MB once decoded.
const MaxPixels = 24_000_000

// MaxSide is the longest side an image is stored with: a larger original
// is scaled down to it at upload (JPEG and PNG keep their type, WebP
// becomes JPEG). No page shows an image wider, and the file a visitor
// downloads stays small.
const MaxSide = 2560

// bigImagePixels is the size above which an image is decoded alone: two
// such decodes at once would need twice the memory the server is given.
const bigImagePixels = 4_000_000

// errTooManyPixels is what the refusal of an image over MaxPixels stands
// for.
var errTooManyPixels = errors.New("image over the pixel limit")

// Prepared is an upload that has been checked, measured and (for an
// image) scaled and thumbnailed, ready for Save to write.
type Prepared struct {
	media  Media
	data   []byte
	thumbs []thumbnail
}

// Media is what the file will be stored as (no ID yet).
func (p *Prepared) Media() Media { return p.media }

// decodeSlots bounds how many images are decoded at once; a big image
// takes every slot (bigDecode makes big ones queue for them one by one,
// so two never hold half each).
var (
	decodeSlots = make(chan struct{}, 2)
	bigDecode   sync.Mutex
)

// Prepare does the slow part of storing data, without the database:
// the type from the bytes, and for an image the pixel limit, one decode,
// the scaled original and the thumbnails. Call it before opening the
// transaction that saves the file.
func (s *Store) Prepare(ctx context.Context, siteID int64, name, alt string, data []byte) (*Prepared, error) {
	if err := site.Check(siteID, "store file"); err != nil {
		return nil, err
	}
	mime := Sniff(data)
	if mime == "" {
		return nil, ErrUnsupported
	}
	p := &Prepared{media: Media{SiteID: siteID, Mime: mime, Name: vn.NFC(name), Alt: vn.NFC(alt),
		CreatedAt: time.Now().UTC().Truncate(time.Second)}, data: data}
	if IsImage(mime) {
		if err := s.prepareImage(ctx, p); err != nil {
			return nil, err
		}
	}
	p.media.SHA256 = hashOf(p.data)
	p.media.Size = int64(len(p.data))
	return p, nil
}

func (s *Store) prepareImage(ctx context.Context, p *Prepared) error {
	w, h, err := imageSize(p.data)
	if err != nil {
		return err
	}
	sum := hashOf(p.data)
	if max(w, h) <= MaxSide {
		if t, ok := recentThumbnailsOf(sum); ok {
			p.media.Width, p.media.Height, p.thumbs = w, h, t
			return nil
		}
	}

	release, err := acquireDecode(ctx, w*h)
	if err != nil {
		return err
	}
	defer release()
	if s.onDecode != nil {
		s.onDecode()
	}
	// Every image is decoded whole, even one too small for thumbnails: a
	// file whose header is fine but whose pixels are torn is refused now,
	// not shown broken to visitors.
	src, _, err := image.Decode(bytes.NewReader(p.data))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnsupported, err)
	}
	scaled := false
	if max(w, h) > MaxSide {
		if src, err = p.scaleOriginal(src); err != nil {
			return err
		}
		w, h = src.Bounds().Dx(), src.Bounds().Dy()
		scaled = true
	}
	p.media.Width, p.media.Height = w, h
	if p.thumbs, err = makeThumbnails(src); err != nil {
		return err
	}
	if !scaled {
		rememberThumbnails(sum, p.thumbs)
	}
	return nil
}

// scaleOriginal replaces p's bytes with src scaled to MaxSide on its
// longest side, and returns the scaled image.
func (p *Prepared) scaleOriginal(src image.Image) (image.Image, error) {
	b := src.Bounds()
	w, h := MaxSide, max(1, b.Dy()*MaxSide/b.Dx())
	if b.Dy() > b.Dx() {
		w, h = max(1, b.Dx()*MaxSide/b.Dy()), MaxSide
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	var buf bytes.Buffer
	var err error
	if p.media.Mime == "image/png" || p.media.Mime == "image/gif" {
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, b, xdraw.Src, nil)
		p.media.Mime = "image/png"
		err = png.Encode(&buf, dst)
	} else {
		// A white ground, as for thumbnails: JPEG has no transparency.
		draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, b, xdraw.Over, nil)
		p.media.Mime = "image/jpeg"
		err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 85})
	}
	if err != nil {
		return nil, fmt.Errorf("scale image: %w", err)
	}
	p.data = buf.Bytes()
	return dst, nil
}

// acquireDecode waits for room to decode an image of pixels; the answer
// frees it.
func acquireDecode(ctx context.Context, pixels int) (func(), error) {
	n := 1
	if pixels > bigImagePixels {
		n = cap(decodeSlots)
		bigDecode.Lock()
		defer bigDecode.Unlock()
	}
	release := func(k int) {
		for range k {
			<-decodeSlots
		}
	}
	for i := range n {
		select {
		case decodeSlots <- struct{}{}:
		case <-ctx.Done():
			release(i)
			return nil, ctx.Err()
		}
	}
	return func() { release(n) }, nil
}

// tooManyPixels is the refusal of an image of w × h pixels.
func tooManyPixels(w, h int) error {
	return problem.New(problem.TooLarge, "media.err.too_many_pixels", w, h, MaxPixels/1_000_000).
		Because(errTooManyPixels)
}
