package auth

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/congtin/congtin/internal/i18n"
)

var updateDocs = flag.Bool("update", false, "rewrite docs/roles.md from the matrix")

// want is the matrix written out a second time, by hand, as the
// specification: a change to permissions.go must be made here too.
// Letters: - none, o own drafts, a assigned categories, * all.
var want = map[Action]string{
	//                  admin, chief, editor, writer
	ActDashboard:      "****",
	ActArticleCreate:  "**a*",
	ActArticleView:    "**ao",
	ActArticleEdit:    "**ao",
	ActArticleSubmit:  "**ao",
	ActArticlePublish: "**a-",
	ActArticleReject:  "**a-",
	ActArticleRetire:  "**a-",
	ActArticleRestore: "**ao",
	ActMediaUpload:    "****",
	ActMediaBrowse:    "****",
	ActCategories:     "**--",
	ActPages:          "**--",
	ActPolls:          "**--",
	ActSettings:       "*---",
	ActUsers:          "*---",
	ActAudit:          "**--",
}

func TestMatrixEveryRoleAndAction(t *testing.T) {
	letters := map[byte]Scope{'-': None, 'o': Own, 'a': Assigned, '*': All}
	if len(want) != len(Actions) {
		t.Fatalf("spec has %d actions, code %d", len(want), len(Actions))
	}
	for _, a := range Actions {
		spec, ok := want[a]
		if !ok {
			t.Fatalf("action %s missing from the spec", a)
		}
		for i, r := range Roles {
			if got := ScopeOf(r, a); got != letters[spec[i]] {
				t.Errorf("%s × %s: scope %v, want %v", r, a, got, letters[spec[i]])
			}
		}
	}
}

// TestCanArticleEveryCase checks every role × article action against
// every kind of article the role may meet.
func TestCanArticleEveryCase(t *testing.T) {
	const me, other, mine, notMine = 10, 20, 1, 2
	cases := []struct {
		name string
		art  ArticleRef
	}{
		{"own draft in assigned", ArticleRef{AuthorID: me, CategoryID: mine, Status: "draft"}},
		{"own pending in assigned", ArticleRef{AuthorID: me, CategoryID: mine, Status: "pending"}},
		{"own draft elsewhere", ArticleRef{AuthorID: me, CategoryID: notMine, Status: "draft"}},
		{"other's draft in assigned", ArticleRef{AuthorID: other, CategoryID: mine, Status: "draft"}},
		{"other's published in assigned", ArticleRef{AuthorID: other, CategoryID: mine, Status: "published"}},
		{"other's pending elsewhere", ArticleRef{AuthorID: other, CategoryID: notMine, Status: "pending"}},
	}
	for _, r := range Roles {
		u := &User{ID: me, Role: r, Categories: []int64{mine}}
		for _, a := range Actions {
			if !strings.HasPrefix(string(a), "article.") {
				continue
			}
			for _, c := range cases {
				var expect bool
				switch ScopeOf(r, a) {
				case All:
					expect = true
				case Assigned:
					expect = c.art.CategoryID == mine
				case Own:
					expect = a == ActArticleCreate || c.art.AuthorID == me && (a == ActArticleView || c.art.Status == "draft")
				}
				if got := u.CanArticle(a, c.art); got != expect {
					t.Errorf("%s %s %s: %v, want %v", r, a, c.name, got, expect)
				}
			}
		}
		blocked := &User{ID: me, Role: r, Blocked: true, Categories: []int64{mine}}
		for _, a := range Actions {
			if blocked.Allowed(a) || blocked.CanArticle(a, cases[0].art) {
				t.Errorf("blocked %s may %s", r, a)
			}
		}
	}
	// The rules of the newsroom, spelled out.
	writer := &User{ID: me, Role: RoleWriter}
	if writer.CanArticle(ActArticlePublish, cases[0].art) {
		t.Error("a writer may publish")
	}
	editor := &User{ID: me, Role: RoleEditor, Categories: []int64{mine}}
	if editor.CanArticle(ActArticlePublish, cases[5].art) || !editor.CanArticle(ActArticlePublish, cases[3].art) {
		t.Error("an editor's approval is not limited to their categories")
	}
	if (&User{Role: RoleEditor}).CanArticle(ActArticleCreate, ArticleRef{}) {
		t.Error("an editor without categories may create")
	}
}

// RolesMarkdown renders the matrix as docs/roles.md.
func rolesMarkdown() string {
	var b strings.Builder
	b.WriteString("# Roles and permissions\n\n")
	b.WriteString("Generated from `internal/auth/permissions.go` by `go test ./internal/auth -update`; a test fails when this file and the code disagree.\n\n")
	b.WriteString("| action |")
	for _, r := range Roles {
		fmt.Fprintf(&b, " %s (`%s`) |", i18n.Vietnamese.T(r.LabelKey()), r)
	}
	b.WriteString("\n|---|")
	for range Roles {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, a := range Actions {
		fmt.Fprintf(&b, "| `%s` |", a)
		for _, r := range Roles {
			fmt.Fprintf(&b, " %s |", i18n.Vietnamese.T(ScopeOf(r, a).LabelKey()))
		}
		b.WriteString("\n")
	}
	b.WriteString(`
- **bài của mình (bản nháp)**: the writer's own articles, and only while they are drafts; once submitted the text is the editors' to change. A writer may still view their submitted articles.
- **chuyên mục được giao**: articles in the categories an admin assigned to the editor (Quản trị → Người dùng).
- A blocked account may do nothing; blocking, a new role or a new password ends the user's sessions at once.
`)
	return b.String()
}

func TestRolesDoc(t *testing.T) {
	path := "../../docs/roles.md"
	gen := rolesMarkdown()
	if *updateDocs {
		if err := os.WriteFile(path, []byte(gen), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != gen {
		t.Fatalf("docs/roles.md is out of date: run go test ./internal/auth -run TestRolesDoc -update")
	}
}
