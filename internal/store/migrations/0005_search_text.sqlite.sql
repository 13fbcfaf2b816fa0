-- The search index in two tables (see internal/search). Every search reads
-- search_docs for each of up to a thousand matches (the visibility
-- columns, and the title words of the two hundred it re-ranks), so it now
-- holds only those short columns, some fifty rows to a page instead of
-- three.
-- The long ones move to search_text, read for a few rows a search: the
-- words with diacritics of the candidates a query typed with diacritics
-- re-ranks, and the plain text of the ten results shown, from which
-- their snippets are cut without parsing the articles' HTML again.
--
-- The index is derived from the articles: the tables are made anew,
-- empty, and the next start rebuilds them (search.EnsureIndex).

DROP TRIGGER search_docs_delete;
DROP TABLE search_fts;
DROP TABLE search_docs;

-- doc, the row's key and its FTS rowid, is minus the article id, so that
-- newest first is ascending order: a search reads its matches newest
-- first and looks each up here, and when the key looked up follows the
-- last one SQLite steps to the next row instead of searching from the
-- root (FTS5 also reads its lists forwards faster than backwards).
CREATE TABLE search_docs (
	doc INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
	site_id INTEGER NOT NULL,
	category_id INTEGER NOT NULL,
	publish_at BIGINT NOT NULL,
	unpublish_at BIGINT,
	-- Every word of the title as vn.Canon gives it, space-separated.
	title_words TEXT NOT NULL DEFAULT '',
	CHECK (doc = -article_id)
);
CREATE INDEX search_docs_site ON search_docs (site_id, publish_at);

CREATE TABLE search_text (
	article_id INTEGER PRIMARY KEY REFERENCES search_docs(article_id) ON DELETE CASCADE,
	-- The distinct words of body, author and category that carry diacritics.
	words TEXT NOT NULL DEFAULT '',
	-- The article's intro and body as plain text, NFC: what snippets show.
	text TEXT NOT NULL DEFAULT ''
);

-- As in 0002: folded text, tokenised in Go, in a contentless FTS5 table,
-- now with search_docs.doc as its rowid.
CREATE VIRTUAL TABLE search_fts USING fts5(
	title, body, meta,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 0'
);

-- A row leaving search_docs (also by the cascade when an article is
-- deleted) takes its FTS entry with it; its search_text row goes by the
-- foreign key.
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
	DELETE FROM search_fts WHERE rowid = old.doc;
END;
