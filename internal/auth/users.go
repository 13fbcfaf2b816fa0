package auth

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/vn"
)

// ErrNotFound is returned for unknown users and sessions.
var ErrNotFound = store.ErrNotFound

// ErrInvalid is the sentinel of every validation problem auth returns:
// errors.Is(err, ErrInvalid) holds for each.
var ErrInvalid = errors.New("auth: invalid")

// invalid is a value of field that breaks a rule; key names the message.
func invalid(field, key string, args ...any) error {
	return problem.InvalidField(field, key, args...).Because(ErrInvalid)
}

// User is a newsroom account.
type User struct {
	ID                int64
	Username          string
	DisplayName       string
	Email             string
	Role              Role
	Blocked           bool
	CreatedAt         time.Time
	LastLoginAt       *time.Time
	SessionGeneration int
	// TwoFactor is true when sign-in asks for a code after the password.
	TwoFactor bool
	// Categories are the categories an editor works in.
	Categories []int64
}

// Name is what the back office shows for the user.
func (u *User) Name() string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.Username
}

// Store keeps accounts and sessions.
type Store struct {
	db  *store.DB
	now func() time.Time
	// verify checks a password against a stored hash: VerifyPassword,
	// replaced in tests that count or hold the checks a login makes.
	verify func(hash, password string) (ok, rehash bool, err error)
}

// NewStore returns an account store on db.
func NewStore(db *store.DB) *Store { return &Store{db: db, now: time.Now, verify: VerifyPassword} }

// WithClock replaces the clock, for tests of expiry and lock-outs.
func (s *Store) WithClock(now func() time.Time) *Store {
	s.now = now
	return s
}

// NormalizeUsername is how usernames are compared: trimmed, lower case.
func NormalizeUsername(u string) string { return strings.ToLower(strings.TrimSpace(vn.NFC(u))) }

func validUsername(u string) bool {
	if len(u) < 2 || len(u) > 64 {
		return false
	}

	for _, c := range u {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '@') {
			return false
		}
	}

	return true
}

// NewUser is what creating an account takes.
type NewUser struct {
	Username, DisplayName, Email, Password string
	Role                                   Role
	Categories                             []int64
}

// CreateUser adds an account with an argon2id hash of a password that
// passes CheckPassword.
func (s *Store) CreateUser(ctx context.Context, q store.Querier, n NewUser) (*User, error) {
	username := NormalizeUsername(n.Username)
	if !validUsername(username) {
		return nil, invalid("username", "auth.err.username_chars")
	}
	if !n.Role.Valid() {
		return nil, invalid("role", "auth.err.role_unknown", n.Role)
	}
	if err := CheckPassword(n.Password, username); err != nil {
		return nil, err
	}

	hash, err := HashPassword(n.Password)
	if err != nil {
		return nil, err
	}

	return s.insertUser(ctx, q, username, n, hash)
}

// ImportUser adds an account keeping a password hash from another system
// (bcrypt, phpass, md5:salt...): VerifyPassword checks it at login and
// Login replaces it with argon2id then. The importer uses it.
func (s *Store) ImportUser(ctx context.Context, q store.Querier, n NewUser, legacyHash string) (*User, error) {
	username := NormalizeUsername(n.Username)
	if !validUsername(username) || !n.Role.Valid() {
		return nil, invalid("username", "auth.err.account_invalid", n.Username)
	}
	if !KnownHashFormat(legacyHash) {
		return nil, ErrUnknownHash
	}
	return s.insertUser(ctx, q, username, n, legacyHash)
}

func (s *Store) insertUser(
	ctx context.Context,
	q store.Querier,
	username string,
	n NewUser,
	hash string,
) (*User, error) {
	now := s.now().Unix()
	u := &User{Username: username, DisplayName: strings.TrimSpace(vn.NFC(n.DisplayName)),
		Email: strings.TrimSpace(n.Email), Role: n.Role, CreatedAt: store.Time(now)}

	err := q.QueryRowContext(ctx, `INSERT INTO users
		(username, display_name, email, role, password_hash, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
		u.Username, u.DisplayName, u.Email, string(u.Role), hash, now).Scan(&u.ID)
	if store.IsUniqueViolation(err) {
		return nil, invalid("username", "auth.err.username_taken", username)
	}
	if err != nil {
		return nil, fmt.Errorf("create user: %w", err)
	}
	if err := setCategories(ctx, q, u.ID, n.Categories); err != nil {
		return nil, err
	}

	u.Categories = n.Categories
	return u, nil
}

const userColumns = `id, username, display_name, email, role, blocked, created_at, last_login_at, session_generation,
	totp_secret <> ''`

func scanUser(sc interface{ Scan(...any) error }) (*User, error) {
	u := &User{}
	var created int64
	var last sql.NullInt64
	var role string
	if err := sc.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Email, &role, &u.Blocked, &created, &last,
		&u.SessionGeneration, &u.TwoFactor); err != nil {
		return nil, err
	}

	u.Role = Role(role)
	u.CreatedAt = store.Time(created)
	u.LastLoginAt = store.NullTime(last)
	return u, nil
}

// User returns an account by id, with its categories.
func (s *Store) User(ctx context.Context, id int64) (*User, error) {
	return s.userWhere(ctx, `id = $1`, id)
}

// UserByUsername returns an account by name.
func (s *Store) UserByUsername(ctx context.Context, username string) (*User, error) {
	return s.userWhere(ctx, `username = $1`, NormalizeUsername(username))
}

func (s *Store) userWhere(ctx context.Context, where string, arg any) (*User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE `+where, arg))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("user: %w", err)
	}
	if u.Categories, err = s.categories(ctx, u.ID); err != nil {
		return nil, err
	}

	return u, nil
}

