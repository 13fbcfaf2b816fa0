package media

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

func pngOf(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 90, 200})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// bombPNG is a tiny PNG header that claims a 60,000 × 60,000 picture.
func bombPNG() []byte { return pngHeader(60000, 60000) }

// pngHeader is a PNG's signature and header chunk, claiming w × h pixels:
// enough for the header check, no pixels at all.
func pngHeader(w, h uint32) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	binary.Write(&buf, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	buf.Write(chunk)
	binary.Write(&buf, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return buf.Bytes()
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"png", pngOf(2, 2), "image/png"},
		{"jpeg", []byte("\xff\xd8\xff\xe0rest"), "image/jpeg"},
		{"gif", []byte("GIF89a...."), "image/gif"},
		{"webp", []byte("RIFF\x00\x00\x00\x00WEBPVP8 "), "image/webp"},
		{"pdf", []byte("%PDF-1.7\n"), "application/pdf"},
		{"html named .jpg", []byte("<html><script>alert(1)</script>"), ""},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), ""},
		{"empty", nil, ""},
	}
	for _, tt := range tests {
		if got := Sniff(tt.data); got != tt.want {
			t.Errorf("%s: Sniff = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPutImage(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db)
		data := pngOf(800, 400)
		m, err := s.Put(ctx, db, 1, "ảnh hội nghị.png", "Hội nghị", data)
		if err != nil {
			t.Fatal(err)
		}
		if m.Mime != "image/png" || m.Width != 800 || m.Height != 400 || m.Size != int64(len(data)) {
			t.Fatalf("stored %+v", m)
		}
		f, err := s.Original(ctx, m.SHA256)
		if err != nil || !bytes.Equal(f.Data, data) {
			t.Fatalf("original: %v", err)
		}
		for _, w := range ThumbnailWidths {
			th, err := s.Thumbnail(ctx, m.SHA256, w)
			if err != nil {
				t.Fatalf("thumbnail %d: %v", w, err)
			}
			cfg, _, err := image.DecodeConfig(bytes.NewReader(th.Data))
			if err != nil || cfg.Width != w || cfg.Height != w/2 {
				t.Errorf("thumbnail %d is %dx%d (%v)", w, cfg.Width, cfg.Height, err)
			}
		}
		// The same bytes again: a second media row, one blob.
		if _, err := s.Put(ctx, db, 1, "copy.png", "", data); err != nil {
			t.Fatal(err)
		}
		var blobs int
		db.QueryRowContext(ctx, `SELECT count(*) FROM media_blobs WHERE sha256 = $1`, m.SHA256).Scan(&blobs)
		if blobs != 1 {
			t.Errorf("%d blobs for identical bytes", blobs)
		}
		// A small image gets no thumbnail wider than itself.
		small, err := s.Put(ctx, db, 1, "nho.png", "", pngOf(200, 100))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Thumbnail(ctx, small.SHA256, 320); !errors.Is(err, ErrNotFound) {
			t.Errorf("thumbnail wider than the image: %v", err)
		}
	})
}

func TestPutRefuses(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	s := NewStore(db)
	for name, data := range map[string][]byte{
		"html": []byte("<html><body>x</body></html>"),
		"torn": pngOf(10, 10)[:40],
	} {
		if _, err := s.Put(context.Background(), db, 1, name+".png", "", data); !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: err = %v, want ErrUnsupported", name, err)
		}
	}
	var n int
	db.QueryRowContext(t.Context(), `SELECT count(*) FROM media`).Scan(&n)
	if n != 0 {
		t.Errorf("%d media rows after refusals", n)
	}
}
