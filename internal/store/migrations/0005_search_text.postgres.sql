-- The search index in two tables (see internal/search). Every search reads
-- search_docs for each of up to a thousand matches (the visibility
-- columns, and the title words of the two hundred it re-ranks), so it now
-- holds only those short columns and the tsvector. The long ones move to
-- search_text, read for a few rows a search: the words with diacritics of
-- the candidates a query typed with diacritics re-ranks, and the plain
-- text of the ten results shown, from which their snippets are cut
-- without parsing the articles' HTML again.
--
-- The index is derived from the articles: the tables are made anew,
-- empty, and the next start rebuilds them (search.EnsureIndex).

DROP TABLE search_docs;

CREATE TABLE search_docs (
	article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	site_id BIGINT NOT NULL,
	category_id BIGINT NOT NULL,
	publish_at BIGINT NOT NULL,
	unpublish_at BIGINT,
	title_words TEXT NOT NULL DEFAULT '',
	tsv tsvector NOT NULL
);
CREATE INDEX search_docs_site ON search_docs (site_id, publish_at);
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);

CREATE TABLE search_text (
	article_id BIGINT PRIMARY KEY REFERENCES search_docs(article_id) ON DELETE CASCADE,
	words TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL DEFAULT ''
);
