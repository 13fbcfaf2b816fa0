package problem

import (
	"errors"
	"fmt"
	"testing"

	"github.com/congtin/congtin/internal/i18n"
)

var errSentinel = errors.New("pkg: invalid")

func TestKindOf(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want Kind
	}{
		{"a plain error is internal", errors.New("disk full"), Internal},
		{"nil is internal", nil, Internal},
		{"a problem", New(Conflict, "k"), Conflict},
		{"a wrapped problem", fmt.Errorf("save article 3: %w", InvalidField("title", "k")), Invalid},
		{"a problem with a cause", New(TooMany, "k").Because(errSentinel), TooMany},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := KindOf(c.err); got != c.want {
				t.Errorf("KindOf = %v, want %v", got, c.want)
			}
		})
	}
}

func TestBecauseKeepsTheSentinelAndLeavesTheOriginal(t *testing.T) {
	base := InvalidField("slug", "content.err.slug_taken", "gioi-thieu")
	err := fmt.Errorf("create page: %w", base.Because(errSentinel))

	if !errors.Is(err, errSentinel) {
		t.Error("errors.Is does not find the sentinel through the problem")
	}
	if base.Err != nil {
		t.Error("Because changed the problem it was called on")
	}
	if p, ok := As(err); !ok || p.Field != "slug" || p.Key != "content.err.slug_taken" {
		t.Errorf("As = %+v, %v", p, ok)
	}
}

func TestSentinelProblemsCompareByIdentity(t *testing.T) {
	closed := New(Conflict, "poll.closed")
	notOpen := New(Conflict, "poll.not_open")
	err := fmt.Errorf("vote: %w", closed)

	if !errors.Is(err, closed) || errors.Is(err, notOpen) {
		t.Error("two problems of one kind are told apart by identity, as sentinels are")
	}
}

func TestMessage(t *testing.T) {
	text := i18n.Catalog{
		"err.move":       "Không thể %s bài đang ở trạng thái %s.",
		"move.publish":   "xuất bản",
		"status.trashed": "thùng rác",
		"err.short":      "Mật khẩu cần ít nhất %d ký tự.",
	}
	args := []any{Key("move.publish"), Key("status.trashed")}
	cases := []struct {
		name   string
		err    error
		want   string
		wantOK bool
	}{
		{"keys among the arguments are translated", New(Invalid, "err.move", args...),
			"Không thể xuất bản bài đang ở trạng thái thùng rác.", true},
		{"plain arguments are formatted", fmt.Errorf("x: %w", InvalidField("password", "err.short", 10)),
			"Mật khẩu cần ít nhất 10 ký tự.", true},
		{"an internal error says nothing", errors.New("pq: relation does not exist"), "", false},
		{"a problem without a key says nothing", New(NotFound, ""), "", false},
		{"an internal problem says nothing", New(Internal, "err.short", 1), "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := Message(text, c.err)
			if got != c.want || ok != c.wantOK {
				t.Errorf("Message = %q, %v; want %q, %v", got, ok, c.want, c.wantOK)
			}
		})
	}
	if _, isKey := args[0].(Key); !isKey {
		t.Error("Message changed the problem's arguments")
	}
}

func TestErrorTextIsForLogs(t *testing.T) {
	err := InvalidField("title", "content.err.title_required").Because(errSentinel)
	if got, want := err.Error(), "invalid title: content.err.title_required: pkg: invalid"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
