package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/vn"
)

const pollUsage = `Usage:
  congtin poll add --question "..." --option "..." --option "..." [--opens "2006-01-02 15:04"] [--closes "..."] [--open]
  congtin poll open ID
  congtin poll close ID
  congtin poll list
Each takes --data DIR or --database postgres://... like serve. Times are Vietnam time.
`

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ", ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// pollCommand manages polls until the newsroom has a page for them.
func pollCommand(args []string, out io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("no poll command given\n\n%s", pollUsage)
	}

	sub, args := args[0], args[1:]
	fs := flag.NewFlagSet("poll "+sub, flag.ContinueOnError)
	dbConfig := app.DatabaseFlags(fs, os.Getenv)
	var question, opens, closes string
	var options stringList
	var openNow bool
	if sub == "add" {
		fs.StringVar(&question, "question", "", "the question")
		fs.Var(&options, "option", "an answer; give it 2 to 20 times, in order")
		fs.StringVar(&opens, "opens", "", `when voting starts, "2006-01-02 15:04" (Vietnam time); empty: at once`)
		fs.StringVar(&closes, "closes", "", `when voting ends, "2006-01-02 15:04" (Vietnam time); empty: never`)
		fs.BoolVar(&openNow, "open", false, "open the poll now (otherwise it stays a draft)")
	}

	if err := fs.Parse(args); err != nil {
		return err
	}

	cfg, err := dbConfig()
	if err != nil {
		return err
	}

	ctx := context.Background()
	db, served, err := app.OpenSite(ctx, cfg.DSN())
	if err != nil {
		return err
	}
	defer db.Close()
	ps := poll.NewStore(db)

	switch sub {
	case "add":
		if fs.NArg() > 0 {
			return fmt.Errorf("unexpected argument %q", fs.Arg(0))
		}

		n := poll.NewPoll{SiteID: served.ID, Question: question, Options: options, Open: openNow}
		if n.OpensAt, err = optionalTime("--opens", opens); err != nil {
			return err
		}
		if n.ClosesAt, err = optionalTime("--closes", closes); err != nil {
			return err
		}

		return pollAdd(ctx, ps, n, out)
	case "open", "close":
		if fs.NArg() != 1 {
			return fmt.Errorf("poll %s takes one poll id", sub)
		}

		id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("%q is not a poll id", fs.Arg(0))
		}

		return pollSetOpen(ctx, ps, served.ID, id, sub == "open", out)
	case "list":
		if fs.NArg() > 0 {
			return fmt.Errorf("unexpected argument %q", fs.Arg(0))
		}

		list, err := ps.List(ctx, served.ID)
		if err != nil {
			return err
		}

		return printPolls(out, list)
	}

	return fmt.Errorf("unknown poll command %q\n\n%s", sub, pollUsage)
}

func pollAdd(ctx context.Context, ps *poll.Store, n poll.NewPoll, out io.Writer) error {
	p, err := ps.Add(ctx, n)
	if errors.Is(err, poll.ErrClosesBeforeOpens) {
		return errors.New("--closes must be after --opens")
	}
	if err != nil {
		return err
	}

	fmt.Fprintf(out, "poll %d added (%s): /binh-chon/%d\n", p.ID, p.Status, p.ID)
	return nil
}

func pollSetOpen(ctx context.Context, ps *poll.Store, siteID, id int64, open bool, out io.Writer) error {
	r, err := ps.SetOpen(ctx, siteID, id, open)
	if errors.Is(err, poll.ErrNotFound) {
		return fmt.Errorf("no poll %d", id)
	}
	if err != nil {
		return err
	}

	fmt.Fprintf(out, "poll %d is %s\n", id, r.Status)
	if !open {
		return nil
	}

	switch err := r.Refusal(time.Now()); {
	case errors.Is(err, poll.ErrNotOpenYet):
		fmt.Fprintf(out, "note: voting starts at %s\n", vn.FormatDateTimeShort(*r.OpensAt))
	case errors.Is(err, poll.ErrClosed):
		fmt.Fprintf(out, "note: its closing time %s has passed, so it takes no votes\n",
			vn.FormatDateTimeShort(*r.ClosesAt))
	}

	return nil
}

func printPolls(out io.Writer, list []*poll.Results) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tVOTES\tOPENS\tCLOSES\tQUESTION")
	for _, r := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Status, vn.FormatInt(r.Total),
			timeOrDash(r.OpensAt), timeOrDash(r.ClosesAt), r.Question)
		for i, o := range r.Options {
			fmt.Fprintf(tw, "\t\t%s\t%s\t\t  %d. %s (option %d)\n",
				vn.FormatInt(o.Votes), vn.FormatPercent(o.Votes, r.Total), i+1, o.Label, o.ID)
		}
	}

	return tw.Flush()
}

func optionalTime(name, v string) (*time.Time, error) {
	if strings.TrimSpace(v) == "" {
		return nil, nil
	}
	t, err := vn.ParseDateTime(v)
	if err != nil {
		return nil, fmt.Errorf("%s: want \"2006-01-02 15:04\": %w", name, err)
	}
	return &t, nil
}

func timeOrDash(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return vn.FormatDateTimeShort(*t)
}
