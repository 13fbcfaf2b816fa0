package admin_test

import (
	"context"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/auth"
)

const chromium = "/usr/bin/chromium"

// TestBrowserWriteReviewPublish drives Debian's Chromium through the
// newsroom of a real server: a writer writes in the editor with bold text
// and an uploaded image and submits; the writer has no way to publish; the
// editor-in-chief approves; a visitor sees the article on the home page
// and finds it by search.
func TestBrowserWriteReviewPublish(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing; CI must install chromium", chromium)
		}
		t.Skipf("%s missing", chromium)
	}
	cfg, err := app.ParseServeConfig([]string{"--demo", "--data", t.TempDir(), "--addr", "127.0.0.1:0"}, func(string) string { return "" })
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
	users := auth.NewStore(a.DB)
	const pw = "Hôm nay trời đẹp"
	for _, u := range []auth.NewUser{{Username: "phongvien", Role: auth.RoleWriter, DisplayName: "Hải Ninh"},
		{Username: "tongbientap", Role: auth.RoleEditorInChief}} {
		u.Password = pw
		if _, err := users.CreateUser(ctx, a.DB, u); err != nil {
			t.Fatal(err)
		}
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
	if err := chromedp.Do(browser, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// Each person gets a browser context of their own: separate cookies.
	person := func(username string) context.Context {
		pctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		t.Cleanup(cancel)
		if username == "" {
			return pctx
		}
		err := chromedp.Do(pctx,
			chromedp.Navigate(base+"/quan-tri/dang-nhap"),
			chromedp.SendKeys(chromedp.CSS("#username"), username),
			chromedp.SendKeys(chromedp.CSS("#password"), pw),
			chromedp.Submit(chromedp.CSS("#password")),
			chromedp.WaitVisible(chromedp.CSS("nav.main")),
		)
		if err != nil {
			t.Fatalf("login %s: %v", username, err)
		}
		return pctx
	}
	const title = "Khánh thành phòng thí nghiệm trọng điểm"
	// The image goes through the editor's own upload endpoint, as the
	// editor's upload handler sends it: a PNG drawn on a canvas.
	uploadJS := `(async () => {
		const c = document.createElement('canvas'); c.width = 40; c.height = 30;
		const g = c.getContext('2d'); g.fillStyle = '#c00'; g.fillRect(0, 0, 40, 30);
		const blob = await new Promise(r => c.toBlob(r, 'image/png'));
		const fd = new FormData(); fd.append('file', blob, 'phong-thi-nghiem.png');
		const token = document.querySelector('meta[name="csrf"]').content;
		const r = await fetch('/quan-tri/tep/trinh-soan', {method: 'POST', body: fd, headers: {'X-CSRF-Token': token}});
		const j = await r.json();
		const ed = hugerte.activeEditor;
		ed.focus();
		ed.setContent('<p>Sáng nay, Sở tổ chức lễ khánh thành. </p>');
		ed.selection.select(ed.getBody().firstChild, true); ed.selection.collapse(false);
		ed.execCommand('Bold');
		ed.insertContent('Phòng thí nghiệm đạt chuẩn ISO');
		ed.execCommand('Bold');
		ed.insertContent('<p><img src="' + j.location + '" alt="Phòng thí nghiệm"></p>');
		ed.selection.select(ed.getBody().querySelector('img'));
		ed.execCommand('JustifyRight');
		ed.save();
		return j.location || j.error;
	})()`
	writer := person("phongvien")
	err = chromedp.Do(writer,
		chromedp.Navigate(base+"/quan-tri/bai-viet/moi"),
		chromedp.WaitVisible(chromedp.CSS(".tox-edit-area iframe")),
		chromedp.SendKeys(chromedp.CSS("#title"), title),
		chromedp.SetValue(chromedp.CSS("#category_id"), "1"),
	)
	if err != nil {
		t.Fatalf("writer opens the editor: %v", err)
	}
	// The editor speaks Vietnamese: its own language file is loaded.
	labels, err := chromedp.Run(writer, chromedp.Evaluate[string](`[...document.querySelectorAll('.tox-toolbar__primary .tox-tbtn')]
		.map(b => b.getAttribute('aria-label')).filter(Boolean).join('|')`))
	if err != nil || !strings.Contains(labels, "In đậm") || !strings.Contains(labels, "Hoàn tác") || strings.Contains(labels, "Bold") {
		t.Errorf("toolbar labels %q (%v)", labels, err)
	}
	location, err := chromedp.Run(writer, chromedp.Evaluate[string](uploadJS, chromedp.EvalAwaitPromise))
	if err != nil || !strings.HasPrefix(location, "/anh/") {
		t.Fatalf("upload: %q %v", location, err)
	}
	hasPublish, err := chromedp.Run(writer, chromedp.Evaluate[bool](`!!document.querySelector('button[value="publish"]')`))
	if err != nil || hasPublish {
		t.Fatalf("the writer is offered a publish button (%v)", err)
	}
	err = chromedp.Do(writer,
		chromedp.Click(chromedp.CSS(`button[name="move"][value="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	var id int64
	var body, status string
	if err := a.DB.QueryRowContext(context.Background(), `SELECT id, body_html, status FROM articles WHERE title = $1`, title).Scan(&id, &body, &status); err != nil {
		t.Fatal(err)
	}
	if status != "pending" || !strings.Contains(body, "<strong>Phòng thí nghiệm đạt chuẩn ISO</strong>") || !strings.Contains(body, location) ||
		!strings.Contains(body, `class="align-right"`) {
		t.Fatalf("stored %s: %s", status, body)
	}

	chief := person("tongbientap")
	err = chromedp.Do(chief,
		chromedp.Navigate(base+"/quan-tri/bai-viet/"+itoa(id)+"/sua"),
		chromedp.WaitVisible(chromedp.CSS(".tox-edit-area iframe")),
	)
	if err != nil {
		t.Fatalf("editor-in-chief opens the article: %v", err)
	}
	// The picture the writer aligned right shows aligned right when the
	// article is opened again, and the editor knows it is.
	const alignedJS = `(() => {
		const ed = window.hugerte && hugerte.activeEditor;
		if (!ed || !ed.initialized) return "";
		const img = ed.getBody().querySelector('img');
		if (!img) return "no picture";
		return ed.getWin().getComputedStyle(img).float + " " + ed.formatter.match('alignright', {}, img);
	})()`
	aligned := ""
	for deadline := time.Now().Add(20 * time.Second); aligned == "" && time.Now().Before(deadline); {
		if aligned, err = chromedp.Run(chief, chromedp.Evaluate[string](alignedJS)); err != nil {
			t.Fatal(err)
		}
		if aligned == "" {
			time.Sleep(100 * time.Millisecond)
		}
	}
	if aligned != "right true" {
		t.Errorf("reopened picture: float and alignright match %q, want \"right true\"", aligned)
	}
	err = chromedp.Do(chief,
		chromedp.WaitVisible(chromedp.CSS(`button[value="publish"]`)),
		chromedp.Click(chromedp.CSS(`button[value="publish"]`)),
		chromedp.WaitVisible(chromedp.CSS("p.flash")),
	)
	if err != nil {
		t.Fatalf("editor-in-chief: %v", err)
	}
	visitor := person("")
	if err := chromedp.Do(visitor, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	home, err := chromedp.Run(visitor, chromedp.OuterHTML(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(visitor, chromedp.Navigate(base+"/tim-kiem?q=khanh+thanh+phong+thi+nghiem")); err != nil {
		t.Fatal(err)
	}
	found, err := chromedp.Run(visitor, chromedp.OuterHTML(chromedp.CSS("body")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(home, title) {
		t.Error("the home page does not show the published article")
	}
	// Titles in results carry highlight marks; the link is plain.
	if !strings.Contains(found, itoa(id)+"-khanh-thanh-phong-thi-nghiem-trong-diem") {
		t.Error("search does not find the published article")
	}
}
