package web

import (
	"errors"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/congtin/congtin/internal/handler"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/vn"
)

// maxVoteBody bounds a vote's form: one small field fits many times over.
const maxVoteBody = 4 << 10

// votedFlag is added to the results address after a vote, so the page can
// thank the voter without a session.
const votedFlag = "da-binh-chon"

type pollView struct {
	Results *poll.Results
	Rows    []pollRow
	Form    bool // the visitor may vote now
	Voted   bool
	Message string
	Error   bool // Message is a refusal rather than a thank-you
	Opens   *time.Time
	Closes  *time.Time
}

// pollRow is one option's line of the results, formatted for the page.
type pollRow struct {
	ID      int64
	Label   string
	Votes   int64
	Percent string // "33,3%"
	// Width is the bar's width in whole per cent, 0 to 100: a class of the
	// stylesheet (.w33), since the policy allows no inline style.
	Width int
}

func pollRows(r *poll.Results) []pollRow {
	rows := make([]pollRow, len(r.Options))
	for i, o := range r.Options {
		rows[i] = pollRow{ID: o.ID, Label: o.Label, Votes: o.Votes,
			Percent: vn.FormatPercent(o.Votes, r.Total),
			Width:   barWidth(r.Percent(i))}
	}
	return rows
}

func barWidth(percent float64) int {
	return int(math.Round(min(max(percent, 0), 100)))
}

// pollPage shows a poll's results, and its form to a visitor who may vote.
func (s *Server) pollPage(w http.ResponseWriter, r *http.Request) error {
	if err := validQuery(r); err != nil {
		return err
	}

	id, ok := parsePollID(r.PathValue("id"))
	if !ok {
		return errNotFound
	}

	msg := ""
	if r.URL.Query().Get(votedFlag) != "" {
		msg = "poll.thanks"
	}

	return s.renderPoll(w, r, http.StatusOK, id, msg, false)
}

// pollVote takes a vote from the form and answers 303 to the results. The
// vote is committed before the answer. Refusals show the results with the
// reason; malformed requests get the error page. Either way nothing is
// written.
func (s *Server) pollVote(w http.ResponseWriter, r *http.Request) error {
	id, ok := parsePollID(r.PathValue("id"))
	if !ok {
		return errNotFound
	}

	form, err := readVoteForm(w, r)
	if err != nil {
		return err
	}

	options := form["option"]
	if len(options) > 1 {
		return statusError(problem.Malformed, "option given %d times", len(options))
	}
	if len(options) == 0 || options[0] == "" {
		return s.renderPoll(w, r, http.StatusBadRequest, id, "poll.choose", true)
	}

	optionID, ok := parsePollID(options[0])
	if !ok {
		return statusError(problem.Malformed, "option %q", options[0])
	}

	ip := ""
	if v := visitorOf(r); v != nil {
		ip = v.ip
	}

	err = s.polls.Vote(r.Context(), s.cfg.SiteID, id, optionID, visitorKey(r), ip, s.now())
	if err == nil || errors.Is(err, poll.ErrAlreadyVoted) {
		rememberVote(w, r, id, s.isHTTPS(r))
	}

	if err == nil {
		s.counts.votes.Add(1)
		w.Header().Set("Cache-Control", "no-store")
		http.Redirect(w, r, "/binh-chon/"+strconv.FormatInt(id, 10)+"?"+votedFlag+"=1", http.StatusSeeOther)
		return nil
	}

	// A refused vote (already voted, closed, not open, another poll's
	// option, too many from the address) shows the results with the
	// reason; not found and internal errors take the error page.
	p, refused := problem.As(err)
	if !refused || p.Key == "" {
		return err
	}

	s.counts.votesRefused.Add(1)
	return s.renderPoll(w, r, handler.Status(err), id, p.Key, true)
}

// readVoteForm reads a small url-encoded body. r.ParseForm would also
// merge the query string and silently skip other content types.
func readVoteForm(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/x-www-form-urlencoded" {
		return nil, statusError(problem.Unsupported, "content type %q", r.Header.Get("Content-Type"))
	}

	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxVoteBody))
	if err != nil {
		// Too big, too slow (408, not the empty answer of a request
		// taken for abandoned), or cut off: the visitor's, never a 500.
		return nil, statusError(handler.BodyKind(err), "read vote: %w", err)
	}

	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, statusError(problem.Malformed, "vote form: %v", err)
	}

	return form, nil
}

// renderPoll shows poll id with its results and message msg (a catalog
// key, may be empty). Drafts are not found: only the newsroom sees them.
func (s *Server) renderPoll(
	w http.ResponseWriter,
	r *http.Request,
	status int,
	id int64,
	msg string,
	isError bool,
) error {
	ctx := r.Context()
	res, err := s.polls.Results(ctx, s.cfg.SiteID, id)
	if err != nil {
		return err
	}
	if res.Status == poll.StatusDraft {
		return errNotFound
	}

	voted, err := s.polls.HasVoted(ctx, id, visitorKey(r))
	if err != nil {
		return err
	}
	if msg == "poll.thanks" && !voted {
		msg = "" // an old or hand-made link: nothing to thank for
	}

	now := s.now()
	v := pollView{Results: res, Rows: pollRows(res), Voted: voted, Error: isError,
		Form: !voted && res.AcceptsVotes(now), Opens: res.OpensAt, Closes: res.ClosesAt}
	if msg == "" && !voted {
		switch {
		case errors.Is(res.Refusal(now), poll.ErrClosed):
			msg = "poll.closed"
		case errors.Is(res.Refusal(now), poll.ErrNotOpenYet):
			msg = "poll.not_open"
		}
	}

	if msg != "" {
		v.Message = s.text.T(msg)
	}

	p, err := s.newPage(r, res.Question)
	if err != nil {
		return err
	}

	p.Crumbs = append(p.Crumbs, crumb{Name: s.text.T("poll.title"), URL: "/binh-chon/" + strconv.FormatInt(id, 10)})
	p.Main = v
	// The page depends on whether this visitor has voted.
	w.Header().Set("Cache-Control", "no-store")
	return s.render(w, status, "poll", p)
}

// parsePollID reads a positive decimal id; anything else is not one.
func parsePollID(s string) (int64, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}

	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
	}

	id, err := strconv.ParseInt(s, 10, 64)
	return id, err == nil && id > 0
}

// voteGuard refuses a vote posted from another site's page (a forged
// form): browsers say where a request comes from, and
// CrossOriginProtection checks it. Clients that send neither header are
// not browsers and cannot carry a visitor's cookie without them.
func (s *Server) voteGuard(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusForbidden)
	}))
	return cop.Handler(next)
}
