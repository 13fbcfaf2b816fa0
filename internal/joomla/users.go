package joomla

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/vn"
)

// userState is what the users phase reads before the source users.
type userState struct {
	groups   map[int64][]string // Joomla user id → group titles (1.6+)
	existing map[string]int64   // lower-case username → congtin user id
	hashes   map[int64]string   // congtin user id → password hash
}

// srcUser is a source user with a newsroom role, as it will be written.
type srcUser struct {
	jid                  int64
	sid                  string
	name, username, role string
	email                string // as in the source; trimmed when written
	hash                 string
	blocked              bool
	created              time.Time
	sum                  string
}

func (im *importer) importUsers(ctx context.Context) error {
	groups, err := im.userGroups(ctx)
	if err != nil {
		return err
	}

	st := &userState{groups: groups}
	st.existing, st.hashes, err = im.congtinUsers(ctx)
	if err != nil {
		return err
	}

	cols := `id, name, username, email, password, block, activation, registerDate, 0`
	if im.ver.legacy() {
		cols = `id, name, username, email, password, block, activation, registerDate, gid`
	}

	im.prog.start("users", im.count(ctx, `SELECT count(*) FROM `+im.p+`users`))
	return scanAll(ctx, im.src, `SELECT `+cols+` FROM `+im.p+`users ORDER BY id`, func(r row) error {
		defer im.prog.step()
		return im.importUser(ctx, r, st)
	})
}

// userGroups maps each Joomla user to the titles of their groups; 1.5
// has none (a user's gid is on the user row).
func (im *importer) userGroups(ctx context.Context) (map[int64][]string, error) {
	groups := map[int64][]string{}
	if im.ver.legacy() {
		return groups, nil
	}

	err := scanAll(ctx, im.src, `SELECT m.user_id, g.title FROM `+im.p+`user_usergroup_map m
			JOIN `+im.p+`usergroups g ON g.id = m.group_id`, func(r row) error {
		groups[r.i(0)] = append(groups[r.i(0)], r.s(1))
		return nil
	})
	if err != nil {
		return nil, err
	}

	return groups, nil
}

// congtinUsers reads the accounts congtin already has: their ids by
// lower-case username, and their password hashes by id.
func (im *importer) congtinUsers(ctx context.Context) (map[string]int64, map[int64]string, error) {
	rows, err := im.w.tx.QueryContext(ctx, `SELECT id, username, password_hash FROM users`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()

	existing := map[string]int64{}
	hashes := map[int64]string{}
	for rows.Next() {
		var id int64
		var name, hash string
		if err := rows.Scan(&id, &name, &hash); err != nil {
			return nil, nil, err
		}

		existing[strings.ToLower(name)] = id
		hashes[id] = hash
	}

	return existing, hashes, rows.Err()
}

// importUser imports one source user row, or reports why it did not.
func (im *importer) importUser(ctx context.Context, r row, st *userState) error {
	jid := r.i(0)
	name := cleanText(r.s(1))
	im.names[jid] = name
	role := im.userRole(r, st.groups[jid])
	username := strings.TrimSpace(vn.NFC(r.s(2)))
	if role == "" {
		reason := "no newsroom group"
		if g := st.groups[jid]; len(g) > 0 {
			reason += " (" + strings.Join(g, ", ") + ")"
		}

		im.rep.skip("user", username, reason)
		return nil
	}

	u := srcUser{jid: jid, sid: strconv.FormatInt(jid, 10), name: name, username: username, role: role, email: r.s(3),
		hash: strings.TrimSpace(r.s(4)), blocked: r.i(5) != 0 || strings.TrimSpace(r.s(6)) != "" && r.s(6) != "0",
		created: im.now}
	if created := parseTime(r.s(7)); created != nil {
		u.created = *created
	}

	u.sum = checksum(u.name, u.username, u.email, u.hash, strconv.FormatBool(u.blocked), u.role)

	prev, mapped := im.mapped("user", u.sid)
	if mapped && prev.checksum == u.sum {
		im.userIDs[jid] = prev.target
		im.rep.count("user").Unchanged++
		return nil
	}

	if id, taken := st.existing[strings.ToLower(username)]; taken && (!mapped || id != prev.target) {
		im.rep.skip("user", username, "username already used by another congtin account")
		return nil
	}

	if !auth.KnownHashFormat(u.hash) {
		im.rep.UnknownHashes = append(im.rep.UnknownHashes, username)
	}

	err := im.w.row(ctx, func() error {
		if mapped {
			return im.updateUser(ctx, u, prev.target, st)
		}
		return im.insertUser(ctx, u, st)
	})
	if err != nil {
		im.rep.skip("user", username, skipReason(err))
		return nil
	}

	if mapped {
		im.rep.count("user").Updated++
	} else {
		im.rep.count("user").Created++
	}

	return im.w.commitIfDue(ctx, false)
}

// userRole is the highest newsroom role the groups of user row r give
// (1.5: the role of its gid), "" for none.
func (im *importer) userRole(r row, groups []string) string {
	if im.ver.legacy() {
		return im.opts.Roles15[r.i(8)]
	}

	role := ""
	for _, g := range groups {
		if cand := im.opts.Roles[strings.ToLower(g)]; roleRank[cand] > roleRank[role] {
			role = cand
		}
	}

	return role
}

// updateUser rewrites the congtin account id an earlier import made of u.
func (im *importer) updateUser(ctx context.Context, u srcUser, id int64, st *userState) error {
	// A congtin login already re-hashed the password: keep it.
	hash := u.hash
	if strings.HasPrefix(st.hashes[id], "$argon2id$") {
		hash = st.hashes[id]
	}

	_, err := im.w.tx.ExecContext(ctx, `UPDATE users SET username = $2, display_name = $3, email = $4,
					role = $5, password_hash = $6, blocked = $7, updated_at = $8 WHERE id = $1`,
		id, u.username, u.name, strings.TrimSpace(u.email), u.role, hash, u.blocked, im.now.Unix())
	if err != nil {
		return err
	}

	im.userIDs[u.jid] = id
	return im.remember("user", u.sid, id, u.sum)
}

// insertUser makes a congtin account of u.
func (im *importer) insertUser(ctx context.Context, u srcUser, st *userState) error {
	var id int64
	err := im.w.tx.QueryRowContext(ctx, `INSERT INTO users (username, display_name, email, role, password_hash,
				blocked, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		u.username, u.name, strings.TrimSpace(u.email), u.role, u.hash, u.blocked, u.created.Unix(),
		im.now.Unix()).Scan(&id)
	if err != nil {
		return err
	}

	im.userIDs[u.jid] = id
	st.existing[strings.ToLower(u.username)] = id
	return im.remember("user", u.sid, id, u.sum)
}
