package admin

import "github.com/congtin/congtin/internal/auth"

// Pseudo-permissions for routes that need no matrix entry.
const (
	public   auth.Action = "" // anyone: the login page and the stylesheet
	loggedIn auth.Action = "logged-in"
)

type route struct {
	pattern string
	perm    auth.Action
	h       handlerFunc
}

// routes is every address of the newsroom with the permission it needs.
// Article routes check the article itself too (own drafts, assigned
// categories) in the handler, with auth.User.CanArticle.
func (s *Server) routes() []route {
	return []route{
		{"GET /quan-tri/dang-nhap", public, s.loginForm},
		{"POST /quan-tri/dang-nhap", public, s.login},
		{"GET /quan-tri/static/{file...}", public, s.static},
		{"POST /quan-tri/dang-xuat", loggedIn, s.logout},
		{"GET /quan-tri/tai-khoan", loggedIn, s.account},
		{"POST /quan-tri/tai-khoan/mat-khau", loggedIn, s.accountPassword},
		{"POST /quan-tri/tai-khoan/dang-xuat-moi-noi", loggedIn, s.accountLogoutEverywhere},
		{"POST /quan-tri/dang-nhap/ma", public, s.loginCode},
		{"POST /quan-tri/tai-khoan/hai-buoc/bat", loggedIn, s.twoFactorBegin},
		{"POST /quan-tri/tai-khoan/hai-buoc/xac-nhan", loggedIn, s.twoFactorConfirm},
		{"POST /quan-tri/tai-khoan/hai-buoc/tat", loggedIn, s.twoFactorOff},
		{"POST /quan-tri/tai-khoan/hai-buoc/vai-tro", auth.ActUsers, s.twoFactorRoles},

		{"GET /quan-tri/{$}", auth.ActDashboard, s.dashboard},

		{"GET /quan-tri/bai-viet/{$}", auth.ActArticleView, s.articleList},
		{"GET /quan-tri/bai-viet/moi", auth.ActArticleCreate, s.articleNew},
		{"POST /quan-tri/bai-viet/moi", auth.ActArticleCreate, s.articleCreate},
		{"GET /quan-tri/bai-viet/{id}/sua", auth.ActArticleView, s.articleEdit},
		{"POST /quan-tri/bai-viet/{id}/sua", auth.ActArticleView, s.articleSave}, // edit and each move checked inside
		{"GET /quan-tri/bai-viet/{id}/phien-ban", auth.ActArticleView, s.revisionList},
		{"GET /quan-tri/bai-viet/{id}/phien-ban/{v}", auth.ActArticleView, s.revisionDiff},
		{"POST /quan-tri/bai-viet/{id}/phien-ban/{v}/khoi-phuc", auth.ActArticleRestore, s.revisionRestore},

		{"GET /quan-tri/tep/{$}", auth.ActMediaBrowse, s.mediaLibrary},
		{"POST /quan-tri/tep/{$}", auth.ActMediaUpload, s.mediaUpload},
		{"POST /quan-tri/tep/trinh-soan", auth.ActMediaUpload, s.mediaUploadEditor},

		{"GET /quan-tri/chuyen-muc/{$}", auth.ActCategories, s.categoryList},
		{"POST /quan-tri/chuyen-muc/{$}", auth.ActCategories, s.categoryCreate},
		{"GET /quan-tri/chuyen-muc/{id}/sua", auth.ActCategories, s.categoryEdit},
		{"POST /quan-tri/chuyen-muc/{id}/sua", auth.ActCategories, s.categorySave},

		{"GET /quan-tri/trang/{$}", auth.ActPages, s.pageList},
		{"GET /quan-tri/trang/moi", auth.ActPages, s.pageNew},
		{"POST /quan-tri/trang/moi", auth.ActPages, s.pageSave},
		{"GET /quan-tri/trang/{id}/sua", auth.ActPages, s.pageEdit},
		{"POST /quan-tri/trang/{id}/sua", auth.ActPages, s.pageSave},

		{"GET /quan-tri/binh-chon/{$}", auth.ActPolls, s.pollList},
		{"POST /quan-tri/binh-chon/{$}", auth.ActPolls, s.pollCreate},
		{"POST /quan-tri/binh-chon/{id}/trang-thai", auth.ActPolls, s.pollStatus},
		{"GET /quan-tri/binh-chon/{id}/sua", auth.ActPolls, s.pollEdit},
		{"POST /quan-tri/binh-chon/{id}/sua", auth.ActPolls, s.pollSave},
		{"GET /quan-tri/binh-chon/{id}/dat-lai", auth.ActPolls, s.pollResetForm},
		{"POST /quan-tri/binh-chon/{id}/dat-lai", auth.ActPolls, s.pollReset}, // needs the poll's number typed

		{"GET /quan-tri/cai-dat", auth.ActSettings, s.settingsForm},
		{"POST /quan-tri/cai-dat", auth.ActSettings, s.settingsSave},

		{"GET /quan-tri/nguoi-dung/{$}", auth.ActUsers, s.userList},
		{"POST /quan-tri/nguoi-dung/{$}", auth.ActUsers, s.userCreate},
		{"GET /quan-tri/nguoi-dung/{id}/sua", auth.ActUsers, s.userEdit},
		{"POST /quan-tri/nguoi-dung/{id}/sua", auth.ActUsers, s.userSave},

		{"GET /quan-tri/nhat-ky", auth.ActAudit, s.auditLog},
	}
}
