package admin

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// pollForm is the edit form as a browser sends it: parallel option_id,
// label and position fields, one per row, and the ids ticked for removal.
func pollForm(question string, rows [][3]string, remove ...int64) url.Values {
	v := url.Values{"question": {question}}
	for _, r := range rows {
		v.Add("option_id", r[0])
		v.Add("label", r[1])
		v.Add("position", r[2])
	}
	for _, id := range remove {
		v.Add("remove", fmt.Sprint(id))
	}
	return v
}

func (f *fixture) auditDetails(t *testing.T, objType string) []string {
	t.Helper()
	entries, _, err := f.users.AuditLog(context.Background(), 1, auth.AuditFilter{ObjectType: objType, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Action+" "+e.Detail)
	}
	return out
}

func TestPollEditAndReset(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		f := newFixture(t, db)
		polls := poll.NewStore(db)
		c := f.login(t, "admin")
		if res, body := c.post("/quan-tri/binh-chon/", url.Values{"question": {"Bạn thấy cổng thông tin thế nào?"},
			"options": {"Dễ dùng\nKhó tìm tin\nChưa có ý kiến"}}); res.StatusCode != http.StatusSeeOther {
			t.Fatalf("create: %d\n%s", res.StatusCode, body)
		}
		list, _ := polls.List(ctx, 1)
		p := list[0]
		id := fmt.Sprint(p.ID)
		o := func(i int) string { return fmt.Sprint(p.Options[i].ID) }
		edit := "/quan-tri/binh-chon/" + id + "/sua"
		reset := "/quan-tri/binh-chon/" + id + "/dat-lai"
		var r *poll.Results
		var rows [][3]string

		f.step(t, "the edit form lists the options with empty rows to add more", func(t *testing.T) {
			res, body := c.get(edit)
			if res.StatusCode != 200 || missingKey.MatchString(body) ||
				strings.Count(body, `name="label"`) != 3+newOptionRows || !strings.Contains(body, `value="Khó tìm tin"`) {
				t.Fatalf("edit form: %d\n%s", res.StatusCode, body)
			}
		})

		if !f.step(t, "an edit renames, moves, adds and removes options and ignores empty rows", func(t *testing.T) {
			res, body := c.post(edit, pollForm("Bạn thấy Cổng thông tin thế nào?", [][3]string{
				{o(0), "Dễ sử dụng", "2"}, {o(1), "Khó tìm tin", "3"}, {o(2), "Chưa có ý kiến", "1"}, {"", "Rất tốt", "4"},
				{"", "", "5"},
			}, p.Options[1].ID))
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("save: %d\n%s", res.StatusCode, body)
			}
			r, _ := polls.Results(ctx, 1, p.ID)
			if got := labels(r); got != "Chưa có ý kiến, Dễ sử dụng, Rất tốt" || r.Question != "Bạn thấy Cổng thông tin thế nào?" {
				t.Errorf("after edit: %q %s", r.Question, got)
			}
		}) {
			return
		}

		if !f.step(t, "a vote pins its option: removing it is refused with the reason and the form kept", func(t *testing.T) {
			if err := polls.Open(ctx, 1, p.ID); err != nil {
				t.Fatal(err)
			}
			if err := polls.Vote(ctx, 1, p.ID, p.Options[0].ID, "khach-1", "", time.Now()); err != nil {
				t.Fatal(err)
			}
			r, _ = polls.Results(ctx, 1, p.ID)
			for i, opt := range r.Options {
				rows = append(rows, [3]string{fmt.Sprint(opt.ID), opt.Label, fmt.Sprint(i + 1)})
			}
			rows = append(rows, [3]string{"", "Phương án đang gõ dở", "9"})
			res, body := c.post(edit, pollForm("bạn thấy cổng thông tin thế nào?", rows, p.Options[0].ID))
			page := html.UnescapeString(body)
			if res.StatusCode != http.StatusUnprocessableEntity ||
				!strings.Contains(page, "Không thể xóa phương án “Dễ sử dụng” vì đã có 1 phiếu bầu") ||
				!strings.Contains(page, `value="Phương án đang gõ dở"`) ||
				!strings.Contains(page, `value="bạn thấy cổng thông tin thế nào?"`) {
				t.Fatalf("removing a voted option: %d\n%s", res.StatusCode, body)
			}
		}) {
			return
		}

		f.step(t, "a voted question cannot be reworded", func(t *testing.T) {
			if res, body := c.post(edit, pollForm("Bạn có hài lòng không?", rows[:3])); res.StatusCode != http.StatusUnprocessableEntity ||
				!strings.Contains(body, "chỉ được sửa dấu, chữ hoa hay khoảng trắng của câu hỏi") {
				t.Fatalf("rewording a voted question: %d\n%s", res.StatusCode, body)
			}
		})

		f.step(t, "a voted option cannot be reworded", func(t *testing.T) {
			rows[1][1] = "Dễ dùng lắm"
			if res, body := c.post(edit, pollForm(r.Question, rows[:3])); res.StatusCode != http.StatusUnprocessableEntity ||
				!strings.Contains(html.UnescapeString(body), "đã có 1 phiếu nên không thể đổi thành “Dễ dùng lắm”") {
				t.Fatalf("rewording a voted option: %d\n%s", res.StatusCode, body)
			}
		})

		if !f.step(t, "the case of a voted option may be fixed, and the vote stays", func(t *testing.T) {
			rows[1][1] = "dễ sử dụng"
			if res, body := c.post(edit, pollForm(r.Question, rows[:3])); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("case fix: %d\n%s", res.StatusCode, body)
			}
			if r2, _ := polls.Results(ctx, 1, p.ID); r2.Total != 1 || labels(r2) != "Chưa có ý kiến, dễ sử dụng, Rất tốt" {
				t.Errorf("after refusals: %d votes, %s", r2.Total, labels(r2))
			}
		}) {
			return
		}

		f.step(t, "the reset form asks first and says how many votes go", func(t *testing.T) {
			res, body := c.get(reset)
			if res.StatusCode != 200 || missingKey.MatchString(body) || !strings.Contains(body, "xóa vĩnh viễn 1 phiếu bầu") {
				t.Fatalf("reset form: %d\n%s", res.StatusCode, body)
			}
		})

		f.step(t, "a reset wants the poll's number typed", func(t *testing.T) {
			for _, typed := range []string{"", "xác nhận", fmt.Sprint(p.ID + 1)} {
				res, body := c.post(reset, url.Values{"confirm": {typed}})
				if res.StatusCode != http.StatusUnprocessableEntity ||
					!strings.Contains(body, "Mã số không khớp: hãy nhập đúng "+id) {
					t.Fatalf("reset confirmed with %q: %d\n%s", typed, res.StatusCode, body)
				}
			}
		})

		if !f.step(t, "a forged cross-site reset with the right number changes nothing", func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, f.srv.URL+reset,
				strings.NewReader(url.Values{"confirm": {id}, "csrf": {c.csrf}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			if res, _ := c.do(req); res.StatusCode != http.StatusForbidden {
				t.Fatalf("cross-site reset: %d", res.StatusCode)
			}
			if r2, _ := polls.Results(ctx, 1, p.ID); r2.Total != 1 {
				t.Fatalf("votes lost before the confirmed reset: %d", r2.Total)
			}
		}) {
			return
		}

		if !f.step(t, "a confirmed reset deletes the votes, keeps the options and says so", func(t *testing.T) {
			res, _ := c.post(reset, url.Values{"confirm": {" " + id + " "}})
			if res.StatusCode != http.StatusSeeOther {
				t.Fatalf("confirmed reset: %d", res.StatusCode)
			}
			if r2, _ := polls.Results(ctx, 1, p.ID); r2.Total != 0 || len(r2.Options) != 3 {
				t.Errorf("after reset: %d votes, %d options", r2.Total, len(r2.Options))
			}
			_, body := c.get("/quan-tri/binh-chon/")
			if !strings.Contains(html.UnescapeString(body), "Đã xóa 1 phiếu bầu của cuộc thăm dò “Bạn thấy Cổng thông tin thế nào?”") {
				t.Errorf("no message after reset:\n%s", body)
			}
		}) {
			return
		}

		f.step(t, "an option whose votes were reset may be removed", func(t *testing.T) {
			if res, body := c.post(edit, pollForm(r.Question, rows[:3], p.Options[0].ID)); res.StatusCode != http.StatusSeeOther {
				t.Fatalf("remove after reset: %d\n%s", res.StatusCode, body)
			}
		})

		f.step(t, "the audit log holds every change and the reset", func(t *testing.T) {
			got := f.auditDetails(t, "poll")
			want := []string{"poll.update phương án: Chưa có ý kiến | Rất tốt; xóa “dễ sử dụng”", "poll.reset xóa 1 phiếu",
				"poll.update phương án: Chưa có ý kiến | dễ sử dụng | Rất tốt"}
			for _, w := range want {
				if !slices.Contains(got, w) {
					t.Errorf("audit lacks %q: %q", w, got)
				}
			}
		})

		f.step(t, "an unknown poll is not found", func(t *testing.T) {
			if res, _ := c.get("/quan-tri/binh-chon/99999/dat-lai"); res.StatusCode != http.StatusNotFound {
				t.Errorf("unknown poll: %d", res.StatusCode)
			}
		})

		for _, who := range []string{"bientap", "phongvien"} {
			f.step(t, who+" may neither edit nor reset a poll", func(t *testing.T) {
				u := f.login(t, who)
				for _, path := range []string{edit, reset} {
					if res, _ := u.get(path); res.StatusCode != http.StatusForbidden {
						t.Errorf("%s GET %s: %d", who, path, res.StatusCode)
					}
				}
				if res, _ := u.post(reset, url.Values{"confirm": {id}}); res.StatusCode != http.StatusForbidden {
					t.Errorf("%s reset: %d", who, res.StatusCode)
				}
			})
		}

		f.step(t, "the editor-in-chief may open the reset form", func(t *testing.T) {
			if res, _ := f.login(t, "tongbientap").get(reset); res.StatusCode != 200 {
				t.Errorf("editor-in-chief reset form: %d", res.StatusCode)
			}
		})
	})
}

