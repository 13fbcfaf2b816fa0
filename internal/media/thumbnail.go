package media

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"sort"
	"sync"

	_ "image/gif" // decoders registered for image.Decode
	_ "image/png"

	xdraw "golang.org/x/image/draw"
	_ "golang.org/x/image/webp"
)

type thumbnail struct {
	width, height int
	data          []byte
}

// imageSize reads an image's size from its header, refusing one over
// MaxPixels before anything is decoded.
func imageSize(data []byte) (int, int, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0, fmt.Errorf("%w: unreadable image: %v", ErrUnsupported, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, fmt.Errorf("%w: image of %d×%d pixels", ErrUnsupported, cfg.Width, cfg.Height)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return 0, 0, tooManyPixels(cfg.Width, cfg.Height)
	}
	return cfg.Width, cfg.Height, nil
}

// recentThumbnails remembers the thumbnails of the last few images by
// content hash: the demo site and the tests store the same pictures again
// and again, and scaling is the slowest part of storing an image. It is
// emptied when full, so it holds at most recentLimit images.
var recentThumbnails = struct {
	sync.Mutex
	m map[string][]thumbnail
}{m: map[string][]thumbnail{}}

const recentLimit = 32

func recentThumbnailsOf(sum string) ([]thumbnail, bool) {
	recentThumbnails.Lock()
	defer recentThumbnails.Unlock()
	t, ok := recentThumbnails.m[sum]
	return t, ok
}

func rememberThumbnails(sum string, t []thumbnail) {
	recentThumbnails.Lock()
	defer recentThumbnails.Unlock()
	if len(recentThumbnails.m) >= recentLimit {
		clear(recentThumbnails.m)
	}

	recentThumbnails.m[sum] = t
}

// makeThumbnails scales the decoded image down to each of ThumbnailWidths smaller
// than its own width, as JPEG. Each thumbnail is made from the next larger
// one rather than from the original: the result is as sharp and the work
// falls with the square of the size.
func makeThumbnails(src image.Image) ([]thumbnail, error) {
	width := src.Bounds().Dx()
	var widths []int
	for _, tw := range ThumbnailWidths {
		if tw < width {
			widths = append(widths, tw)
		}
	}

	sort.Sort(sort.Reverse(sort.IntSlice(widths)))
	var out []thumbnail
	for _, tw := range widths {
		b := src.Bounds()
		th := max(1, b.Dy()*tw/b.Dx())
		dst := image.NewRGBA(image.Rect(0, 0, tw, th))
		// A white ground, so transparent PNG and GIF areas do not turn black in JPEG.
		draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), src, b, xdraw.Over, nil)
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 82}); err != nil {
			return nil, err
		}

		out = append(out, thumbnail{width: tw, height: th, data: buf.Bytes()})
		src = dst
	}

	return out, nil
}
