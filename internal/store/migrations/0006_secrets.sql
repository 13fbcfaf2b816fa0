-- Secrets the server makes for itself on its first start and every node
-- then reads: the key that signs visitor cookies (internal/stats). They
-- are kept apart from settings, which the newsroom shows and edits.
CREATE TABLE secrets (
	name TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