func labels(r *poll.Results) string {
	var out []string
	for _, o := range r.Options {
		out = append(out, o.Label)
	}
	return strings.Join(out, ", ")
}

func TestSettingsPollLimitAndCounterRows(t *testing.T) {
	t.Parallel()
	db := storetest.SQLite(t)
	ctx := context.Background()
	f := newFixture(t, db)
	polls := poll.NewStore(db)
	c := f.login(t, "admin")
	res, body := c.get("/quan-tri/cai-dat")
	if res.StatusCode != 200 || missingKey.MatchString(body) || !strings.Contains(body, `placeholder="Để trống: dùng mặc định 500"`) ||
		strings.Count(body, `name="counter_rows" value=`) != 4 || strings.Count(body, "checked") != 4 {
		t.Fatalf("settings form: %d\n%s", res.StatusCode, body)
	}
	form := url.Values{"agency": {"Sở Nội vụ"}, "poll_votes_per_ip": {"30"}, "counter_rows_shown": {"1"},
		"counter_rows": {stats.PeriodMonth, stats.PeriodToday}}
	if res, body := c.post("/quan-tri/cai-dat", form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", res.StatusCode, body)
	}
	if n, set, _ := polls.VotesPerIP(ctx, db, 1); n != 30 || !set {
		t.Errorf("poll limit %d (set %v), want 30", n, set)
	}
	if rows, _ := stats.CounterRows(ctx, db, 1); !slices.Equal(rows, []string{stats.PeriodToday, stats.PeriodMonth}) {
		t.Errorf("counter rows %q", rows)
	}
	res, body = c.get("/quan-tri/cai-dat")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, `value="30"`) || strings.Count(body, "checked") != 2 {
		t.Errorf("saved values not shown: %d\n%s", res.StatusCode, body)
	}
	// A bad number is refused beside its field and the rest is kept.
	form.Set("poll_votes_per_ip", "-5")
	res, body = c.post("/quan-tri/cai-dat", form)
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="poll_votes_per_ip-error"`) ||
		!strings.Contains(body, `value="Sở Nội vụ"`) || !strings.Contains(body, `value="-5"`) {
		t.Errorf("bad limit: %d\n%s", res.StatusCode, body)
	}
	// Clearing every box hides every row; clearing the limit restores the default.
	if res, _ := c.post("/quan-tri/cai-dat", url.Values{"counter_rows_shown": {"1"}, "poll_votes_per_ip": {""}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("clear: %d", res.StatusCode)
	}
	if rows, _ := stats.CounterRows(ctx, db, 1); len(rows) != 0 {
		t.Errorf("counter rows after clearing %q", rows)
	}
	if n, set, _ := polls.VotesPerIP(ctx, db, 1); n != 500 || set {
		t.Errorf("limit after clearing %d %v", n, set)
	}
	// A form without the boxes (an old page) leaves the rows alone.
	c.post("/quan-tri/cai-dat", url.Values{"counter_rows_shown": {"1"}, "counter_rows": {stats.PeriodWeek}})
	c.post("/quan-tri/cai-dat", url.Values{"agency": {"Sở Nội vụ"}})
	if rows, _ := stats.CounterRows(ctx, db, 1); !slices.Equal(rows, []string{stats.PeriodWeek}) {
		t.Errorf("counter rows changed by a form without them: %q", rows)
	}
}
