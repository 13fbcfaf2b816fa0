package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/demo"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// post sends a vote form to h as a browser on the site would, with the
// visitor's cookie when cookie is not empty.
func post(t testing.TB, h http.Handler, target, body, cookie string, hdr ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
		} else {
			req.Header.Set(hdr[i], hdr[i+1])
		}
	}
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: visitorCookie, Value: cookie})
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// getAs performs a GET as the visitor with cookie.
func getAs(t testing.TB, h http.Handler, target, cookie string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0")
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: visitorCookie, Value: cookie})
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// cookieN is the signed cookie of the i-th visitor a test plays.
func cookieN(i int) string { return signedCookie(fmt.Sprintf("voter%017d", i)) }

func demoPoll(t testing.TB, db *store.DB) *poll.Results {
	t.Helper()
	r, err := poll.NewStore(db).Current(context.Background(), 1, demo.Now)
	if err != nil {
		t.Fatalf("demo poll: %v", err)
	}
	return r
}

func TestConcurrentVotersCountExactly(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := newDemoServer(t, db)
		h := s.Handler()
		before := demoPoll(t, db)
		target := fmt.Sprintf("/binh-chon/%d", before.ID)
		const voters = 200
		var wg sync.WaitGroup
		codes := make([]int, voters)
		for i := range voters {
			wg.Go(func() {
				opt := before.Options[i%len(before.Options)].ID
				codes[i] = post(t, h, target, fmt.Sprintf("option=%d", opt), cookieN(i)).Code
			})
		}
		wg.Wait()
		for i, c := range codes {
			if c != http.StatusSeeOther {
				t.Fatalf("voter %d: status %d, want 303", i, c)
			}
		}
		after := demoPoll(t, db)
		if got := after.Total - before.Total; got != voters {
			t.Errorf("total grew by %d, want %d", got, voters)
		}
		for j, o := range after.Options {
			want := int64(voters / len(before.Options))
			if j < voters%len(before.Options) {
				want++
			}
			if got := o.Votes - before.Options[j].Votes; got != want {
				t.Errorf("option %d grew by %d, want %d", j, got, want)
			}
		}
		// Each voter sees the results and the thanks, not the form.
		code, body := getAs(t, h, target+"?da-binh-chon=1", cookieN(7))
		if code != http.StatusOK {
			t.Fatalf("results: %d", code)
		}
		mustContain(t, body, "Cảm ơn bạn đã tham gia bình chọn", "Tổng số phiếu", fmt.Sprint(after.Total))
		if strings.Contains(body, `class="poll-form"`) {
			t.Errorf("a voter is shown the vote form again")
		}
	})
}

