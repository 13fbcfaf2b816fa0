package web

import (
	"context"
	"mime"
	"net/http"
	"strconv"
	"testing"

	"github.com/congtin/congtin/internal/media"
	"github.com/congtin/congtin/internal/store/storetest"
)

func TestIdenticalUploadsAreServedUnderTheirOwnNames(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	h := newServer(t, db).Handler()
	ms := media.NewStore(db)
	pdf := []byte("%PDF-1.7\n% báo cáo\n")
	first, err := ms.Put(context.Background(), db, 1, "bao-cao-quy-1.pdf", "", pdf)
	if err != nil {
		t.Fatal(err)
	}
	second, err := ms.Put(context.Background(), db, 1, "ke-hoach-2025.pdf", "", pdf)
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name, query, want string
	}{
		{"the first upload", "?tep=" + strconv.FormatInt(first.ID, 10), "bao-cao-quy-1.pdf"},
		{"the second upload", "?tep=" + strconv.FormatInt(second.ID, 10), "ke-hoach-2025.pdf"},
		{"no upload named", "", "bao-cao-quy-1.pdf"},
		{"an upload of other bytes", "?tep=999", "bao-cao-quy-1.pdf"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, _ := get(t, h, "/anh/"+first.SHA256+".pdf"+tc.query)

			_, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
			if res.StatusCode != http.StatusOK || err != nil || params["filename"] != tc.want {
				t.Errorf("status %d, Content-Disposition %q, want filename %q", res.StatusCode,
					res.Header.Get("Content-Disposition"), tc.want)
			}
		})
	}
}