func (s *Store) categories(ctx context.Context, userID int64) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT category_id FROM user_categories
		WHERE user_id = $1 ORDER BY category_id`, userID)
	if err != nil {
		return nil, fmt.Errorf("user categories: %w", err)
	}
	return store.Collect(rows, store.ScanInt64)
}

// Users lists every account by name.
func (s *Store) Users(ctx context.Context) ([]*User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY username`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}

	out, err := store.Collect(rows, scanUser)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}

	for _, u := range out {
		if u.Categories, err = s.categories(ctx, u.ID); err != nil {
			return nil, err
		}
	}

	return out, nil
}

// UserChange is what an admin may change about an account.
type UserChange struct {
	DisplayName string
	Email       string
	Role        Role
	Blocked     bool
	Categories  []int64
}

// UpdateUser changes an account. Blocking or a new role ends the user's
// sessions, so the change takes effect at once.
func (s *Store) UpdateUser(ctx context.Context, q store.Querier, id int64, c UserChange) error {
	if !c.Role.Valid() {
		return invalid("role", "auth.err.role_unknown", c.Role)
	}

	res, err := q.ExecContext(ctx, `UPDATE users SET display_name = $1, email = $2,
		session_generation = session_generation + CASE WHEN role <> $3 OR blocked <> $4 THEN 1 ELSE 0 END,
		role = $3, blocked = $4, updated_at = $5 WHERE id = $6`,
		strings.TrimSpace(vn.NFC(c.DisplayName)), strings.TrimSpace(c.Email), string(c.Role), c.Blocked,
		s.now().Unix(), id)
	if err != nil {
		return fmt.Errorf("update user: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}

	return setCategories(ctx, q, id, c.Categories)
}

func setCategories(ctx context.Context, q store.Querier, userID int64, cats []int64) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM user_categories WHERE user_id = $1`, userID); err != nil {
		return fmt.Errorf("user categories: %w", err)
	}

	for _, c := range cats {
		if _, err := q.ExecContext(ctx, `INSERT INTO user_categories (user_id, category_id) VALUES ($1, $2)
			ON CONFLICT DO NOTHING`, userID, c); err != nil {
			return fmt.Errorf("user category %d: %w", c, err)
		}
	}

	return nil
}

// SetPassword replaces a user's password and ends all their sessions.
func (s *Store) SetPassword(ctx context.Context, q store.Querier, id int64, password string) error {
	var username string
	if err := q.QueryRowContext(ctx, `SELECT username FROM users WHERE id = $1`, id).Scan(&username); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		return err
	}

	if err := CheckPassword(password, username); err != nil {
		return err
	}

	hash, err := HashPassword(password)
	if err != nil {
		return err
	}

	_, err = q.ExecContext(ctx, `UPDATE users SET password_hash = $1, session_generation = session_generation + 1,
		updated_at = $2 WHERE id = $3`, hash, s.now().Unix(), id)
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}

	_, err = q.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id)
	return err
}

// LogoutEverywhere ends every session of a user: the generation check
// refuses old sessions even on a node that has not seen the delete.
func (s *Store) LogoutEverywhere(ctx context.Context, id int64) error {
	return s.db.InTx(ctx, func(tx store.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET session_generation = session_generation + 1
			WHERE id = $1`, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id)
		return err
	})
}

// UserNames maps ids to display names, for lists that show authors.
func (s *Store) UserNames(ctx context.Context) (map[int64]string, error) {
	users, err := s.Users(ctx)
	if err != nil {
		return nil, err
	}

	out := make(map[int64]string, len(users))
	for _, u := range users {
		out[u.ID] = u.Name()
	}

	return out, nil
}

// ParseIDs reads a list of ids from form values, skipping junk.
func ParseIDs(vals []string) []int64 {
	var out []int64
	for _, v := range vals {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
			out = append(out, id)
		}
	}
	return out
}
