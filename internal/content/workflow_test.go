package content

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/congtin/congtin/internal/auth"
	"github.com/congtin/congtin/internal/store"
	"github.com/congtin/congtin/internal/store/storetest"
)

// The migrated database has exactly one site; every value below names it.
const workflowSite int64 = 1

// workflowMoves is every move, in the order the newsroom offers them.
var workflowMoves = []Transition{Submit, Publish, Reject, Unpublish, Archive, Trash, Restore}

// workflowRules is the workflow written out by hand as the specification:
// from a state, the moves it allows and the state each leads to. A move
// missing from a row is refused. Publishing skips review (an editor may
// publish a draft), re-publishing a published article reschedules it, and
// a restored article comes back as a draft.
var workflowRules = map[Status]map[Transition]Status{
	StatusDraft:   {Submit: StatusPending, Publish: StatusPublished, Trash: StatusTrashed},
	StatusPending: {Publish: StatusPublished, Reject: StatusDraft, Trash: StatusTrashed},
	StatusPublished: {
		Publish: StatusPublished, Unpublish: StatusUnpublished, Archive: StatusArchived, Trash: StatusTrashed,
	},
	StatusUnpublished: {Publish: StatusPublished, Archive: StatusArchived, Trash: StatusTrashed},
	StatusArchived:    {Publish: StatusPublished, Trash: StatusTrashed},
	StatusTrashed:     {Restore: StatusDraft},
}

// movePermission is the permission the newsroom checks before a move; it
// restates the admin package's mapping, which the content package cannot
// import.
func movePermission(m Transition) auth.Action {
	switch m {
	case Submit:
		return auth.ActArticleSubmit
	case Publish:
		return auth.ActArticlePublish
	case Reject:
		return auth.ActArticleReject
	}
	return auth.ActArticleRetire
}

// workflowActor is someone in the newsroom facing an article written by
// the author in the category filed.
type workflowActor struct {
	name string
	user *auth.User
	// moves are the moves the role may make on this article; onlyDrafts
	// limits them to the article while it is a draft (a writer's own).
	moves      map[Transition]bool
	onlyDrafts bool
}

// workflowOutcome is what a case expects: refused by the role (the move
// never reaches the workflow), refused by the workflow, or the new state.
type workflowOutcome struct {
	byRole, byWorkflow bool
	to                 Status
}

func (o workflowOutcome) String() string {
	switch {
	case o.byRole:
		return "refused by the role"
	case o.byWorkflow:
		return "refused by the workflow"
	}
	return "allowed, to " + string(o.to)
}

func expectedOutcome(a workflowActor, from Status, m Transition) workflowOutcome {
	if !a.moves[m] || (a.onlyDrafts && from != StatusDraft) {
		return workflowOutcome{byRole: true}
	}

	to, ok := workflowRules[from][m]
	if !ok {
		return workflowOutcome{byWorkflow: true}
	}
	return workflowOutcome{to: to}
}

// isWorkflowRefusal is how SetStatus says a move does not start from the
// article's state (or lacks what it needs, such as a reason to reject).
func isWorkflowRefusal(err error) bool { return errors.Is(err, ErrInvalid) }

