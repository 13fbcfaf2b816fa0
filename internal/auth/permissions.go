package auth

import "slices"

// Role is a newsroom role.
type Role string

const (
	RoleAdmin         Role = "admin"
	RoleEditorInChief Role = "editor_in_chief"
	RoleEditor        Role = "editor"
	RoleWriter        Role = "writer"
)

// Roles lists every role, most powerful first (the order forms show).
var Roles = []Role{RoleAdmin, RoleEditorInChief, RoleEditor, RoleWriter}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// LabelKey names the role in the catalogue.
func (r Role) LabelKey() string {
	switch r {
	case RoleAdmin:
		return "auth.role.admin"
	case RoleEditorInChief:
		return "auth.role.editor_in_chief"
	case RoleEditor:
		return "auth.role.editor"
	case RoleWriter:
		return "auth.role.writer"
	}
	return "auth.role.unknown"
}

// Action is something a user may be allowed to do.
type Action string

const (
	ActDashboard      Action = "dashboard"       // see the back office at all
	ActArticleCreate  Action = "article.create"  // start a new article
	ActArticleView    Action = "article.view"    // open an article in the back office
	ActArticleEdit    Action = "article.edit"    // change an article's text and fields
	ActArticleSubmit  Action = "article.submit"  // send a draft for review
	ActArticlePublish Action = "article.publish" // approve and publish, now or scheduled
	ActArticleReject  Action = "article.reject"  // send back to the writer with a note
	ActArticleRetire  Action = "article.retire"  // unpublish, archive or trash
	ActArticleRestore Action = "article.restore" // restore an older revision
	ActMediaUpload    Action = "media.upload"
	ActMediaBrowse    Action = "media.browse"
	ActCategories     Action = "categories.manage"
	ActPages          Action = "pages.manage"
	ActPolls          Action = "polls.manage"
	ActSettings       Action = "settings.manage"
	ActUsers          Action = "users.manage"
	ActAudit          Action = "audit.view"
)

// Actions lists every action, for the exhaustive test and docs/roles.md.
var Actions = []Action{
	ActDashboard, ActArticleCreate, ActArticleView, ActArticleEdit, ActArticleSubmit, ActArticlePublish,
	ActArticleReject, ActArticleRetire, ActArticleRestore, ActMediaUpload, ActMediaBrowse,
	ActCategories, ActPages, ActPolls, ActSettings, ActUsers, ActAudit,
}

// Scope says on which objects a role may take an action.
type Scope int

const (
	None     Scope = iota
	Own            // articles the user created, and only while they are drafts
	Assigned       // articles in the categories assigned to the user
	All            // everything
)

// LabelKey names the scope in the catalogue.
func (s Scope) LabelKey() string {
	return [...]string{"auth.scope.none", "auth.scope.own", "auth.scope.assigned", "auth.scope.all"}[s]
}

// matrix is the permission matrix: the one place that says who may do
// what. A missing cell is None.
var matrix = map[Action]map[Role]Scope{
	ActDashboard:      {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: All, RoleWriter: All},
	ActArticleCreate:  {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: Assigned, RoleWriter: All},
	ActArticleView:    {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: Assigned, RoleWriter: Own},
	ActArticleEdit:    {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: Assigned, RoleWriter: Own},
	ActArticleSubmit:  {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: Assigned, RoleWriter: Own},
	ActArticlePublish: {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: Assigned},
	ActArticleReject:  {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: Assigned},
	ActArticleRetire:  {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: Assigned},
	ActArticleRestore: {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: Assigned, RoleWriter: Own},
	ActMediaUpload:    {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: All, RoleWriter: All},
	ActMediaBrowse:    {RoleAdmin: All, RoleEditorInChief: All, RoleEditor: All, RoleWriter: All},
	ActCategories:     {RoleAdmin: All, RoleEditorInChief: All},
	ActPages:          {RoleAdmin: All, RoleEditorInChief: All},
	ActPolls:          {RoleAdmin: All, RoleEditorInChief: All},
	ActSettings:       {RoleAdmin: All},
	ActUsers:          {RoleAdmin: All},
	ActAudit:          {RoleAdmin: All, RoleEditorInChief: All},
}

// ScopeOf returns the scope a role has for an action.
func ScopeOf(r Role, a Action) Scope { return matrix[a][r] }

// Allowed reports whether the user may take action a on at least some
// objects: it decides whether a page or button is shown at all.
func (u *User) Allowed(a Action) bool {
	return u != nil && !u.Blocked && ScopeOf(u.Role, a) != None
}

// ArticleRef is what the permission check needs to know about an article.
// A zero CategoryID with action ActArticleCreate asks "may create in some
// category".
type ArticleRef struct {
	AuthorID   int64
	CategoryID int64
	Status     string
}

// CanArticle reports whether the user may take action a on the article.
// Own scope covers the user's articles only while they are drafts: once
// submitted, the writer's text is the editors' to change.
func (u *User) CanArticle(a Action, art ArticleRef) bool {
	if u == nil || u.Blocked {
		return false
	}

	switch ScopeOf(u.Role, a) {
	case All:
		return true
	case Assigned:
		if a == ActArticleCreate && art.CategoryID == 0 {
			return len(u.Categories) > 0
		}
		return slices.Contains(u.Categories, art.CategoryID)
	case Own:
		if a == ActArticleCreate {
			return true
		}
		if art.AuthorID != u.ID {
			return false
		}
		if a == ActArticleView {
			return true
		}

		return art.Status == "draft"
	}

	return false
}
