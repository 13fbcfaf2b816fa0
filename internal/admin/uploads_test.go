package admin

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/store/storetest"
)

// pngClaiming is a PNG signature and header claiming w × h pixels, with
// no pixels: 33 bytes that a decoder would turn into w*h*4 bytes.
func pngClaiming(w, h uint32) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6
	binary.Write(&buf, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	buf.Write(chunk)
	binary.Write(&buf, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return buf.Bytes()
}

// withMedia serves the newsroom of f again, with media store ms, and
// points c at it (the session cookie is the same host's).
func withMedia(t *testing.T, f *fixture, c *client, ms *media.Store) {
	t.Helper()
	s, err := New(Config{SiteID: 1, UploadMax: 1 << 20}, Deps{DB: f.db, Content: f.content, Media: ms,
		Polls: poll.NewStore(f.db), Users: f.users, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	c.base = srv.URL
}

func TestImageOverThePixelLimitIsRefusedWithoutDecoding(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "phongvien")
	ms := media.NewStore(db)
	decodes := 0
	ms.OnDecode(func() { decodes++ })
	withMedia(t, f, c, ms)

	for _, path := range []string{"/quan-tri/tep/", "/quan-tri/tep/trinh-soan"} {
		t.Run(path, func(t *testing.T) {
			res, body := c.upload(path, "anh-40mp.png", pngClaiming(8000, 5000))

			if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "24 megapixel") {
				t.Errorf("status %d, want 413 naming the limit\n%.600s", res.StatusCode, body)
			}
		})
	}
	if decodes != 0 {
		t.Errorf("%d decodes of an image over the limit", decodes)
	}
}

func TestVotesAreNotHeldBehindAnImageBeingDecoded(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "phongvien")
	polls := poll.NewStore(db)
	p, err := polls.Add(context.Background(), poll.NewPoll{SiteID: 1, Question: "Bạn hài lòng?",
		Options: []string{"Có", "Không"}, Open: true})
	if err != nil {
		t.Fatal(err)
	}
	// While the picture is being decoded a visitor votes. With a write
	// transaction open around the decoding, SQLite's one writer would be
	// taken and the vote would wait for the upload to end, which waits
	// for the vote: the guard's deadline would end it instead.
	ms := media.NewStore(db)
	var voteErr error
	decodes := 0
	ms.OnDecode(func() {
		decodes++
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		voteErr = polls.Vote(ctx, 1, p.ID, p.Options[0].ID, "khach-"+strconv.Itoa(decodes), "192.0.2.7", time.Now())
	})
	withMedia(t, f, c, ms)
	var img bytes.Buffer
	png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 700, 300)))

	res, body := c.upload("/quan-tri/tep/", "hoi-nghi.png", img.Bytes())

	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %d\n%.600s", res.StatusCode, body)
	}
	if decodes != 1 || voteErr != nil {
		t.Fatalf("%d decodes; the vote cast meanwhile: %v", decodes, voteErr)
	}
	r, _ := polls.Results(context.Background(), 1, p.ID)
	if r.Total != 1 {
		t.Errorf("%d votes counted, want 1", r.Total)
	}
}

func TestPastedPicturesAreMovedIntoTheMediaLibraryOnSave(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "phongvien")
	var img bytes.Buffer
	png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 40, 30)))
	pasted := `<p>Ảnh hội nghị:</p><p><img src="data:image/png;base64,` +
		base64.StdEncoding.EncodeToString(img.Bytes()) + `" alt="Hội nghị"></p>`

	res, _ := c.post("/quan-tri/bai-viet/moi", formOf("Hội nghị tổng kết", f.cat, "body", pasted))

	a, err := f.content.ArticleForEdit(context.Background(), db, idFromLocation(t, res))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.BodyHTML, "data:") || !strings.Contains(a.BodyHTML, `src="/anh/`) ||
		!strings.Contains(a.BodyHTML, `alt="Hội nghị"`) {
		t.Errorf("body after save: %q", a.BodyHTML)
	}
	var name string
	if err := db.QueryRowContext(t.Context(), `SELECT name FROM media`).Scan(&name); err != nil ||
		name != "hoi-nghi-tong-ket-anh-dan-1.png" {
		t.Errorf("media row %q (%v)", name, err)
	}
}

func TestPastedPictureOverTheLimitIsMarkedAndNothingSaved(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "phongvien")
	pasted := `<p><img src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(pngClaiming(8000, 5000)) + `"></p>`

	res, body := c.post("/quan-tri/bai-viet/moi", formOf("Bài có ảnh quá lớn", f.cat, "body", pasted))

	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "24 megapixel") ||
		!strings.Contains(body, `value="Bài có ảnh quá lớn"`) {
		t.Errorf("status %d\n%.3000s", res.StatusCode, body)
	}
	var n int
	db.QueryRowContext(t.Context(), `SELECT count(*) FROM articles`).Scan(&n)
	if n != 0 {
		t.Errorf("%d articles saved", n)
	}
}

func TestIdenticalUploadsKeepTheirOwnNamesInTheLibrary(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "phongvien")
	pdf := []byte("%PDF-1.7\n% báo cáo\n")
	for _, name := range []string{"bao-cao-quy-1.pdf", "ke-hoach-2025.pdf"} {
		if res, _ := c.upload("/quan-tri/tep/", name, pdf); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("upload %s: %d", name, res.StatusCode)
		}
	}
	var second int64
	db.QueryRowContext(t.Context(), `SELECT id FROM media WHERE name = 'ke-hoach-2025.pdf'`).Scan(&second)

	_, body := c.get("/quan-tri/tep/")

	link := `.pdf?tep=` + strconv.FormatInt(second, 10) + `">📄 ke-hoach-2025.pdf</a>`
	if !strings.Contains(body, link) || !strings.Contains(body, "📄 bao-cao-quy-1.pdf") {
		t.Errorf("the library does not link each upload under its own name (%s):\n%s", link, body)
	}
}
