// Package demo holds the demonstration site that `congtin serve --demo`
// loads into an empty database: the department's reference article, the
// articles of its "Tin khác" list, a few more categories, static pages, a
// poll and the site settings taken from the reference page's footer.
package demo

// Category is a demo category. Parent is the slug of the parent category,
// empty for a top-level one.
type Category struct {
	Slug        string
	Name        string
	Description string
	Parent      string
}

// Article is a demo article. Published is a wall-clock time in
// Asia/Ho_Chi_Minh written as "2006-01-02 15:04:05". Body holds plain-text
// paragraphs; the loader wraps each in <p>. Image, when set, names the
// colour scheme of a generated illustration (see images.go).
type Article struct {
	Category  string
	Title     string
	Published string
	Author    string
	Intro     string
	Body      []string
	Featured  bool
	Image     string
	Hits      int64
}

// Page is a static page such as "Giới thiệu" or "Liên hệ".
type Page struct {
	Slug  string
	Title string
	Body  []string
}

// Poll is a demo poll with dated votes. Votes[i] lists, for option i, the
// wall-clock times (Asia/Ho_Chi_Minh, "2006-01-02 15:04:05") of its votes.
type Poll struct {
	Question string
	Options  []string
	Votes    [][]string
	Opens    string
}
