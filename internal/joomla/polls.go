package joomla

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/vn"
)

// srcPoll is a 1.5 poll with its options and their dated votes.
type srcPoll struct {
	id        int64
	title     string
	published bool
	options   []*srcPollOption
	byID      map[int64]*srcPollOption
}

type srcPollOption struct {
	id    int64
	label string
	hits  int64
	dates []time.Time
}

func (im *importer) importPolls(ctx context.Context) error {
	if !im.ver.legacy() {
		return nil
	}

	polls, byID, err := im.sourcePolls(ctx)
	if err != nil {
		return err
	}

	if err := im.sourcePollOptions(ctx, byID); err != nil {
		return err
	}

	undated, err := im.sourcePollDates(ctx, byID)
	if err != nil {
		return err
	}

	im.prog.start("polls", len(polls))
	for _, jp := range polls {
		im.prog.step()
		im.importPoll(ctx, jp)
	}

	if undated > 0 {
		im.rep.Notes = append(im.rep.Notes,
			fmt.Sprintf("%d poll_date rows without a valid date or option were ignored", undated))
	}

	return nil
}

// sourcePolls reads the polls in id order, and by id.
func (im *importer) sourcePolls(ctx context.Context) ([]*srcPoll, map[int64]*srcPoll, error) {
	var polls []*srcPoll
	byID := map[int64]*srcPoll{}
	err := scanAll(ctx, im.src, `SELECT id, title, published FROM `+im.p+`polls ORDER BY id`, func(r row) error {
		jp := &srcPoll{id: r.i(0), title: cleanText(r.s(1)), published: r.i(2) == 1, byID: map[int64]*srcPollOption{}}
		polls = append(polls, jp)
		byID[jp.id] = jp
		return nil
	})
	if err != nil {
		return nil, nil, err
	}

	return polls, byID, nil
}

// sourcePollOptions adds their options to the polls; options without a
// label are left out.
func (im *importer) sourcePollOptions(ctx context.Context, byID map[int64]*srcPoll) error {
	return scanAll(ctx, im.src, `SELECT id, pollid, text, hits FROM `+im.p+`poll_data ORDER BY pollid, id`,
		func(r row) error {
			jp := byID[r.i(1)]
			label := cleanText(r.s(2))
			if jp == nil || label == "" {
				return nil
			}

			o := &srcPollOption{id: r.i(0), label: label, hits: r.i(3)}
			jp.options = append(jp.options, o)
			jp.byID[o.id] = o
			return nil
		})
}

// sourcePollDates adds the date of every vote to its option, oldest first,
// and returns how many votes had no valid date or option.
func (im *importer) sourcePollDates(ctx context.Context, byID map[int64]*srcPoll) (int, error) {
	undated := 0
	err := scanAll(ctx, im.src, `SELECT poll_id, vote_id, date FROM `+im.p+`poll_date ORDER BY poll_id, date, id`,
		func(r row) error {
			jp := byID[r.i(0)]
			if jp == nil {
				return nil
			}

			o := jp.byID[r.i(1)]
			t := parseTime(r.s(2))
			if o == nil || t == nil {
				undated++
				return nil
			}

			o.dates = append(o.dates, *t)
			return nil
		})

	return undated, err
}