// TestWorkflowEveryStateMoveAndRole runs every role against every state
// and every move, as the newsroom does: the role's permission first, then
// SetStatus. A refused move leaves the article, its version and its
// revisions as they were; an allowed one writes one revision.
func TestWorkflowEveryStateMoveAndRole(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db)

		filed := &Category{SiteID: workflowSite, Name: "Tin tức sự kiện", Published: true}
		other := &Category{SiteID: workflowSite, Name: "Chuyển đổi số", Published: true}
		for _, c := range []*Category{filed, other} {
			if err := s.CreateCategory(ctx, db, c); err != nil {
				t.Fatal(err)
			}
		}

		const authorID, colleagueID = 10, 20
		every := map[Transition]bool{}
		for _, m := range workflowMoves {
			every[m] = true
		}
		actors := []workflowActor{
			{"admin", &auth.User{ID: 1, Role: auth.RoleAdmin}, every, false},
			{"editor_in_chief", &auth.User{ID: 2, Role: auth.RoleEditorInChief}, every, false},
			{"editor", &auth.User{ID: 3, Role: auth.RoleEditor, Categories: []int64{filed.ID}}, every, false},
			{"editor-unassigned", &auth.User{ID: 4, Role: auth.RoleEditor, Categories: []int64{other.ID}}, nil, false},
			{"writer", &auth.User{ID: authorID, Role: auth.RoleWriter}, map[Transition]bool{Submit: true}, true},
			{"writer-not-author", &auth.User{ID: colleagueID, Role: auth.RoleWriter}, nil, false},
		}

		for _, actor := range actors {
			t.Run(actor.name, func(t *testing.T) {
				for _, from := range Statuses {
					t.Run(string(from), func(t *testing.T) {
						for _, m := range workflowMoves {
							t.Run(string(m), func(t *testing.T) {
								want := expectedOutcome(actor, from, m)
								a := articleIn(t, s, db, filed.ID, authorID, from)
								got := tryMove(ctx, t, s, db, actor.user, a, m)
								checkOutcome(ctx, t, s, db, a, want, got)
							})
						}
					})
				}
			})
		}
	})
}

// articleIn writes an article straight into state st, without going
// through the moves under test.
func articleIn(t *testing.T, s *Store, db *store.DB, categoryID, authorID int64, st Status) *Article {
	t.Helper()

	a := &Article{SiteID: workflowSite, CategoryID: categoryID, CreatedBy: authorID, Status: st,
		Title: "Hội nghị sơ kết công tác quý I", BodyHTML: "<p>Nội dung bài viết.</p>"}
	if st == StatusPublished || st == StatusUnpublished || st == StatusArchived {
		at := time.Now().UTC().Add(-time.Hour).Truncate(time.Second)
		a.PublishAt = &at
	}
	if err := s.CreateArticle(context.Background(), db, a); err != nil {
		t.Fatal(err)
	}
	return a
}

// moveResult is what a move did: whether the role let it through, and
// what SetStatus answered.
type moveResult struct {
	permitted bool
	moved     *Editable
	err       error
}

func tryMove(ctx context.Context, t *testing.T, s *Store, db *store.DB, u *auth.User, a *Article,
	m Transition) moveResult {
	t.Helper()

	ref := auth.ArticleRef{AuthorID: a.CreatedBy, CategoryID: a.CategoryID, Status: string(a.Status)}
	if !u.CanArticle(movePermission(m), ref) {
		return moveResult{}
	}

	r := moveResult{permitted: true}
	r.err = db.InTx(ctx, func(tx store.Tx) error {
		var err error
		r.moved, err = s.SetStatus(ctx, tx, StatusChange{ID: a.ID, Version: a.Version, Move: m,
			Note: "Cần bổ sung số liệu của các xã", UserID: u.ID, Now: time.Now()})
		return err
	})
	return r
}