func TestVoteRefusals(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := newDemoServer(t, db)
		h := s.Handler()
		ctx := context.Background()
		ps := poll.NewStore(db)
		open := demoPoll(t, db)
		mk := func(status poll.Status, opens, closes *time.Time) *poll.Poll {
			p := &poll.Poll{SiteID: 1, Question: "Câu hỏi " + string(status), Status: status, OpensAt: opens, ClosesAt: closes,
				Options: []poll.Option{{Label: "Có"}, {Label: "Không"}}}
			if err := db.InTx(ctx, func(tx store.Tx) error { return ps.Create(ctx, tx, p) }); err != nil {
				t.Fatal(err)
			}
			return p
		}
		later, earlier := demo.Now.Add(time.Hour), demo.Now.Add(-time.Hour)
		closed := mk(poll.StatusClosed, nil, nil)
		notYet := mk(poll.StatusOpen, &later, nil)
		ended := mk(poll.StatusOpen, nil, &earlier)
		draft := mk(poll.StatusDraft, nil, nil)
		other := mk(poll.StatusOpen, nil, nil)

		first := post(t, h, fmt.Sprintf("/binh-chon/%d", open.ID), fmt.Sprintf("option=%d", open.Options[0].ID), cookieN(1))
		if first.Code != http.StatusSeeOther {
			t.Fatalf("first vote: %d", first.Code)
		}
		baseline := totalVotes(t, db)
		big := "option=" + fmt.Sprint(open.Options[0].ID) + "&x=" + strings.Repeat("a", 8<<10)
		u := func(p *poll.Poll) string { return fmt.Sprintf("/binh-chon/%d", p.ID) }
		opt := func(p *poll.Poll) string { return fmt.Sprintf("option=%d", p.Options[0].ID) }
		openP := &open.Poll
		cases := []struct {
			name, target, body, cookie string
			hdr                        []string
			status                     int
			text                       string
		}{
			{"same cookie twice", u(openP), fmt.Sprintf("option=%d", open.Options[1].ID), cookieN(1), nil, http.StatusConflict, "Bạn đã bình chọn trong cuộc thăm dò này"},
			{"closed", u(closed), opt(closed), cookieN(2), nil, http.StatusConflict, "Cuộc thăm dò đã kết thúc"},
			{"closing time passed", u(ended), opt(ended), cookieN(2), nil, http.StatusConflict, "Cuộc thăm dò đã kết thúc"},
			{"not open yet", u(notYet), opt(notYet), cookieN(2), nil, http.StatusConflict, "Cuộc thăm dò chưa bắt đầu"},
			{"draft", u(draft), opt(draft), cookieN(2), nil, http.StatusNotFound, "Không tìm thấy trang"},
			{"unknown poll", "/binh-chon/999999", opt(openP), cookieN(2), nil, http.StatusNotFound, "Không tìm thấy trang"},
			{"poll id not a number", "/binh-chon/abc", opt(openP), cookieN(2), nil, http.StatusNotFound, "Không tìm thấy trang"},
			{"option of another poll", u(openP), opt(other), cookieN(2), nil, http.StatusBadRequest, "Phương án bạn chọn không thuộc cuộc thăm dò này"},
			{"unknown option", u(openP), "option=999999", cookieN(2), nil, http.StatusBadRequest, "Phương án bạn chọn không thuộc"},
			{"missing option", u(openP), "", cookieN(2), nil, http.StatusBadRequest, "Mời bạn chọn một phương án"},
			{"empty option", u(openP), "option=", cookieN(2), nil, http.StatusBadRequest, "Mời bạn chọn một phương án"},
			{"repeated option", u(openP), opt(openP) + "&" + opt(openP), cookieN(2), nil, http.StatusBadRequest, "Yêu cầu không hợp lệ"},
			{"option not a number", u(openP), "option=1%20OR%201", cookieN(2), nil, http.StatusBadRequest, "Yêu cầu không hợp lệ"},
			{"negative option", u(openP), "option=-1", cookieN(2), nil, http.StatusBadRequest, "Yêu cầu không hợp lệ"},
			{"bad encoding", u(openP), "option=%zz", cookieN(2), nil, http.StatusBadRequest, "Yêu cầu không hợp lệ"},
			{"body too large", u(openP), big, cookieN(2), nil, http.StatusRequestEntityTooLarge, "Dữ liệu gửi lên quá lớn"},
			{"not a form", u(openP), `{"option":1}`, cookieN(2), []string{"Content-Type", "application/json"}, http.StatusUnsupportedMediaType, "Yêu cầu không hợp lệ"},
			{"cross-site post", u(openP), opt(openP), cookieN(2), []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden, "Yêu cầu bị từ chối"},
			{"cross-origin post without fetch metadata", u(openP), opt(openP), cookieN(2),
				[]string{"Sec-Fetch-Site", "", "Origin", "https://evil.example"}, http.StatusForbidden, "Yêu cầu bị từ chối"},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				rec := post(t, h, c.target, c.body, c.cookie, c.hdr...)
				if rec.Code != c.status {
					t.Errorf("status %d, want %d", rec.Code, c.status)
				}
				mustContain(t, rec.Body.String(), c.text)
				if got := totalVotes(t, db); got != baseline {
					t.Errorf("votes changed from %d to %d", baseline, got)
				}
			})
		}
		// Visitors see closed and future polls with results, never drafts.
		for _, c := range []struct {
			rule   string
			p      *poll.Poll
			status int
			text   string
		}{
			{"a closed poll shows its results and no form", closed, 200, "Cuộc thăm dò đã kết thúc"},
			{"a poll not open yet shows its results and no form", notYet, 200, "Cuộc thăm dò chưa bắt đầu"},
			{"a draft poll is not found", draft, 404, "Không tìm thấy trang"},
		} {
			t.Run(c.rule, func(t *testing.T) {
				code, body := getAs(t, h, u(c.p), cookieN(3))
				if code != c.status {
					t.Errorf("GET %s poll: %d, want %d", c.p.Status, code, c.status)
				}
				mustContain(t, body, c.text)
				if strings.Contains(body, `class="poll-form"`) {
					t.Errorf("GET %s poll shows the vote form", c.p.Status)
				}
			})
		}
	})
}

