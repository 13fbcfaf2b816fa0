package media

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// zipOf builds a ZIP archive of name/content pairs in order. A name
// ending in "!" is stored uncompressed, as ODF wants its mimetype entry.
func zipOf(t testing.TB, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		name, method := entries[i], zip.Deflate
		if strings.HasSuffix(name, "!") {
			name, method = strings.TrimSuffix(name, "!"), zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(entries[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	xmlDecl     = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	packageRels = xmlDecl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/></Relationships>`
)

func contentTypes(part, mainType string) string {
	return xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/` + part + `" ContentType="` + mainType + `"/></Types>`
}

// docx is the smallest document Word opens: a content-types list, the
// package relationship and one paragraph.
func docx(t testing.TB) []byte {
	return zipOf(t,
		"[Content_Types].xml", contentTypes("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
		"_rels/.rels", strings.Replace(packageRels, "%s", "word/document.xml", 1),
		"word/document.xml", xmlDecl+`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`+
			`<w:body><w:p><w:r><w:t>Quyết định số 15/QĐ-UBND về việc công bố thủ tục hành chính</w:t></w:r></w:p></w:body></w:document>`)
}

func xlsx(t testing.TB) []byte {
	return zipOf(t,
		"[Content_Types].xml", contentTypes("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
		"_rels/.rels", strings.Replace(packageRels, "%s", "xl/workbook.xml", 1),
		"xl/workbook.xml", xmlDecl+`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `+
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Thống kê" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", xmlDecl+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml", xmlDecl+`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`+
			`<row r="1"><c r="A1" t="inlineStr"><is><t>Số hồ sơ</t></is></c><c r="B1"><v>1250</v></c></row></sheetData></worksheet>`)
}

// odf is an OpenDocument package of the given type: the mimetype entry
// first and uncompressed, then the manifest and the content.
func odf(t testing.TB, mimetype string) []byte {
	return zipOf(t,
		"mimetype!", mimetype,
		"META-INF/manifest.xml", xmlDecl+`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">`+
			`<manifest:file-entry manifest:full-path="/" manifest:media-type="`+mimetype+`"/>`+
			`<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
		"content.xml", xmlDecl+`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" `+
			`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>`+
			`<text:p>Kế hoạch tuyên truyền năm 2025</text:p></office:text></office:body></office:document-content>`)
}

// ole builds the start of an OLE2 compound file, as Word 97-2003 and
// Excel write: the 512-byte header, then one directory sector whose
// entries name the streams.
func ole(streams ...string) []byte {
	header := make([]byte, 512)
	copy(header, oleMagic)
	le := binary.LittleEndian
	le.PutUint16(header[0x18:], 0x003E) // minor version
	le.PutUint16(header[0x1A:], 0x0003) // major version 3: 512-byte sectors
	le.PutUint16(header[0x1C:], 0xFFFE) // byte order
	le.PutUint16(header[0x1E:], 9)      // sector shift
	le.PutUint16(header[0x20:], 6)      // mini sector shift
	le.PutUint32(header[0x2C:], 1)      // FAT sectors
	le.PutUint32(header[0x30:], 0)      // first directory sector
	le.PutUint32(header[0x38:], 4096)   // mini stream cutoff
	le.PutUint32(header[0x3C:], 0xFFFFFFFE)
	le.PutUint32(header[0x44:], 0xFFFFFFFE)
	for i := 0x4C; i < 512; i += 4 {
		le.PutUint32(header[i:], 0xFFFFFFFF) // unused FAT slots
	}
	dir := make([]byte, 512)
	for i, name := range append([]string{"Root Entry"}, streams...) {
		if i >= 4 {
			break
		}
		e := dir[i*128 : (i+1)*128]
		copy(e, utf16(name))
		le.PutUint16(e[0x40:], uint16(2*len(name)+2))
		e[0x42] = 2 // stream
		if i == 0 {
			e[0x42] = 5 // root storage
		}
	}
	return append(header, dir...)
}

// pdf is a whole one-page PDF.
const pdf = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" +
	"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
	"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
	"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n" +
	"xref\n0 4\n0000000000 65535 f \n0000000015 00000 n \n0000000064 00000 n \n0000000121 00000 n \n" +
	"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n192\n%%EOF\n"

func TestSniffDocuments(t *testing.T) {
	t.Parallel()
	zipBomb := zipOf(t,
		"[Content_Types].xml", contentTypes("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")+
			strings.Repeat(" ", 4<<20),
		"word/document.xml", "<w:document/>")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"docx", docx(t), MimeDOCX},
		{"xlsx", xlsx(t), MimeXLSX},
		{"odt", odf(t, MimeODT), MimeODT},
		{"doc (Word 97-2003)", ole("WordDocument", "1Table", "\x05SummaryInformation"), MimeDOC},
		{"xls (Excel 97-2003)", ole("Workbook", "\x05SummaryInformation"), MimeXLS},
		{"xls (Excel 5.0/95)", ole("Book"), MimeXLS},
		{"pdf", []byte(pdf), "application/pdf"},

		// Containers of the right kind holding the wrong thing.
		{"zip without Office parts", zipOf(t, "doc/bao-cao.txt", "Báo cáo", "anh.jpg", "\xff\xd8\xff"), ""},
		{"content types without the document", zipOf(t, "[Content_Types].xml",
			contentTypes("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")), ""},
		{"document without content types", zipOf(t, "word/document.xml", "<w:document/>"), ""},
		{"docm (macros)", zipOf(t,
			"[Content_Types].xml", contentTypes("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
			"word/document.xml", "<w:document/>", "word/vbaProject.bin", "\xd0\xcf\x11\xe0"), ""},
		{"xlsm (macros)", zipOf(t,
			"[Content_Types].xml", contentTypes("xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
			"xl/workbook.xml", "<workbook/>"), ""},
		{"pptx", zipOf(t,
			"[Content_Types].xml", contentTypes("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
			"ppt/presentation.xml", "<p:presentation/>"), ""},
		{"ods", odf(t, "application/vnd.oasis.opendocument.spreadsheet"), ""},
		{"jar", zipOf(t, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: X\n", "X.class", "\xca\xfe\xba\xbe"), ""},
		{"torn zip", docx(t)[:200], ""},
		{"ppt (OLE2)", ole("PowerPoint Document", "Current User"), ""},
		{"msi (OLE2)", ole("\x05DigitalSignature", "\x05SummaryInformation"), ""},
		{"ole header alone", ole(), ""},
		// An entry that inflates past what sniffing reads is not opened.
		{"oversize content types (zip bomb)", zipBomb, ""},

		// Other things dressed as documents.
		{"exe", append([]byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), make([]byte, 64)...), ""},
		{"html", []byte("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"), ""},
		{"svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>`), ""},
		{"rtf", []byte(`{\rtf1\ansi\deff0 {\fonttbl {\f0 Times New Roman;}}\f0 Công văn}`), ""},
		{"pdf signature late", append([]byte("MZ"), []byte(pdf)...), ""},
	}
	if len(zipBomb) > 64<<10 {
		t.Fatalf("zip bomb is %d bytes; it should be small", len(zipBomb))
	}
	for _, tt := range tests {
		if got := Sniff(tt.data); got != tt.want {
			t.Errorf("%s: Sniff = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNameMatchesDocuments(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, mime string
		want       bool
	}{
		{"Quyết định 15.docx", MimeDOCX, true},
		{"BAO-CAO.DOCX", MimeDOCX, true},
		{"thong-ke.xlsx", MimeXLSX, true},
		{"ke-hoach.odt", MimeODT, true},
		{"cong-van.doc", MimeDOC, true},
		{"so-lieu.xls", MimeXLS, true},
		{"to-trinh.pdf", "application/pdf", true},
		// Disguised: the name promises another type than the bytes hold.
		{"bao-cao.pdf", MimeDOCX, false},
		{"bao-cao.doc", MimeDOCX, false},
		{"bao-cao.zip", MimeDOCX, false},
		{"thong-ke.xls", MimeXLSX, false},
		{"anh.png", "application/pdf", false},
		{"to-trinh.pdf.exe", "application/pdf", false},
		{"khong-duoi", MimeODT, false},
		{"bao-cao.docx", "", false},
	}
	for _, tt := range tests {
		if got := NameMatches(tt.name, tt.mime); got != tt.want {
			t.Errorf("NameMatches(%q, %q) = %v, want %v", tt.name, tt.mime, got, tt.want)
		}
	}
}

func TestPutDocuments(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db)
		for name, want := range map[string]struct {
			data []byte
			mime string
		}{
			"Quyết định.docx": {docx(t), MimeDOCX},
			"thong-ke.xlsx":   {xlsx(t), MimeXLSX},
			"ke-hoach.odt":    {odf(t, MimeODT), MimeODT},
			"cong-van.doc":    {ole("WordDocument", "1Table"), MimeDOC},
			"to-trinh.pdf":    {[]byte(pdf), "application/pdf"},
		} {
			m, err := s.Put(ctx, db, 1, name, "", want.data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if m.Mime != want.mime || m.Width != 0 || m.Size != int64(len(want.data)) || m.Name != name {
				t.Errorf("%s stored as %+v", name, m)
			}
			f, err := s.Original(ctx, m.SHA256)
			if err != nil || !bytes.Equal(f.Data, want.data) || f.Mime != want.mime {
				t.Errorf("%s read back: %v", name, err)
			}
			// Documents get no thumbnails.
			if _, err := s.Thumbnail(ctx, m.SHA256, ThumbnailWidths[0]); !errors.Is(err, ErrNotFound) {
				t.Errorf("%s has a thumbnail: %v", name, err)
			}
		}
		for name, data := range map[string][]byte{
			"trang.docx":  []byte("<html><body><a href='javascript:alert(1)'>x</a></body></html>"),
			"goi.docx":    zipOf(t, "readme.txt", "không phải văn bản"),
			"chay.pdf":    []byte("MZ\x90\x00\x03\x00\x00\x00"),
			"ve.png":      []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`),
			"macro.docm":  zipOf(t, "[Content_Types].xml", contentTypes("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"), "word/document.xml", "<w:document/>"),
			"trinh-chieu": ole("PowerPoint Document"),
		} {
			if _, err := s.Put(ctx, db, 1, name, "", data); !errors.Is(err, ErrUnsupported) {
				t.Errorf("%s: err = %v, want ErrUnsupported", name, err)
			}
		}
		var n int
		db.QueryRowContext(ctx, `SELECT count(*) FROM media`).Scan(&n)
		if n != 5 {
			t.Errorf("%d media rows, want the 5 documents", n)
		}
	})
}
