package admin_test

import (
	"context"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
)

// TestBrowserPastedPictureIsUploadedByTheEditor pastes a picture into
// the editor as Word does (a data: URL) and saves: the editor has sent it
// to the media library first, so the form carries its address.
func TestBrowserPastedPictureIsUploadedByTheEditor(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing; CI must install chromium", chromium)
		}
		t.Skipf("%s missing", chromium)
	}
	cfg, err := app.ParseServeConfig([]string{"--data", t.TempDir(), "--addr", "127.0.0.1:0"},
		func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	a, err := app.New(ctx, cfg, app.NewLogger("text", io.Discard))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	const pw = "Hôm nay trời đẹp"
	if _, err := auth.NewStore(a.DB).CreateUser(ctx, a.DB, auth.NewUser{Username: "phongvien", Password: pw,
		Role: auth.RoleWriter}); err != nil {
		t.Fatal(err)
	}
	category := &content.Category{SiteID: 1, Name: "Tin tức", Published: true}
	if err := content.NewStore(a.DB).CreateCategory(ctx, a.DB, category); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go a.Serve(ctx, ln)
	base := "http://" + ln.Addr().String()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.Headless, chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true))
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	actx, tcancel := context.WithTimeout(actx, 120*time.Second)
	defer tcancel()
	browser, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	const title = "Ảnh dán từ Word"
	const pasteJS = `(() => {
		const c = document.createElement('canvas'); c.width = 60; c.height = 40;
		const g = c.getContext('2d'); g.fillStyle = '#06c'; g.fillRect(0, 0, 60, 40);
		const ed = hugerte.activeEditor;
		ed.setContent('<p>Hội nghị:</p><p><img src="' + c.toDataURL('image/png') + '" alt="Hội nghị"></p>');
		return ed.getContent().indexOf('<img') >= 0;
	})()`
	err = chromedp.Do(browser,
		chromedp.Navigate(base+"/quan-tri/dang-nhap"),
		chromedp.SendKeys(chromedp.CSS("#username"), "phongvien"),
		chromedp.SendKeys(chromedp.CSS("#password"), pw),
		chromedp.Submit(chromedp.CSS("#password")),
		chromedp.WaitVisible(chromedp.CSS("nav.main")),
		chromedp.Navigate(base+"/quan-tri/bai-viet/moi"),
		chromedp.WaitVisible(chromedp.CSS(".tox-edit-area iframe")),
		chromedp.SendKeys(chromedp.CSS("#title"), title),
		chromedp.SetValue(chromedp.CSS("#category_id"), strconv.FormatInt(category.ID, 10)),
	)
	if err != nil {
		t.Fatalf("open the editor: %v", err)
	}
	if pasted, err := chromedp.Run(browser, chromedp.Evaluate[bool](pasteJS)); err != nil || !pasted {
		t.Fatalf("paste: %v %v", pasted, err)
	}
	if err := chromedp.Do(browser, chromedp.Click(chromedp.CSS(`button[name="move"][value="submit"]`))); err != nil {
		t.Fatalf("submit: %v", err)
	}
	// The form goes once the picture is uploaded, so the next page comes
	// later than the click: look for it rather than wait on the old one.
	saved := false
	for deadline := time.Now().Add(30 * time.Second); !saved && time.Now().Before(deadline); {
		saved, _ = chromedp.Run(browser, chromedp.Evaluate[bool](`!!document.querySelector('p.flash')`))
		if !saved {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if !saved {
		t.Fatal("the article was not saved")
	}

	var body, name string
	if err := a.DB.QueryRowContext(ctx, `SELECT body_html FROM articles WHERE title = $1`, title).Scan(&body); err != nil {
		t.Fatal(err)
	}
	if err := a.DB.QueryRowContext(ctx, `SELECT name FROM media`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(body, "data:") || !strings.Contains(body, `src="/anh/`) {
		t.Errorf("stored body %q", body)
	}
	// The server names the pictures it moves itself "…-anh-dan-N".
	if strings.Contains(name, "anh-dan") {
		t.Errorf("the picture %q reached the server inside the form, not through the editor's upload", name)
	}
}
