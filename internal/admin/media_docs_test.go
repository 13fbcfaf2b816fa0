package admin

import (
	"archive/zip"
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/store/storetest"
)

// docxBytes is a minimal Word document, padded with a stored (not
// compressed) entry of pad bytes so a test can make it any size.
func docxBytes(t *testing.T, pad int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Công văn</w:t></w:r></w:p></w:body></w:document>`},
	} {
		w, _ := zw.Create(e.name)
		w.Write([]byte(e.body))
	}
	if pad > 0 {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/media/image1.png", Method: zip.Store})
		w.Write(bytes.Repeat([]byte{0x89}, pad))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Uploading documents through the newsroom: the bytes decide, the name
// must agree, and the size limit (1 MB in the fixture) holds.
func TestDocumentUploads(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	c := f.login(t, "phongvien")
	zipOnly := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("doc.txt")
		w.Write([]byte("không phải văn bản Word"))
		zw.Close()
		return buf.Bytes()
	}()
	cases := []struct {
		name   string
		data   []byte
		status int
		msg    string
	}{
		{"Quyết định 15.docx", docxBytes(t, 0), http.StatusSeeOther, ""},
		{"Quyết định 15.pdf", docxBytes(t, 0), http.StatusUnsupportedMediaType, "không khớp với nội dung thật"},
		{"trang.docx", []byte("<!DOCTYPE html><html><script>alert(1)</script></html>"), http.StatusUnsupportedMediaType, "không thuộc loại được phép"},
		{"nen.docx", zipOnly, http.StatusUnsupportedMediaType, "không thuộc loại được phép"},
		{"to-trinh.pdf", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 256)...), http.StatusUnsupportedMediaType, "không thuộc loại được phép"},
		{"logo.png", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), http.StatusUnsupportedMediaType, "không thuộc loại được phép"},
		{"lon.docx", docxBytes(t, 1<<20), http.StatusRequestEntityTooLarge, "Tệp quá lớn: tối đa 1 MB."},
	}
	for _, tc := range cases {
		res, body := c.upload("/quan-tri/tep/", tc.name, tc.data)
		if res.StatusCode != tc.status || !strings.Contains(body, tc.msg) {
			t.Errorf("%s: %d, want %d with %q", tc.name, res.StatusCode, tc.status, tc.msg)
		}
	}
	var n int
	db.QueryRowContext(t.Context(), `SELECT count(*) FROM media`).Scan(&n)
	if n != 1 {
		t.Errorf("%d files stored, want 1", n)
	}
	// A document is not a picture for the editor, and is not kept.
	res, body := c.upload("/quan-tri/tep/trinh-soan", "Kế hoạch.docx", docxBytes(t, 10))
	if res.StatusCode != http.StatusUnsupportedMediaType || !strings.Contains(body, "Chỉ chèn được ảnh") {
		t.Errorf("document into the editor: %d %s", res.StatusCode, body)
	}
	db.QueryRowContext(t.Context(), `SELECT count(*) FROM media`).Scan(&n)
	if n != 1 {
		t.Errorf("the editor kept a document it refused: %d files", n)
	}
}
