-- The search index of published articles (see internal/search). The
-- folded text (lower case, no diacritics, đ -> d), tokenised in Go, becomes
-- a tsvector with the 'simple' configuration (no stemming, no stop words:
-- Vietnamese needs neither) and a GIN index. Title words weigh A, author and
-- category C, body D; ts_rank_cd ranks. search_docs also holds the
-- visibility columns the query filters on and the words with diacritics
-- that the re-ranking in Go compares with the query.

CREATE TABLE search_docs (
	article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	site_id BIGINT NOT NULL,
	category_id BIGINT NOT NULL,
	publish_at BIGINT NOT NULL,
	unpublish_at BIGINT,
	title_words TEXT NOT NULL DEFAULT '',
	words TEXT NOT NULL DEFAULT '',
	tsv tsvector NOT NULL
);
CREATE INDEX search_docs_site ON search_docs (site_id, publish_at);
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);
