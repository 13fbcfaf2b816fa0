-- The first schema. Times are whole seconds since 1970 UTC (BIGINT) so
-- that comparisons and min/max read the same on SQLite and PostgreSQL.
-- Every content row carries site_id: one platform serves many sites.

CREATE TABLE sites (
	id INTEGER PRIMARY KEY,
	host TEXT NOT NULL DEFAULT '',
	name TEXT NOT NULL DEFAULT ''
);
INSERT INTO sites (id, host, name) VALUES (1, '', '');

CREATE TABLE settings (
	site_id INTEGER NOT NULL REFERENCES sites(id),
	key TEXT NOT NULL,
	value TEXT NOT NULL,
	PRIMARY KEY (site_id, key)
);

CREATE TABLE media (
	id INTEGER PRIMARY KEY,
	site_id INTEGER NOT NULL REFERENCES sites(id),
	sha256 TEXT NOT NULL,
	mime TEXT NOT NULL,
	name TEXT NOT NULL,
	size BIGINT NOT NULL,
	width INTEGER NOT NULL DEFAULT 0,
	height INTEGER NOT NULL DEFAULT 0,
	alt TEXT NOT NULL DEFAULT '',
	created_by BIGINT,
	created_at BIGINT NOT NULL
);
CREATE INDEX media_sha ON media (sha256);

CREATE TABLE media_blobs (
	sha256 TEXT PRIMARY KEY,
	bytes BLOB NOT NULL
);

CREATE TABLE media_variants (
	media_id INTEGER NOT NULL REFERENCES media(id) ON DELETE CASCADE,
	width INTEGER NOT NULL,
	height INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	mime TEXT NOT NULL,
	PRIMARY KEY (media_id, width)
);

CREATE TABLE categories (
	id INTEGER PRIMARY KEY,
	site_id INTEGER NOT NULL REFERENCES sites(id),
	parent_id INTEGER REFERENCES categories(id),
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL DEFAULT 0,
	published BOOLEAN NOT NULL DEFAULT TRUE,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	UNIQUE (site_id, slug)
);

CREATE TABLE articles (
	id INTEGER PRIMARY KEY,
	site_id INTEGER NOT NULL REFERENCES sites(id),
	category_id INTEGER NOT NULL REFERENCES categories(id),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	intro_html TEXT NOT NULL DEFAULT '',
	body_html TEXT NOT NULL DEFAULT '',
	-- Plain text for lists, feeds and meta descriptions, made when saved.
	excerpt TEXT NOT NULL DEFAULT '',
	author_alias TEXT NOT NULL DEFAULT '',
	meta_description TEXT NOT NULL DEFAULT '',
	created_by BIGINT,
	status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'published', 'unpublished', 'archived', 'trashed')),
	publish_at BIGINT,
	unpublish_at BIGINT,
	featured BOOLEAN NOT NULL DEFAULT FALSE,
	hits BIGINT NOT NULL DEFAULT 0,
	image_id INTEGER REFERENCES media(id),
	version INTEGER NOT NULL DEFAULT 1,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL
);
CREATE INDEX articles_listing ON articles (site_id, status, category_id, publish_at DESC);
CREATE INDEX articles_latest ON articles (site_id, status, publish_at DESC);

CREATE TABLE pages (
	id INTEGER PRIMARY KEY,
	site_id INTEGER NOT NULL REFERENCES sites(id),
	slug TEXT NOT NULL,
	title TEXT NOT NULL,
	body_html TEXT NOT NULL DEFAULT '',
	position INTEGER NOT NULL DEFAULT 0,
	published BOOLEAN NOT NULL DEFAULT TRUE,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	UNIQUE (site_id, slug)
);

CREATE TABLE polls (
	id INTEGER PRIMARY KEY,
	site_id INTEGER NOT NULL REFERENCES sites(id),
	question TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
	opens_at BIGINT,
	closes_at BIGINT,
	created_at BIGINT NOT NULL
);

CREATE TABLE poll_options (
	id INTEGER PRIMARY KEY,
	poll_id INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
	label TEXT NOT NULL,
	position INTEGER NOT NULL
);
CREATE INDEX poll_options_poll ON poll_options (poll_id, position);

CREATE TABLE poll_votes (
	id INTEGER PRIMARY KEY,
	poll_id INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
	option_id INTEGER NOT NULL REFERENCES poll_options(id) ON DELETE CASCADE,
	voter_key TEXT NOT NULL,
	ip TEXT NOT NULL DEFAULT '',
	created_at BIGINT NOT NULL,
	UNIQUE (poll_id, voter_key)
);
CREATE INDEX poll_votes_option ON poll_votes (option_id);
CREATE INDEX poll_votes_ip ON poll_votes (poll_id, ip, created_at);

CREATE TABLE counters (
	site_id INTEGER NOT NULL REFERENCES sites(id),
	name TEXT NOT NULL,
	value BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (site_id, name)
);

CREATE TABLE stats_hourly (
	site_id INTEGER NOT NULL REFERENCES sites(id),
	hour BIGINT NOT NULL,
	visits BIGINT NOT NULL DEFAULT 0,
	views BIGINT NOT NULL DEFAULT 0,
	bots BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (site_id, hour)
);

CREATE TABLE online_visitors (
	site_id INTEGER NOT NULL REFERENCES sites(id),
	visitor_key TEXT NOT NULL,
	node TEXT NOT NULL DEFAULT '',
	last_seen BIGINT NOT NULL,
	PRIMARY KEY (site_id, visitor_key)
);
CREATE INDEX online_visitors_seen ON online_visitors (site_id, last_seen);

CREATE TABLE redirects (
	site_id INTEGER NOT NULL REFERENCES sites(id),
	old_path TEXT NOT NULL,
	target TEXT NOT NULL,
	status INTEGER NOT NULL DEFAULT 301,
	PRIMARY KEY (site_id, old_path)
);