// importPoll imports one poll with its votes, or reports why it did not.
func (im *importer) importPoll(ctx context.Context, jp *srcPoll) {
	sid := strconv.FormatInt(jp.id, 10)
	if len(jp.options) < poll.MinOptions {
		im.rep.skip("poll", sid, "fewer than two options")
		return
	}

	sum, first := pollSum(jp)
	prev, mapped := im.mapped("poll", sid)
	if mapped && prev.checksum == sum {
		im.rep.count("poll").Unchanged++
		return
	}

	status := poll.StatusClosed
	if jp.published {
		status = poll.StatusOpen
	}

	created := im.now
	if first != nil {
		created = *first
	}

	pl := &poll.Poll{ID: prev.target, SiteID: im.opts.SiteID, Question: jp.title, Status: status, CreatedAt: created}
	for _, o := range jp.options {
		pl.Options = append(pl.Options, poll.Option{Label: o.label})
	}

	extra := int64(0)
	err := im.w.row(ctx, func() error {
		var err error
		if mapped {
			err = im.replacePoll(ctx, pl)
		} else {
			err = im.polls.Create(ctx, im.w.tx, pl)
		}

		if err != nil {
			return err
		}
		if extra, err = im.recordPollVotes(ctx, jp, pl, created); err != nil {
			return err
		}

		return im.remember("poll", sid, pl.ID, sum)
	})
	if err != nil {
		im.rep.skip("poll", sid, skipReason(err))
		return
	}

	if extra > 0 {
		im.rep.Notes = append(im.rep.Notes,
			fmt.Sprintf("poll %d: %d votes had no date and are dated at the first vote", jp.id, extra))
	}

	if mapped {
		im.rep.count("poll").Updated++
	} else {
		im.rep.count("poll").Created++
	}
}

// pollSum is the checksum import_map keeps for a poll, and the date of
// its first vote (nil when no vote has a date).
func pollSum(jp *srcPoll) (string, *time.Time) {
	var first *time.Time
	parts := []string{jp.title, strconv.FormatBool(jp.published)}
	for _, o := range jp.options {
		parts = append(parts, o.label, strconv.FormatInt(o.hits, 10), strconv.Itoa(len(o.dates)))
		if len(o.dates) > 0 {
			parts = append(parts, o.dates[len(o.dates)-1].String())
			if first == nil || o.dates[0].Before(*first) {
				f := o.dates[0]
				first = &f
			}
		}
	}

	return checksum(parts...), first
}

// recordPollVotes writes the votes of jp into pl, whose options are jp's
// in order, and returns how many had no date of their own (those are
// dated at created).
func (im *importer) recordPollVotes(ctx context.Context, jp *srcPoll, pl *poll.Poll, created time.Time) (int64, error) {
	extra := int64(0)
	for i, o := range jp.options {
		optID := pl.Options[i].ID
		for n, at := range o.dates {
			key := fmt.Sprintf("joomla:%d:%d:%d", jp.id, o.id, n)
			if err := im.polls.RecordVote(ctx, im.w.tx, pl.ID, optID, key, "", at); err != nil {
				return extra, err
			}
		}

		// Hits without a dated vote (an admin edited the counts): kept,
		// dated at the first vote so First/Last stay exact.
		for n := int64(len(o.dates)); n < o.hits; n++ {
			key := fmt.Sprintf("joomla:%d:%d:extra%d", jp.id, o.id, n)
			if err := im.polls.RecordVote(ctx, im.w.tx, pl.ID, optID, key, "", created); err != nil {
				return extra, err
			}

			extra++
		}
	}

	return extra, nil
}

// replacePoll rewrites an imported poll in place, keeping its id (and so
// its address): question and status updated, options and votes replaced.
func (im *importer) replacePoll(ctx context.Context, pl *poll.Poll) error {
	tx := im.w.tx
	if _, err := tx.ExecContext(ctx, `UPDATE polls SET question = $2, status = $3, created_at = $4 WHERE id = $1`,
		pl.ID, vn.NFC(pl.Question), string(pl.Status), pl.CreatedAt.Unix()); err != nil {
		return err
	}

	if _, err := tx.ExecContext(ctx, `DELETE FROM poll_votes WHERE poll_id = $1`, pl.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM poll_options WHERE poll_id = $1`, pl.ID); err != nil {
		return err
	}

	for i := range pl.Options {
		o := &pl.Options[i]
		o.Position = i + 1
		if err := tx.QueryRowContext(ctx, `INSERT INTO poll_options (poll_id, label, position)
			VALUES ($1, $2, $3) RETURNING id`,
			pl.ID, vn.NFC(o.Label), o.Position).Scan(&o.ID); err != nil {
			return err
		}
	}

	return nil
}
