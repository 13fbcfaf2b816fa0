package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/i18n"
	"github.com/congtin/congtin/internal/problem"
)

func TestUserCommands(t *testing.T) {
	dir := t.TempDir()
	env := func(k string) string {
		if k == "CONGTIN_DATA" {
			return filepath.Join(dir, "data")
		}
		return ""
	}
	var out bytes.Buffer
	err := userCmd([]string{"add", "--username", "admin", "--role", "admin", "--name", "Quản trị"},
		strings.NewReader("Hôm nay trời đẹp\n"), &out, env)
	if err != nil {
		t.Fatal(err)
	}
	if err := userCmd([]string{"add", "--username", "weak", "--role", "writer"}, strings.NewReader("123456789\n"), &out, env); err == nil ||
		!strings.Contains(readable(err), "ít nhất") {
		t.Fatalf("weak password: %v", err)
	}
	if err := userCmd([]string{"passwd", "--username", "admin"}, strings.NewReader("Một mật khẩu mới dài\n"), &out, env); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := userCmd([]string{"list"}, nil, &out, env); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "admin") || strings.Contains(out.String(), "weak") {
		t.Fatalf("list:\n%s", out.String())
	}
}

// readable is what main prints for err.
func readable(err error) string {
	if msg, ok := problem.Message(i18n.Default, err); ok {
		return msg
	}
	return err.Error()
}
