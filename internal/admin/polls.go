package admin

import (
	"cmp"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/store"
)

type pollsView struct {
	Polls    []*poll.Results
	Question string
	Options  string
}

func (s *Server) pollList(w http.ResponseWriter, r *http.Request) error {
	return s.showPolls(w, r, http.StatusOK, s.newPage(r, s.text.T("admin.polls.title")), "", "")
}

func (s *Server) showPolls(w http.ResponseWriter, r *http.Request, status int, p *page, q, opts string) error {
	list, err := s.polls.List(r.Context(), s.cfg.SiteID)
	if err != nil {
		return err
	}
	p.Nav = "polls"
	p.Data = pollsView{Polls: list, Question: q, Options: opts}
	return s.render(w, status, "polls", p)
}

func (s *Server) pollCreate(w http.ResponseWriter, r *http.Request) error {
	q, opts := r.FormValue("question"), r.FormValue("options")
	pl := &poll.Poll{SiteID: s.cfg.SiteID, Question: q, Status: poll.StatusDraft}
	for _, line := range strings.Split(opts, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			pl.Options = append(pl.Options, poll.Option{Label: line})
		}
	}

	err := s.db.InTx(r.Context(), func(tx store.Tx) error {
		if err := s.polls.Create(r.Context(), tx, pl); err != nil {
			return err
		}
		return s.auditTx(r.Context(), tx, r, "poll.create", "poll", pl.ID, pl.Question)
	})
	if errors.Is(err, poll.ErrInvalid) {
		p := s.newPage(r, s.text.T("admin.polls.title"))
		p.Error = s.message(err)
		return s.showPolls(w, r, http.StatusUnprocessableEntity, p, q, opts)
	}

	if err != nil {
		return err
	}

	return s.redirect(w, r, "/quan-tri/binh-chon/", s.text.T("admin.saved"))
}

func (s *Server) pollStatus(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}

	var action string
	switch r.FormValue("status") {
	case "open":
		action, err = "poll.open", s.polls.Open(r.Context(), s.cfg.SiteID, id)
	case "closed":
		action, err = "poll.close", s.polls.Close(r.Context(), s.cfg.SiteID, id)
	default:
		return errBadRequest
	}

	if err != nil {
		return err
	}

	s.audit(r, userOf(r).ID, action, "poll", id, "")
	s.changed(r.Context())
	return s.redirect(w, r, "/quan-tri/binh-chon/", s.text.T("admin.saved"))
}

// ---- editing a poll's question and options

// newOptionRows is how many empty rows the edit form offers for new
// options; saving with them filled offers as many again.
const newOptionRows = 3

// optionRow is one line of the edit form, as stored or as typed.
type optionRow struct {
	ID       int64
	Label    string
	Position int
	Votes    int64
	Remove   bool
}

type pollFormView struct {
	Poll     *poll.Results
	Question string
	Rows     []optionRow
}

func (s *Server) pollEdit(w http.ResponseWriter, r *http.Request) error {
	res, err := s.pollOf(r)
	if err != nil {
		return err
	}

	rows := make([]optionRow, 0, len(res.Options)+newOptionRows)
	for i, o := range res.Options {
		rows = append(rows, optionRow{ID: o.ID, Label: o.Label, Position: i + 1, Votes: o.Votes})
	}

	for range newOptionRows {
		rows = append(rows, optionRow{})
	}

	return s.showPollForm(w, http.StatusOK, s.newPage(r, s.text.T("admin.polls.edit")), res, res.Question, rows)
}

func (s *Server) pollOf(r *http.Request) (*poll.Results, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.polls.Results(r.Context(), s.cfg.SiteID, id)
}

func (s *Server) showPollForm(
	w http.ResponseWriter,
	status int,
	p *page,
	res *poll.Results,
	question string,
	rows []optionRow,
) error {
	p.Nav = "polls"
	p.Data = pollFormView{Poll: res, Question: question, Rows: rows}
	return s.render(w, status, "poll_form", p)
}

// readOptionRows reads the form's parallel option_id, label and position
// fields and its remove checkboxes, keeping the votes of known options.
func readOptionRows(r *http.Request, res *poll.Results) []optionRow {
	votes := map[int64]int64{}
	for _, o := range res.Options {
		votes[o.ID] = o.Votes
	}

	remove := map[int64]bool{}
	for _, v := range r.PostForm["remove"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			remove[id] = true
		}
	}

	ids, labels, positions := r.PostForm["option_id"], r.PostForm["label"], r.PostForm["position"]
	var rows []optionRow
	for i := range ids {
		row := optionRow{Position: i + 1}
		row.ID, _ = strconv.ParseInt(ids[i], 10, 64)
		if i < len(labels) {
			row.Label = labels[i]
		}

		if i < len(positions) {
			if n, err := strconv.Atoi(strings.TrimSpace(positions[i])); err == nil {
				row.Position = n
			}
		}

		row.Votes, row.Remove = votes[row.ID], remove[row.ID] && row.ID != 0
		rows = append(rows, row)
	}

	// Reordering is by the typed numbers; ties keep the form's order.
	slices.SortStableFunc(rows, func(a, b optionRow) int { return cmp.Compare(a.Position, b.Position) })
	return rows
}

