-- The search index of published articles (see internal/search). Folded
-- text (lower case, no diacritics, đ -> d) goes into a contentless FTS5
-- table whose rowid is the article id: the original text already lives in
-- articles, so the index stores only what ranking needs. search_docs holds
-- the visibility columns the query filters on and the words with
-- diacritics that the re-ranking in Go compares with the query.

CREATE TABLE search_docs (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	site_id INTEGER NOT NULL,
	category_id INTEGER NOT NULL,
	publish_at BIGINT NOT NULL,
	unpublish_at BIGINT,
	-- Every word of the title as vn.Canon gives it, space-separated.
	title_words TEXT NOT NULL DEFAULT '',
	-- The distinct words of body, author and category that carry diacritics.
	words TEXT NOT NULL DEFAULT ''
);
CREATE INDEX search_docs_site ON search_docs (site_id, publish_at);

-- The text is tokenised in Go before it gets here (words joined by single
-- spaces), so unicode61 only has to split on the spaces.
CREATE VIRTUAL TABLE search_fts USING fts5(
	title, body, meta,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 0'
);

-- A row leaving search_docs (also by the cascade when an article is
-- deleted) takes its FTS entry with it, so the two never disagree.
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
	DELETE FROM search_fts WHERE rowid = old.article_id;
END;
