package auth

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
)

// AuditEntry is one row of the audit log: who did what to which object.
type AuditEntry struct {
	ID         int64
	SiteID     int64
	UserID     int64
	UserName   string // filled by reads
	Action     string
	ObjectType string
	ObjectID   int64
	Detail     string
	IP         string
	At         time.Time
}

// Audit records e inside q, so the log row commits or rolls back with the
// change it describes.
func Audit(ctx context.Context, q store.Querier, e AuditEntry) error {
	if err := site.Check(e.SiteID, "audit"); err != nil {
		return err
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}

	_, err := q.ExecContext(ctx, `INSERT INTO audit_log
		(site_id, user_id, action, object_type, object_id, detail, ip, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, e.SiteID, sql.NullInt64{Int64: e.UserID, Valid: e.UserID != 0},
		e.Action, e.ObjectType, sql.NullInt64{Int64: e.ObjectID, Valid: e.ObjectID != 0},
		truncate(e.Detail, 2000), e.IP, e.At.Unix())
	if err != nil {
		return fmt.Errorf("audit: %w", err)
	}

	return nil
}

// AuditFilter selects audit rows; zero fields select everything.
type AuditFilter struct {
	UserID     int64
	ObjectType string
	ObjectID   int64
	Limit      int
	Offset     int
}

// AuditLog returns audit rows newest first, and how many match in all.
func (s *Store) AuditLog(ctx context.Context, siteID int64, f AuditFilter) ([]AuditEntry, int, error) {
	where := `a.site_id = $1`
	args := []any{siteID}
	add := func(cond string, v any) {
		args = append(args, v)
		where += " AND " + cond + " = $" + strconv.Itoa(len(args))
	}
	if f.UserID != 0 {
		add("a.user_id", f.UserID)
	}
	if f.ObjectType != "" {
		add("a.object_type", f.ObjectType)
	}
	if f.ObjectID != 0 {
		add("a.object_id", f.ObjectID)
	}

	var total int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log a WHERE `+where, args...).Scan(&total)
	if err != nil {
		return nil, 0, fmt.Errorf("count audit: %w", err)
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}

	n := len(args)
	args = append(args, f.Limit, f.Offset)
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.site_id, COALESCE(a.user_id, 0),
		COALESCE(u.display_name, ''), COALESCE(u.username, ''),
		a.action, a.object_type, COALESCE(a.object_id, 0), a.detail, a.ip, a.at
		FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE `+where+`
		ORDER BY a.at DESC, a.id DESC LIMIT $`+strconv.Itoa(n+1)+` OFFSET $`+strconv.Itoa(n+2), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var display, username string
		var at int64
		if err := rows.Scan(&e.ID, &e.SiteID, &e.UserID, &display, &username, &e.Action, &e.ObjectType, &e.ObjectID,
			&e.Detail, &e.IP, &at); err != nil {
			return nil, 0, err
		}

		e.UserName = display
		if e.UserName == "" {
			e.UserName = username
		}

		e.At = store.Time(at)
		out = append(out, e)
	}

	return out, total, rows.Err()
}
