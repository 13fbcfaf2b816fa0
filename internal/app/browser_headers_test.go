package app

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/congtin/congtin/internal/auth"
)

const chromium = "/usr/bin/chromium"

// browserFor starts Chromium for a test; without it the test is skipped,
// except under CI, where its absence is a failure.
func browserFor(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test")
	}
	if _, err := os.Stat(chromium); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing; CI must install chromium", chromium)
		}
		t.Skipf("%s missing", chromium)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.Headless, chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true))
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(acancel)
	actx, tcancel := context.WithTimeout(actx, 120*time.Second)
	t.Cleanup(tcancel)
	browser, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	if err := chromedp.Do(browser, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return browser
}

// consoleLog gathers what a tab writes to its console, where Chromium
// reports every Content-Security-Policy and framing refusal.
type consoleLog struct {
	mu    sync.Mutex
	lines []string
}

func (c *consoleLog) add(s string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lines = append(c.lines, s)
}

// take returns the lines about policies since the last take.
func (c *consoleLog) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, l := range c.lines {
		if strings.Contains(l, "Content Security Policy") || strings.Contains(l, "X-Frame-Options") ||
			strings.Contains(l, "frame-ancestors") {
			out = append(out, l)
		}
	}
	c.lines = nil
	return out
}

func newTab(t *testing.T, browser context.Context) (context.Context, *consoleLog) {
	t.Helper()
	console := &consoleLog{}
	tab, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext(), chromedp.WithListener(func(ev any) {
		switch e := ev.(type) {
		case *cdplog.EventEntryAdded:
			console.add(e.Entry.Text)
		case *runtime.EventConsoleAPICalled:
			for _, a := range e.Args {
				console.add(string(a.Value))
			}
		}
	}))
	t.Cleanup(cancel)
	if _, err := chromedp.Call(tab, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	return tab, console
}

// serveForBrowser runs the app on a loopback port and returns its address.
func serveForBrowser(t *testing.T, a *App) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return "http://" + ln.Addr().String()
}

// TestAnotherSiteCannotFrameThePoll is the clickjacking attempt: a page on
// another origin puts the poll in an iframe, and Chromium refuses to show
// it. The same page frames a page of its own origin, to show the test
// sees a frame that loads.
func TestAnotherSiteCannotFrameThePoll(t *testing.T) {
	browser := browserFor(t)
	site := serveForBrowser(t, newTestApp(t))
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/own":
			fmt.Fprint(w, `<!doctype html><p id="own">trang của chính nó</p>`)
		default:
			fmt.Fprintf(w, `<!doctype html><iframe id="f" src="%s"></iframe>`, r.URL.Query().Get("src"))
		}
	}))
	defer other.Close()
	// localhost and 127.0.0.1 are different sites to the browser.
	attacker := strings.Replace(other.URL, "127.0.0.1", "localhost", 1)

	tests := []struct {
		name, src string
		loads     bool
	}{
		{"the attacker's own page loads in its frame", attacker + "/own", true},
		{"the poll is refused in another site's frame", site + "/binh-chon/1", false},
		{"the home page is refused in another site's frame", site + "/", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, console := newTab(t, browser)
			err := chromedp.Do(tab, chromedp.Navigate(attacker+"/?src="+tt.src), chromedp.WaitReady("#f"))
			if err != nil {
				t.Fatal(err)
			}
			// A frame of the attacker's own origin can be read from the page;
			// a refused one cannot, and Chromium says why in the console.
			const ownShown = `!!document.getElementById('f').contentDocument?.getElementById('own')`
			var refusals []string
			shown := false
			for range 100 { // the frame's navigation ends after the page's
				if shown, err = chromedp.Run(tab, chromedp.Evaluate[bool](ownShown)); err != nil {
					t.Fatal(err)
				}
				refusals = append(refusals, console.take()...)
				if shown || len(refusals) > 0 {
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
			refused := len(refusals) == 1 && strings.Contains(refusals[0], "frame-ancestors 'self'") &&
				strings.Contains(refusals[0], "blocked")
			if tt.loads != shown || tt.loads == refused {
				t.Errorf("shown %v, refused %v, want shown %v; console %q", shown, refused, tt.loads, refusals)
			}
		})
	}
}

// TestPagesRunUnderTheirPolicy opens the public pages and the newsroom,
// the editor included, and fails on any refusal Chromium reports: the
// policy must be strict and the pages must still work under it.
func TestPagesRunUnderTheirPolicy(t *testing.T) {
	browser := browserFor(t)
	a := newTestApp(t)
	const pw = "Hôm nay trời đẹp"
	if _, err := auth.NewStore(a.DB).CreateUser(context.Background(), a.DB,
		auth.NewUser{Username: "tongbientap", Role: auth.RoleEditorInChief, Password: pw}); err != nil {
		t.Fatal(err)
	}
	site := serveForBrowser(t, a)
	tab, console := newTab(t, browser)

	const article = "/to-chuc-dang/1-ket-qua-thuc-hien-chi-thi-03-nam-2014-va-nhiem-vu-nam-2015"
	for _, path := range []string{"/", article, "/binh-chon/1", "/tim-kiem?q=khoa+h%E1%BB%8Dc", "/khong-co/"} {
		t.Run("public "+path, func(t *testing.T) {
			if err := chromedp.Do(tab, chromedp.Navigate(site+path), chromedp.WaitReady("body")); err != nil {
				t.Fatal(err)
			}
			if refused := console.take(); len(refused) > 0 {
				t.Errorf("refused by the policy: %q", refused)
			}
		})
	}

	t.Run("the newsroom and its editor", func(t *testing.T) {
		err := chromedp.Do(tab,
			chromedp.Navigate(site+"/quan-tri/dang-nhap"),
			chromedp.SendKeys(chromedp.CSS("#username"), "tongbientap"),
			chromedp.SendKeys(chromedp.CSS("#password"), pw),
			chromedp.Submit(chromedp.CSS("#password")),
			chromedp.WaitVisible(chromedp.CSS("nav.main")),
			chromedp.Navigate(site+"/quan-tri/bai-viet/moi"),
			chromedp.WaitVisible(chromedp.CSS(".tox-edit-area iframe")),
		)
		if err != nil {
			t.Fatal(err)
		}
		// A picture pasted into the editor, as Word or a screenshot gives
		// it: a data: URL, which the editor turns into a blob: one.
		paste := `(() => {
			const ed = hugerte.activeEditor;
			const c = document.createElement('canvas'); c.width = 8; c.height = 8;
			ed.insertContent('<p><strong>Đậm</strong> <img src="' + c.toDataURL('image/png') + '" alt="dán"></p>');
			return ed.getBody().querySelectorAll('img').length;
		})()`
		n, err := chromedp.Run(tab, chromedp.Evaluate[int](paste))
		if err != nil || n != 1 {
			t.Fatalf("paste: %d pictures, %v", n, err)
		}
		handlers, err := chromedp.Run(tab, chromedp.Evaluate[int](`[...document.querySelectorAll('*')]
			.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length`))
		if err != nil || handlers != 0 {
			t.Errorf("%d elements with event-handler attributes (%v)", handlers, err)
		}
		for _, path := range []string{"/quan-tri/", "/quan-tri/tep/", "/quan-tri/binh-chon/"} {
			if err := chromedp.Do(tab, chromedp.Navigate(site+path), chromedp.WaitReady("body")); err != nil {
				t.Fatal(err)
			}
		}
		if refused := console.take(); len(refused) > 0 {
			t.Errorf("refused by the policy: %q", refused)
		}
	})
}