func totalVotes(t testing.TB, db *store.DB) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRowContext(t.Context(), `SELECT count(*) FROM poll_votes`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestPollPageShowsResults(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	h := newDemoServer(t, db).Handler()
	p := demoPoll(t, db)
	code, body := getAs(t, h, fmt.Sprintf("/binh-chon/%d", p.ID), "")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	// The demo poll: 97 votes from 02/06/2014 09:14 to 15/02/2021 16:02
	// (stored as Vietnam time).
	mustContain(t, body, p.Question, "Tổng số phiếu", ">97<", "Phiếu đầu tiên", "02/06/2014 09:14",
		"Phiếu cuối cùng", "15/02/2021 16:02", `class="poll-form"`, `name="option"`, "%)", `class="w`)
	for i, o := range p.Options {
		mustContain(t, body, o.Label, percentText(p, i))
	}
}

func percentText(r *poll.Results, i int) string {
	v := r.Percent(i)
	s := strings.Replace(fmt.Sprintf("%.1f", v), ".", ",", 1)
	if v == float64(int64(v)) {
		s = fmt.Sprint(int64(v))
	}
	return s + "%"
}

func TestSidebarShowsResultsAfterVoting(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	h := newDemoServer(t, db).Handler()
	p := demoPoll(t, db)
	_, body := getAs(t, h, referenceURL, cookieN(42))
	mustContain(t, body, fmt.Sprintf(`action="/binh-chon/%d"`, p.ID))
	rec := post(t, h, fmt.Sprintf("/binh-chon/%d", p.ID), fmt.Sprintf("option=%d", p.Options[2].ID), cookieN(42))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("vote: %d", rec.Code)
	}
	loc, _ := url.Parse(rec.Header().Get("Location"))
	if loc.Path != fmt.Sprintf("/binh-chon/%d", p.ID) || loc.Query().Get(votedFlag) != "1" {
		t.Errorf("redirected to %q", loc)
	}
	// The browser comes back with what the vote answer set: the marker.
	req := httptest.NewRequest(http.MethodGet, referenceURL, nil)
	req.Header.Set("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0")
	req.AddCookie(&http.Cookie{Name: visitorCookie, Value: cookieN(42)})
	for _, ck := range rec.Result().Cookies() {
		req.AddCookie(ck)
	}
	page := httptest.NewRecorder()
	h.ServeHTTP(page, req)
	body = page.Body.String()
	mustContain(t, body, "Bạn đã bình chọn", ">98<", "poll-bars")
	if strings.Contains(body, fmt.Sprintf(`method="post" action="/binh-chon/%d"`, p.ID)) {
		t.Errorf("sidebar still offers the form after voting")
	}
	// Another visitor still gets the form.
	_, body = getAs(t, h, referenceURL, cookieN(43))
	mustContain(t, body, fmt.Sprintf(`action="/binh-chon/%d"`, p.ID))
}

func TestVotesPerIPLimit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		s := newDemoServer(t, db)
		s.polls = s.polls.WithVotesPerIP(3)
		h := s.Handler()
		p := demoPoll(t, db)
		target := fmt.Sprintf("/binh-chon/%d", p.ID)
		body := fmt.Sprintf("option=%d", p.Options[0].ID)
		for i := range 3 {
			if c := post(t, h, target, body, cookieN(100+i)).Code; c != http.StatusSeeOther {
				t.Fatalf("vote %d: %d", i, c)
			}
		}
		rec := post(t, h, target, body, cookieN(200))
		if rec.Code != http.StatusTooManyRequests {
			t.Errorf("fourth vote from one address: %d, want 429", rec.Code)
		}
		mustContain(t, rec.Body.String(), "quá nhiều phiếu")
		// A cookieless client is one voter: its address and browser.
		s.polls = s.polls.WithVotesPerIP(0)
		h = s.Handler()
		if c := post(t, h, target, body, "").Code; c != http.StatusSeeOther {
			t.Errorf("cookieless vote: %d", c)
		}
		if c := post(t, h, target, body, "").Code; c != http.StatusConflict {
			t.Errorf("second cookieless vote: %d, want 409", c)
		}
	})
}
