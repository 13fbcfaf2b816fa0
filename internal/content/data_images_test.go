package content

import (
	"errors"
	"strings"
	"testing"
)

func TestMoveDataImagesPutsAddressesInPlaceOfPastedPictures(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, html, want string
		kept             int
	}{
		{"double quotes", `<p><img alt="x" src="data:image/png;base64,iVBO Rw0K"></p>`,
			`<p><img alt="x" src="/anh/1.png"></p>`, 1},
		{"single quotes", `<img src='data:image/jpeg;base64,/9j/4AAQ'>`, `<img src="/anh/1.png">`, 1},
		{"two pictures", `<img src="data:image/png;base64,iVBORw0K"><img src="data:image/gif;base64,R0lGODlh">`,
			`<img src="/anh/1.png"><img src="/anh/2.png">`, 2},
		{"not base64: left to the sanitiser", `<img src="data:image/png;base64,không">`,
			`<img src="data:image/png;base64,không">`, 0},
		{"an address already", `<img src="/anh/abc.png">`, `<img src="/anh/abc.png">`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kept := 0
			got, err := MoveDataImages(tc.html, func(data []byte) (string, error) {
				kept++
				return "/anh/" + string(rune('0'+kept)) + ".png", nil
			})

			if err != nil || got != tc.want || kept != tc.kept {
				t.Errorf("got %q, %d kept (%v), want %q, %d", got, kept, err, tc.want, tc.kept)
			}
		})
	}
}

func TestMoveDataImagesStopsAtARefusedPicture(t *testing.T) {
	t.Parallel()
	refused := errors.New("too large")
	html := `<img src="data:image/png;base64,iVBORw0K">`

	got, err := MoveDataImages(html, func([]byte) (string, error) { return "", refused })

	if !errors.Is(err, refused) || !strings.Contains(got, "data:") {
		t.Errorf("got %q, %v", got, err)
	}
}