func checkOutcome(ctx context.Context, t *testing.T, s *Store, db *store.DB, a *Article, want workflowOutcome,
	got moveResult) {
	t.Helper()

	switch {
	case want.byRole && got.permitted:
		t.Fatalf("want %s; the role let it through (SetStatus: %v)", want, got.err)
	case !want.byRole && !got.permitted:
		t.Fatalf("want %s; refused by the role", want)
	case want.byWorkflow && !isWorkflowRefusal(got.err):
		t.Fatalf("want %s; SetStatus answered %v", want, got.err)
	case !want.byRole && !want.byWorkflow && got.err != nil:
		t.Fatalf("want %s; SetStatus: %v", want, got.err)
	}

	stored, err := s.ArticleForEdit(ctx, db, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	revisions := revisionCount(ctx, t, db, a.ID)
	if want.byRole || want.byWorkflow {
		if stored.Status != a.Status || stored.Version != a.Version || revisions != 0 {
			t.Errorf("refused, yet stored %s v%d with %d revisions; want %s v%d with none",
				stored.Status, stored.Version, revisions, a.Status, a.Version)
		}
		return
	}

	if got.moved.Status != want.to || stored.Status != want.to {
		t.Errorf("moved to %s, stored %s; want %s", got.moved.Status, stored.Status, want.to)
	}
	if stored.Version != a.Version+1 || revisions != 1 {
		t.Errorf("stored v%d with %d revisions; want v%d with one", stored.Version, revisions, a.Version+1)
	}
}

func revisionCount(ctx context.Context, t *testing.T, db *store.DB, articleID int64) int {
	t.Helper()

	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM article_revisions WHERE article_id = $1`, articleID).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestStaleEditsAreRefused: someone who opened an article before another
// person saved or moved it cannot write over that work, and nothing of
// their attempt is written.
func TestStaleEditsAreRefused(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		t.Parallel()
		ctx := context.Background()
		s := NewStore(db)

		c := &Category{SiteID: workflowSite, Name: "Thông báo", Published: true}
		if err := s.CreateCategory(ctx, db, c); err != nil {
			t.Fatal(err)
		}

		// Each case opens a draft at version 1; someone else then makes
		// version 2, and the case writes with version 1.
		meanwhile := map[string]func(t *testing.T, e *Editable){
			"saved": func(t *testing.T, e *Editable) {
				e.Title = "Thông báo lịch tiếp công dân tháng 4"
				if err := s.SaveArticle(ctx, db, e, 1, 2, ""); err != nil {
					t.Fatal(err)
				}
			},
			"submitted": func(t *testing.T, e *Editable) {
				change := StatusChange{ID: e.ID, Version: 1, Move: Submit, UserID: 2, Now: time.Now()}
				if _, err := s.SetStatus(ctx, db, change); err != nil {
					t.Fatal(err)
				}
			},
		}
		stale := map[string]func(e *Editable) error{
			"save": func(e *Editable) error {
				e.Title = "Bản sửa cũ ghi đè"
				e.Tags = []string{"tiếp công dân"}
				return s.SaveArticle(ctx, db, e, 1, 3, "")
			},
			"publish": func(e *Editable) error {
				_, err := s.SetStatus(ctx, db, StatusChange{ID: e.ID, Version: 1, Move: Publish, UserID: 3, Now: time.Now()})
				return err
			},
			"trash": func(e *Editable) error {
				_, err := s.SetStatus(ctx, db, StatusChange{ID: e.ID, Version: 1, Move: Trash, UserID: 3, Now: time.Now()})
				return err
			},
		}

		for _, first := range []string{"saved", "submitted"} {
			for _, second := range []string{"save", "publish", "trash"} {
				name := first + " then stale " + second
				t.Run(name, func(t *testing.T) {
					e := &Editable{Article: Article{SiteID: workflowSite, CategoryID: c.ID,
						Title: "Thông báo lịch tiếp công dân, " + name, BodyHTML: "<p>Lịch tiếp công dân.</p>"}}
					if err := s.SaveArticle(ctx, db, e, 0, 1, ""); err != nil {
						t.Fatal(err)
					}
					opened := *e
					meanwhile[first](t, e)
					before, err := s.ArticleForEdit(ctx, db, e.ID)
					if err != nil {
						t.Fatal(err)
					}
					revisions := revisionCount(ctx, t, db, e.ID)

					if err := stale[second](&opened); !errors.Is(err, ErrStale) {
						t.Fatalf("writing version 1 over version %d: %v, want ErrStale", before.Version, err)
					}

					after, err := s.ArticleForEdit(ctx, db, e.ID)
					if err != nil {
						t.Fatal(err)
					}
					if after.Title != before.Title || after.Status != before.Status || after.Version != before.Version ||
						len(after.Tags) != len(before.Tags) {
						t.Errorf("stored %q %s v%d tags %v; want %q %s v%d tags %v", after.Title, after.Status,
							after.Version, after.Tags, before.Title, before.Status, before.Version, before.Tags)
					}
					if n := revisionCount(ctx, t, db, e.ID); n != revisions {
						t.Errorf("%d revisions, want %d", n, revisions)
					}
				})
			}
		}
	})
}
