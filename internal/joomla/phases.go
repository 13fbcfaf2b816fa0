package joomla

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/content"
	"github.com/congtin/congtin/internal/poll"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// ---- users ----

func (im *importer) importUsers(ctx context.Context) error {
	p := im.p
	groups := map[int64][]string{}
	if !im.ver.legacy() {
		err := scanAll(ctx, im.src, `SELECT m.user_id, g.title FROM `+p+`user_usergroup_map m
			JOIN `+p+`usergroups g ON g.id = m.group_id`, func(r row) error {
			groups[r.i(0)] = append(groups[r.i(0)], r.s(1))
			return nil
		})
		if err != nil {
			return err
		}
	}
	existing := map[string]int64{}
	hashes := map[int64]string{}
	rows, err := im.w.tx.QueryContext(ctx, `SELECT id, username, password_hash FROM users`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var name, hash string
		if err := rows.Scan(&id, &name, &hash); err != nil {
			rows.Close()
			return err
		}
		existing[strings.ToLower(name)] = id
		hashes[id] = hash
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	cols := `id, name, username, email, password, block, activation, registerDate, 0`
	if im.ver.legacy() {
		cols = `id, name, username, email, password, block, activation, registerDate, gid`
	}
	im.prog.start("users", im.count(ctx, `SELECT count(*) FROM `+p+`users`))
	return scanAll(ctx, im.src, `SELECT `+cols+` FROM `+p+`users ORDER BY id`, func(r row) error {
		defer im.prog.step()
		jid := r.i(0)
		sid := strconv.FormatInt(jid, 10)
		name := cleanText(r.s(1))
		im.names[jid] = name
		role := ""
		if im.ver.legacy() {
			role = im.opts.Roles15[r.i(8)]
		} else {
			for _, g := range groups[jid] {
				if cand := im.opts.Roles[strings.ToLower(g)]; roleRank[cand] > roleRank[role] {
					role = cand
				}
			}
		}
		username := strings.TrimSpace(vn.NFC(r.s(2)))
		if role == "" {
			reason := "no newsroom group"
			if g := groups[jid]; len(g) > 0 {
				reason += " (" + strings.Join(g, ", ") + ")"
			}
			im.rep.skip("user", username, reason)
			return nil
		}
		hash := strings.TrimSpace(r.s(4))
		blocked := r.i(5) != 0 || strings.TrimSpace(r.s(6)) != "" && r.s(6) != "0"
		created := parseTime(r.s(7))
		if created == nil {
			created = &im.now
		}
		sum := checksum(name, username, r.s(3), hash, strconv.FormatBool(blocked), role)
		prev, mapped := im.mapped("user", sid)
		if mapped && prev.checksum == sum {
			im.userIDs[jid] = prev.target
			im.rep.count("user").Unchanged++
			return nil
		}
		if id, taken := existing[strings.ToLower(username)]; taken && (!mapped || id != prev.target) {
			im.rep.skip("user", username, "username already used by another congtin account")
			return nil
		}
		if !auth.KnownHashFormat(hash) {
			im.rep.UnknownHashes = append(im.rep.UnknownHashes, username)
		}
		err := im.w.row(ctx, func() error {
			if mapped {
				// A congtin login already re-hashed the password: keep it.
				newHash := hash
				if strings.HasPrefix(hashes[prev.target], "$argon2id$") {
					newHash = hashes[prev.target]
				}
				_, err := im.w.tx.ExecContext(ctx, `UPDATE users SET username = $2, display_name = $3, email = $4,
					role = $5, password_hash = $6, blocked = $7, updated_at = $8 WHERE id = $1`,
					prev.target, username, name, strings.TrimSpace(r.s(3)), role, newHash, blocked, im.now.Unix())
				if err != nil {
					return err
				}
				im.userIDs[jid] = prev.target
				return im.remember("user", sid, prev.target, sum)
			}
			var id int64
			err := im.w.tx.QueryRowContext(ctx, `INSERT INTO users (username, display_name, email, role, password_hash,
				blocked, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
				username, name, strings.TrimSpace(r.s(3)), role, hash, blocked, created.Unix(), im.now.Unix()).Scan(&id)
			if err != nil {
				return err
			}
			im.userIDs[jid] = id
			existing[strings.ToLower(username)] = id
			return im.remember("user", sid, id, sum)
		})
		if err != nil {
			im.rep.skip("user", username, err.Error())
			return nil
		}
		if mapped {
			im.rep.count("user").Updated++
		} else {
			im.rep.count("user").Created++
		}
		return im.w.commitIfDue(ctx, false)
	})
}

// ---- categories ----

func (im *importer) importCategories(ctx context.Context) error {
	p := im.p
	var list []*category
	var err error
	if im.ver.legacy() {
		err = scanAll(ctx, im.src, `SELECT id, title, alias, description, published FROM `+p+`sections
			WHERE scope = 'content' ORDER BY ordering, id`, func(r row) error {
			list = append(list, &category{jid: "section:" + r.s(0), num: r.i(0), alias: r.s(2), title: r.s(1),
				published: r.i(4) == 1, path: r.s(2)})
			return nil
		})
		if err != nil {
			return err
		}
		secs := len(list)
		err = scanAll(ctx, im.src, `SELECT id, section, title, alias, description, published FROM `+p+`categories
			WHERE section REGEXP '^[0-9]+$' ORDER BY ordering, id`, func(r row) error {
			list = append(list, &category{jid: r.s(0), num: r.i(0), parent: "section:" + r.s(1), alias: r.s(3),
				title: r.s(2), published: r.i(5) == 1, section: "section:" + r.s(1)})
			return nil
		})
		// Descriptions are read separately to keep the rows above light.
		_ = secs
	} else {
		err = scanAll(ctx, im.src, `SELECT id, parent_id, path, title, alias, published FROM `+p+`categories
			WHERE extension = 'com_content' ORDER BY lft`, func(r row) error {
			parent := ""
			if r.i(1) > 1 {
				parent = r.s(1)
			}
			list = append(list, &category{jid: r.s(0), num: r.i(0), parent: parent, path: r.s(2), title: r.s(3),
				alias: r.s(4), published: r.i(5) == 1})
			return nil
		})
	}
	if err != nil {
		return err
	}
	descs := map[string]string{}
	dq := `SELECT id, description FROM ` + p + `categories WHERE extension = 'com_content'`
	if im.ver.legacy() {
		dq = `SELECT id, description FROM ` + p + `categories WHERE section REGEXP '^[0-9]+$'
			UNION ALL SELECT CONCAT('section:', id), description FROM ` + p + `sections WHERE scope = 'content'`
	}
	if err := scanAll(ctx, im.src, dq, func(r row) error { descs[r.s(0)] = r.s(1); return nil }); err != nil {
		return err
	}
	slugs := map[string]int64{}
	rows, err := im.w.tx.QueryContext(ctx, `SELECT id, slug FROM categories WHERE site_id = $1`, im.opts.SiteID)
	if err != nil {
		return err
	}
	current := map[int64]string{}
	for rows.Next() {
		var id int64
		var slug string
		if err := rows.Scan(&id, &slug); err != nil {
			rows.Close()
			return err
		}
		slugs[slug] = id
		current[id] = slug
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	im.prog.start("categories", len(list))
	for i, c := range list {
		im.prog.step()
		im.cats[c.jid] = c
		im.catOrder = append(im.catOrder, c)
		c.title = cleanText(c.title)
		c.live = c.published
		if par, ok := im.cats[c.parent]; ok {
			c.live = c.live && par.live
		}
		if err := im.putCategory(ctx, c, descs[c.jid], i+1, slugs, current); err != nil {
			im.rep.skip("category", c.jid, err.Error())
		}
	}
	return nil
}

func (im *importer) putCategory(ctx context.Context, c *category, desc string, pos int, slugs map[string]int64, current map[int64]string) error {
	var parentID int64
	if par, ok := im.cats[c.parent]; ok {
		parentID = par.target
	}
	sum := checksum(c.title, c.alias, desc, strconv.FormatBool(c.published), strconv.FormatInt(parentID, 10), strconv.Itoa(pos))
	prev, mapped := im.mapped("category", c.jid)
	if mapped {
		if slug, ok := current[prev.target]; ok {
			c.target, c.slug = prev.target, slug
			if prev.checksum == sum {
				im.rep.count("category").Unchanged++
				return nil
			}
		} else {
			mapped = false // deleted in congtin since: make it again
		}
	}
	if c.slug == "" {
		base := vn.Slug(c.title)
		if base == "" {
			base = vn.Slug(c.alias)
		}
		if base == "" {
			base = "chuyen-muc-" + strconv.FormatInt(c.num, 10)
		}
		c.slug = base
		for n := 2; slugs[c.slug] != 0; n++ {
			c.slug = base + "-" + strconv.Itoa(n)
		}
	}
	if c.title == "" {
		c.title = c.alias
	}
	cc := &content.Category{ID: c.target, SiteID: im.opts.SiteID, ParentID: parentID, Slug: c.slug, Name: c.title,
		Description: cleanHTML(desc), Position: pos, Published: c.published}
	err := im.w.row(context.Background(), func() error {
		if err := im.content.PutImportedCategory(ctx, im.w.tx, cc, im.now.Unix()); err != nil {
			return err
		}
		return im.remember("category", c.jid, cc.ID, sum)
	})
	if err != nil {
		return err
	}
	c.target = cc.ID
	slugs[c.slug] = cc.ID
	current[cc.ID] = c.slug
	if mapped {
		im.rep.count("category").Updated++
	} else {
		im.rep.count("category").Created++
	}
	return im.w.commitIfDue(ctx, false)
}

// uncategorised is where articles without a (known) category go.
func (im *importer) uncategorised(ctx context.Context) *category {
	if c, ok := im.cats["uncategorised"]; ok {
		return c
	}
	// 1.5 "static content" (no section, no category) was public through
	// menu items, so this category is published.
	c := &category{jid: "uncategorised", title: "Chưa phân loại", alias: "uncategorised", published: true, live: true}
	im.cats[c.jid] = c
	type slugRow struct {
		id   int64
		slug string
	}
	rs, err := store.QueryAll(ctx, im.w.tx, func(sc store.Scanner) (slugRow, error) {
		var r slugRow
		return r, sc.Scan(&r.id, &r.slug)
	}, `SELECT id, slug FROM categories WHERE site_id = $1`, im.opts.SiteID)
	if err != nil {
		// Without every slug in use it could take one already taken, or
		// be made a second time.
		im.rep.skip("category", c.jid, err.Error())
		return c
	}
	slugs := map[string]int64{}
	current := map[int64]string{}
	for _, r := range rs {
		slugs[r.slug], current[r.id] = r.id, r.slug
	}
	if err := im.putCategory(ctx, c, "", 1000, slugs, current); err != nil {
		im.rep.skip("category", c.jid, err.Error())
	}
	return c
}

// ---- tags ----

func (im *importer) importTags(ctx context.Context) error {
	if im.ver.Major < 3 {
		return nil
	}
	type tag struct {
		id          int64
		title, slug string
	}
	var list []tag
	err := scanAll(ctx, im.src, `SELECT id, title, alias FROM `+im.p+`tags WHERE id > 1 AND published >= 0 ORDER BY lft`, func(r row) error {
		t := tag{id: r.i(0), title: cleanText(r.s(1))}
		t.slug = vn.Slug(t.title)
		if t.slug == "" {
			t.slug = vn.Slug(r.s(2))
		}
		list = append(list, t)
		return nil
	})
	if err != nil {
		return err
	}
	im.prog.start("tags", len(list))
	for _, t := range list {
		im.prog.step()
		sid := strconv.FormatInt(t.id, 10)
		if t.slug == "" || t.title == "" {
			im.rep.skip("tag", sid, "no name")
			continue
		}
		sum := checksum(t.title, t.slug)
		if prev, ok := im.mapped("tag", sid); ok && prev.checksum == sum {
			im.tags[t.id] = prev.target
			im.rep.count("tag").Unchanged++
			continue
		}
		var id int64
		err := im.w.row(ctx, func() error {
			err := im.w.tx.QueryRowContext(ctx, `INSERT INTO tags (site_id, slug, name) VALUES ($1, $2, $3)
				ON CONFLICT (site_id, slug) DO UPDATE SET name = excluded.name RETURNING id`,
				im.opts.SiteID, t.slug, t.title).Scan(&id)
			if err != nil {
				return err
			}
			return im.remember("tag", sid, id, sum)
		})
		if err != nil {
			im.rep.skip("tag", sid, err.Error())
			continue
		}
		im.tags[t.id] = id
		im.rep.count("tag").Created++
	}
	return nil
}

// ---- polls (1.5) ----

func (im *importer) importPolls(ctx context.Context) error {
	if !im.ver.legacy() {
		return nil
	}
	type option struct {
		id    int64
		label string
		hits  int64
		dates []time.Time
	}
	type jpoll struct {
		id        int64
		title     string
		published bool
		options   []*option
		byID      map[int64]*option
	}
	var polls []*jpoll
	byID := map[int64]*jpoll{}
	p := im.p
	err := scanAll(ctx, im.src, `SELECT id, title, published FROM `+p+`polls ORDER BY id`, func(r row) error {
		jp := &jpoll{id: r.i(0), title: cleanText(r.s(1)), published: r.i(2) == 1, byID: map[int64]*option{}}
		polls = append(polls, jp)
		byID[jp.id] = jp
		return nil
	})
	if err != nil {
		return err
	}
	err = scanAll(ctx, im.src, `SELECT id, pollid, text, hits FROM `+p+`poll_data ORDER BY pollid, id`, func(r row) error {
		jp := byID[r.i(1)]
		label := cleanText(r.s(2))
		if jp == nil || label == "" {
			return nil
		}
		o := &option{id: r.i(0), label: label, hits: r.i(3)}
		jp.options = append(jp.options, o)
		jp.byID[o.id] = o
		return nil
	})
	if err != nil {
		return err
	}
	undated := 0
	err = scanAll(ctx, im.src, `SELECT poll_id, vote_id, date FROM `+p+`poll_date ORDER BY poll_id, date, id`, func(r row) error {
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
	if err != nil {
		return err
	}
	im.prog.start("polls", len(polls))
	for _, jp := range polls {
		im.prog.step()
		sid := strconv.FormatInt(jp.id, 10)
		if len(jp.options) < poll.MinOptions {
			im.rep.skip("poll", sid, "fewer than two options")
			continue
		}
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
		sum := checksum(parts...)
		prev, mapped := im.mapped("poll", sid)
		if mapped && prev.checksum == sum {
			im.rep.count("poll").Unchanged++
			continue
		}
		status := poll.StatusClosed
		if jp.published {
			status = poll.StatusOpen
		}
		created := im.now
		if first != nil {
			created = *first
		}
		extra := int64(0)
		err := im.w.row(ctx, func() error {
			pl := &poll.Poll{ID: prev.target, SiteID: im.opts.SiteID, Question: jp.title, Status: status, CreatedAt: created}
			for _, o := range jp.options {
				pl.Options = append(pl.Options, poll.Option{Label: o.label})
			}
			if mapped {
				if err := im.replacePoll(ctx, pl); err != nil {
					return err
				}
			} else if err := im.polls.Create(ctx, im.w.tx, pl); err != nil {
				return err
			}
			for i, o := range jp.options {
				optID := pl.Options[i].ID
				for n, at := range o.dates {
					key := fmt.Sprintf("joomla:%d:%d:%d", jp.id, o.id, n)
					if err := im.polls.RecordVote(ctx, im.w.tx, pl.ID, optID, key, "", at); err != nil {
						return err
					}
				}
				// Hits without a dated vote (an admin edited the counts):
				// kept, dated at the first vote so First/Last stay exact.
				for n := int64(len(o.dates)); n < o.hits; n++ {
					key := fmt.Sprintf("joomla:%d:%d:extra%d", jp.id, o.id, n)
					if err := im.polls.RecordVote(ctx, im.w.tx, pl.ID, optID, key, "", created); err != nil {
						return err
					}
					extra++
				}
			}
			return im.remember("poll", sid, pl.ID, sum)
		})
		if err != nil {
			im.rep.skip("poll", sid, err.Error())
			continue
		}
		if extra > 0 {
			im.rep.Notes = append(im.rep.Notes, fmt.Sprintf("poll %d: %d votes had no date and are dated at the first vote", jp.id, extra))
		}
		if mapped {
			im.rep.count("poll").Updated++
		} else {
			im.rep.count("poll").Created++
		}
	}
	if undated > 0 {
		im.rep.Notes = append(im.rep.Notes, fmt.Sprintf("%d poll_date rows without a valid date or option were ignored", undated))
	}
	return nil
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
		if err := tx.QueryRowContext(ctx, `INSERT INTO poll_options (poll_id, label, position) VALUES ($1, $2, $3) RETURNING id`,
			pl.ID, vn.NFC(o.Label), o.Position).Scan(&o.ID); err != nil {
			return err
		}
	}
	return nil
}

// ---- settings ----

func (im *importer) importSettings(ctx context.Context) error {
	offset := im.opts.VisitsOffset
	if offset < 0 {
		v, note, ok := im.counterVisits(ctx)
		im.rep.Notes = append(im.rep.Notes, note)
		if !ok {
			return nil
		}
		offset = v
	}
	im.rep.VisitsOffset = offset
	return site.Save(ctx, im.w.tx, im.opts.SiteID, map[string]string{site.KeyVisitsOffset: strconv.FormatInt(offset, 10)})
}

// imagesField reads the 1.6+ images JSON.
func imagesField(s string) map[string]string {
	out := map[string]string{}
	if !strings.HasPrefix(strings.TrimSpace(s), "{") {
		return out
	}
	var m map[string]any
	if json.Unmarshal([]byte(s), &m) != nil {
		return out
	}
	for k, v := range m {
		if str, ok := v.(string); ok {
			out[k] = str
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
