package demo

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"sync"
)

// schemes are the colours of the generated illustrations, so the demo site
// shows real pictures, thumbnails and srcset without shipping photographs.
var schemes = map[string][2]color.RGBA{
	"lab":      {{0x1f, 0x5f, 0x8b, 255}, {0xa8, 0xd8, 0xea, 255}},
	"field":    {{0x3a, 0x7d, 0x2c, 255}, {0xe8, 0xd9, 0x6a, 255}},
	"meeting":  {{0x8a, 0x0f, 0x12, 255}, {0xf5, 0xc5, 0x42, 255}},
	"award":    {{0xb3, 0x6b, 0x00, 255}, {0xff, 0xe6, 0x99, 255}},
	"city":     {{0x2d, 0x3e, 0x50, 255}, {0xd5, 0xdb, 0xe1, 255}},
	"document": {{0x5b, 0x5b, 0x60, 255}, {0xf7, 0xf4, 0xef, 255}},
}

// illustrations keeps drawn pictures: tests load the demo site many times
// in one process, and drawing is the slowest part of loading it.
var illustrations sync.Map

// Illustration draws a 640×427 JPEG for a scheme: a diagonal gradient
// with soft circles placed by a hash of seed, so each article's picture
// differs.
func Illustration(scheme, seed string) []byte {
	key := scheme + "\x00" + seed
	if b, ok := illustrations.Load(key); ok {
		return b.([]byte)
	}
	b := drawIllustration(scheme, seed)
	illustrations.Store(key, b)
	return b
}

func drawIllustration(scheme, seed string) []byte {
	cs, ok := schemes[scheme]
	if !ok {
		cs = schemes["document"]
	}

	const w, h = 640, 427
	h32 := fnv.New32a()
	h32.Write([]byte(seed))
	s := h32.Sum32()
	type circle struct{ x, y, r float64 }
	var circles []circle
	for i := 0; i < 5; i++ {
		s = s*1664525 + 1013904223
		x := float64(s % w)
		s = s*1664525 + 1013904223
		y := float64(s % h)
		s = s*1664525 + 1013904223
		r := 60 + float64(s%220)
		circles = append(circles, circle{x, y, r})
	}

	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			t := (float64(x)/w + float64(y)/h) / 2
			light := 0.0
			for _, c := range circles {
				d := math.Hypot(float64(x)-c.x, float64(y)-c.y)
				if d < c.r {
					light += 0.18 * (1 - d/c.r)
				}
			}

			t = math.Min(1, t+light)
			img.SetRGBA(x, y, color.RGBA{
				R: mix(cs[0].R, cs[1].R, t), G: mix(cs[0].G, cs[1].G, t), B: mix(cs[0].B, cs[1].B, t), A: 255,
			})
		}
	}

	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 78})
	return buf.Bytes()
}

func mix(a, b uint8, t float64) uint8 {
	return uint8(float64(a)*(1-t) + float64(b)*t)
}
