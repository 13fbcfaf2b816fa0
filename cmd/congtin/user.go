package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"github.com/congtin/congtin/internal/app"
	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/vn"
)

const userUsage = `Usage:
  congtin user add --username U --role R [--name "Họ tên"] [--email E]
  congtin user passwd --username U
  congtin user list

Roles: admin, editor_in_chief, editor, writer. The password is read from the
terminal (asked twice) or, when stdin is not a terminal, from its first line.
Database flags: --data, --database (as for serve).
`

func user(args []string) error {
	return userCmd(args, os.Stdin, os.Stdout, os.Getenv)
}

func userCmd(args []string, stdin io.Reader, stdout io.Writer, getenv func(string) string) error {
	if len(args) == 0 {
		return fmt.Errorf("no user command given\n\n%s", userUsage)
	}

	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	dbConfig := app.DatabaseFlags(fs, getenv)
	username := fs.String("username", "", "login name")
	role := fs.String("role", "", "admin, editor_in_chief, editor or writer")
	name := fs.String("name", "", "display name")
	email := fs.String("email", "", "e-mail address")
	if err := fs.Parse(args[1:]); err != nil {
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
	users := auth.NewStore(db)

	switch args[0] {
	case "add":
		if *username == "" || *role == "" {
			return fmt.Errorf("user add needs --username and --role\n\n%s", userUsage)
		}

		pw, err := readPassword(stdin, stdout)
		if err != nil {
			return err
		}

		n := auth.NewUser{Username: *username, DisplayName: *name, Email: *email, Password: pw, Role: auth.Role(*role)}
		u, err := users.CreateAccount(ctx, served.ID, n, commandLine)
		if err != nil {
			return err
		}

		fmt.Fprintf(stdout, "Đã tạo tài khoản %s (%s), id %d.\n", u.Username, i18n.Default.T(u.Role.LabelKey()), u.ID)
		return nil
	case "passwd":
		if *username == "" {
			return errors.New("user passwd needs --username")
		}

		ask := func() (string, error) { return readPassword(stdin, stdout) }
		u, err := users.ChangePassword(ctx, served.ID, *username, ask, commandLine)
		if errors.Is(err, auth.ErrNotFound) {
			return fmt.Errorf("no user %q", *username)
		}
		if err != nil {
			return err
		}

		fmt.Fprintf(stdout, "Đã đổi mật khẩu của %s; mọi phiên đăng nhập cũ đã kết thúc.\n", u.Username)
		return nil
	case "list":
		list, err := users.Users(ctx)
		if err != nil {
			return err
		}

		return printUsers(stdout, list)
	}

	return fmt.Errorf("unknown user command %q\n\n%s", args[0], userUsage)
}

// readPassword asks twice on a terminal, without echo; from a pipe it
// takes the first line, so scripts can create accounts.
func readPassword(stdin io.Reader, stdout io.Writer) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(stdout, "Mật khẩu: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stdout)
		if err != nil {
			return "", err
		}

		fmt.Fprint(stdout, "Nhập lại: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(stdout)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", errors.New("hai lần nhập mật khẩu không khớp")
		}

		return string(a), nil
	}

	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}

	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password on stdin")
	}

	return line, nil
}

// commandLine is where the audit log says a change from this command came from.
const commandLine = "dòng lệnh"

func printUsers(out io.Writer, list []*auth.User) error {
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUSERNAME\tNAME\tROLE\tBLOCKED\tLAST LOGIN")
	for _, u := range list {
		last := "-"
		if u.LastLoginAt != nil {
			last = vn.FormatDateTime(*u.LastLoginAt)
		}

		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%v\t%s\n", u.ID, u.Username, u.DisplayName, u.Role, u.Blocked, last)
	}

	return tw.Flush()
}