func (s *Server) pollSave(w http.ResponseWriter, r *http.Request) error {
	res, err := s.pollOf(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errBadRequest
	}

	question := r.PostFormValue("question")
	rows := readOptionRows(r, res)
	var opts []poll.Option
	var changes []string
	known := map[int64]string{}
	for _, o := range res.Options {
		known[o.ID] = o.Label
	}

	for _, row := range rows {
		switch {
		case row.Remove:
			changes = append(changes, "xóa “"+known[row.ID]+"”")
		case row.ID == 0 && strings.TrimSpace(row.Label) == "":
			// an unused empty row
		default:
			opts = append(opts, poll.Option{ID: row.ID, Label: row.Label})
		}
	}

	err = s.db.InTx(r.Context(), func(tx store.Tx) error {
		if err := s.polls.SetQuestion(r.Context(), tx, s.cfg.SiteID, res.ID, question); err != nil {
			return err
		}
		if err := s.polls.SetOptions(r.Context(), tx, s.cfg.SiteID, res.ID, opts); err != nil {
			return err
		}

		var labels []string
		for _, o := range opts {
			labels = append(labels, o.Label)
		}

		detail := "phương án: " + strings.Join(labels, " | ")
		if len(changes) > 0 {
			detail += "; " + strings.Join(changes, ", ")
		}

		return s.auditTx(r.Context(), tx, r, "poll.update", "poll", res.ID, detail)
	})
	if errors.Is(err, poll.ErrInvalid) {
		p := s.newPage(r, s.text.T("admin.polls.edit"))
		p.Error = s.message(err)
		// What was typed stays, with empty rows to add more.
		var empty int
		for _, row := range rows {
			if row.ID == 0 && strings.TrimSpace(row.Label) == "" {
				empty++
			}
		}

		for ; empty < newOptionRows; empty++ {
			rows = append(rows, optionRow{Position: len(rows) + 1})
		}

		for i := range rows {
			rows[i].Position = i + 1
		}

		return s.showPollForm(w, http.StatusUnprocessableEntity, p, res, question, rows)
	}

	if err != nil {
		return err
	}

	s.changed(r.Context())
	return s.redirect(w, r, fmt.Sprintf("/quan-tri/binh-chon/%d/sua", res.ID), s.text.T("admin.saved"))
}

// ---- resetting a poll

func (s *Server) pollResetForm(w http.ResponseWriter, r *http.Request) error {
	res, err := s.pollOf(r)
	if err != nil {
		return err
	}
	p := s.newPage(r, s.text.T("admin.polls.reset"))
	p.Nav = "polls"
	p.Data = res
	return s.render(w, http.StatusOK, "poll_reset", p)
}

// pollReset deletes every vote of a poll once the user has typed the
// poll's number: a second, deliberate step, since no one can undo it.
func (s *Server) pollReset(w http.ResponseWriter, r *http.Request) error {
	res, err := s.pollOf(r)
	if err != nil {
		return err
	}

	if strings.TrimSpace(r.PostFormValue("confirm")) != strconv.FormatInt(res.ID, 10) {
		p := s.newPage(r, s.text.T("admin.polls.reset"))
		p.Nav = "polls"
		p.Error = s.text.T("admin.err.fields")
		p.Errors["confirm"] = s.text.T("admin.polls.reset_mismatch", res.ID)
		p.Data = res
		return s.render(w, http.StatusUnprocessableEntity, "poll_reset", p)
	}

	var n int64
	err = s.db.InTx(r.Context(), func(tx store.Tx) error {
		if n, err = s.polls.Reset(r.Context(), tx, s.cfg.SiteID, res.ID); err != nil {
			return err
		}
		return s.auditTx(r.Context(), tx, r, "poll.reset", "poll", res.ID, fmt.Sprintf("xóa %d phiếu", n))
	})
	if err != nil {
		return err
	}

	s.changed(r.Context())
	return s.redirect(w, r, "/quan-tri/binh-chon/", s.text.T("admin.polls.reset_done", n, res.Question))
}
