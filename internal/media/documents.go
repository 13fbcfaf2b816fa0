package media

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
)

// Office document types accepted for upload, besides PDF.
const (
	MimeDOC  = "application/msword"
	MimeXLS  = "application/vnd.ms-excel"
	MimeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	MimeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	MimeODT  = "application/vnd.oasis.opendocument.text"
)

// oleMagic opens every OLE2 compound file: .doc and .xls, but also .ppt,
// .msi and others, so the stream names decide.
var oleMagic = []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

// utf16 spells s as the UTF-16LE that OLE2 directory entries use.
func utf16(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

func sniffOLE(data []byte) string {
	switch {
	case bytes.Contains(data, utf16("WordDocument")):
		return MimeDOC
	case bytes.Contains(data, utf16("Workbook")), bytes.Contains(data, utf16("Book\x00")):
		return MimeXLS
	}
	return ""
}

// sniffZip tells DOCX, XLSX and ODT apart from other ZIP files by what
// they declare inside; macro-enabled documents (.docm, .xlsm) declare
// other types and are refused.
func sniffZip(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}

	names := map[string]*zip.File{}
	for _, f := range zr.File {
		names[path.Clean(f.Name)] = f
	}

	if f, ok := names["mimetype"]; ok {
		if b, err := readSmall(f, 200); err == nil && strings.TrimSpace(string(b)) == MimeODT {
			return MimeODT
		}
		return ""
	}

	ct, ok := names["[Content_Types].xml"]
	if !ok {
		return ""
	}

	b, err := readSmall(ct, 1<<20)
	if err != nil {
		return ""
	}

	types := string(b)
	switch {
	case names["word/document.xml"] != nil && strings.Contains(types, "wordprocessingml.document.main+xml"):
		return MimeDOCX
	case names["xl/workbook.xml"] != nil && strings.Contains(types, "spreadsheetml.sheet.main+xml"):
		return MimeXLSX
	}

	return ""
}

func readSmall(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("entry %s too large", f.Name)
	}

	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, limit))
}

// extensions are the file name endings accepted for each type.
var extensions = map[string][]string{
	"image/jpeg":      {"jpg", "jpeg", "jpe"},
	"image/png":       {"png"},
	"image/gif":       {"gif"},
	"image/webp":      {"webp"},
	"application/pdf": {"pdf"},
	MimeDOC:           {"doc"},
	MimeXLS:           {"xls"},
	MimeDOCX:          {"docx"},
	MimeXLSX:          {"xlsx"},
	MimeODT:           {"odt"},
}

// NameMatches reports whether a file's name ends as its content says it
// should. An upload named .pdf that holds a picture, or .jpg that holds a
// document, is disguised: it is refused so nobody is fooled by the name.
func NameMatches(name, mime string) bool {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
	for _, e := range extensions[mime] {
		if e == ext {
			return true
		}
	}
	return false
}
