package media

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"testing"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestImageOverThePixelLimitIsRefusedBeforeDecoding(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	s := NewStore(db)
	decodes := 0
	s.OnDecode(func() { decodes++ })

	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"40 megapixels", pngHeader(8000, 5000)},
		{"just over the limit", pngHeader(6001, 4000)},
		{"60,000 square", bombPNG()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Put(context.Background(), db, 1, "anh.png", "", tc.data)

			if !problem.Is(err, problem.TooLarge) || !errors.Is(err, errTooManyPixels) {
				t.Fatalf("err = %v, want the pixel limit", err)
			}
			if msg, _ := problem.Message(i18n.Default, err); !bytes.Contains([]byte(msg), []byte("24 megapixel")) {
				t.Errorf("message %q does not name the limit", msg)
			}
		})
	}
	if decodes != 0 {
		t.Errorf("%d images decoded, want none", decodes)
	}
	var n int
	db.QueryRowContext(t.Context(), `SELECT count(*) FROM media`).Scan(&n)
	if n != 0 {
		t.Errorf("%d media rows after refusals", n)
	}
}

func TestLargeOriginalIsStoredScaledDown(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	s := NewStore(db)
	var buf bytes.Buffer
	jpeg.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 4000, 1000)), nil)

	m, err := s.Put(context.Background(), db, 1, "toan-canh.jpg", "", buf.Bytes())

	if err != nil {
		t.Fatal(err)
	}
	if m.Width != MaxSide || m.Height != 640 || m.Mime != "image/jpeg" {
		t.Fatalf("stored %dx%d %s, want %dx640 JPEG", m.Width, m.Height, m.Mime, MaxSide)
	}
	f, err := s.Original(t.Context(), m.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(f.Data))
	if err != nil || cfg.Width != MaxSide || int64(len(f.Data)) != m.Size {
		t.Errorf("stored original %dx%d, %d bytes (%v)", cfg.Width, cfg.Height, len(f.Data), err)
	}
}

func TestPrepareTouchesNoDatabase(t *testing.T) {
	t.Parallel()
	// A store without a database: Prepare must still do all its work.
	s := NewStore(nil)
	decodes := 0
	s.OnDecode(func() { decodes++ })

	p, err := s.Prepare(context.Background(), 1, "anh.png", "", pngOf(700, 350))

	if err != nil {
		t.Fatal(err)
	}
	if m := p.Media(); m.Width != 700 || len(p.thumbs) != 2 || decodes != 1 {
		t.Errorf("prepared %+v with %d thumbnails after %d decodes", m, len(p.thumbs), decodes)
	}
}
