package auth_test

import (
	"context"
	"errors"
	"testing"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/site"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

const (
	strongPassword = "Hôm nay trời đẹp"
	origin         = "dòng lệnh"
)

func theSite(t *testing.T, db *store.DB) int64 {
	t.Helper()
	s, err := site.Only(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return s.ID
}

// auditDetails are the audit rows of site siteID with action, oldest first.
func auditDetails(t *testing.T, db *store.DB, siteID int64, action string) []string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(),
		`SELECT detail FROM audit_log WHERE site_id = $1 AND action = $2 ORDER BY id`, siteID, action)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func count(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCreateAccount(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		account auth.NewUser
		noSite  bool
		want    error
		detail  string
	}{
		{name: "the account and its audit row",
			account: auth.NewUser{Username: "BienTap", DisplayName: "Biên tập", Password: strongPassword,
				Role: auth.RoleEditor},
			detail: "dòng lệnh: bientap (editor)"},
		{name: "a weak password writes nothing",
			account: auth.NewUser{Username: "weak", Password: "123456789", Role: auth.RoleWriter},
			want:    auth.ErrInvalid},
		{name: "an unknown role writes nothing",
			account: auth.NewUser{Username: "chief", Password: strongPassword, Role: "chief"}, want: auth.ErrInvalid},
		{name: "no site writes nothing",
			account: auth.NewUser{Username: "admin", Password: strongPassword, Role: auth.RoleAdmin}, noSite: true,
			want: site.ErrMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				t.Parallel()
				ctx := context.Background()
				siteID := theSite(t, db)
				asked := siteID
				if tc.noSite {
					asked = 0
				}

				u, err := auth.NewStore(db).CreateAccount(ctx, asked, tc.account, origin)
				if !errors.Is(err, tc.want) {
					t.Fatalf("CreateAccount = %v, want %v", err, tc.want)
				}
				if tc.want != nil {
					if users, audits := count(t, db, "users"), count(t, db, "audit_log"); users+audits != 0 {
						t.Fatalf("refused, yet %d users and %d audit rows were written", users, audits)
					}
					return
				}
				if got := auditDetails(t, db, siteID, "user.create"); len(got) != 1 || got[0] != tc.detail {
					t.Errorf("audit %q, want [%q]", got, tc.detail)
				}
				_, err = auth.NewStore(db).Login(ctx, u.Username, tc.account.Password, "10.0.0.1", "test")
				if err != nil {
					t.Errorf("the new account cannot sign in: %v", err)
				}
			})
		})
	}
}

func TestChangePassword(t *testing.T) {
	t.Parallel()
	const newPassword = "Một mật khẩu mới dài"
	errNoTerminal := errors.New("no terminal")
	for _, tc := range []struct {
		name     string
		username string
		password string
		prompt   error
		noSite   bool
		want     error
		asked    bool // whether the password was asked for
	}{
		{name: "the new password signs in, the change is audited", username: "TongBienTap",
			password: newPassword, asked: true},
		{name: "an unknown name asks no password", username: "khong-co", password: newPassword,
			want: auth.ErrNotFound},
		{name: "a weak password changes nothing", username: "tongbientap", password: "123456789",
			want: auth.ErrInvalid, asked: true},
		{name: "a failed prompt changes nothing", username: "tongbientap", prompt: errNoTerminal,
			want: errNoTerminal, asked: true},
		{name: "no site changes nothing and asks nothing", username: "tongbientap", password: newPassword,
			noSite: true, want: site.ErrMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				t.Parallel()
				ctx := context.Background()
				users := auth.NewStore(db)
				siteID := theSite(t, db)
				_, err := users.CreateUser(ctx, db, auth.NewUser{Username: "tongbientap", Password: strongPassword,
					Role: auth.RoleEditorInChief})
				if err != nil {
					t.Fatal(err)
				}
				asked := false
				prompt := func() (string, error) { asked = true; return tc.password, tc.prompt }
				onSite := siteID
				if tc.noSite {
					onSite = 0
				}

				_, err = users.ChangePassword(ctx, onSite, tc.username, prompt, origin)
				if !errors.Is(err, tc.want) {
					t.Fatalf("ChangePassword = %v, want %v", err, tc.want)
				}
				if asked != tc.asked {
					t.Errorf("password asked for: %v, want %v", asked, tc.asked)
				}

				signIn := strongPassword
				audits := 0
				if tc.want == nil {
					signIn, audits = newPassword, 1
				}
				if _, err := users.Login(ctx, "tongbientap", signIn, "10.0.0.1", "test"); err != nil {
					t.Errorf("cannot sign in with %q: %v", signIn, err)
				}
				if got := auditDetails(t, db, siteID, "user.password"); len(got) != audits {
					t.Errorf("audit rows %q, want %d", got, audits)
				}
			})
		})
	}
}
