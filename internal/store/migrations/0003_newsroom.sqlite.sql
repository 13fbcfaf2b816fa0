-- The newsroom: accounts, sessions, login throttling, the audit log,
-- article revisions and tags; and what the Joomla importer remembers.

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL DEFAULT '',
	email TEXT NOT NULL DEFAULT '',
	role TEXT NOT NULL CHECK (role IN ('admin', 'editor_in_chief', 'editor', 'writer')),
	-- argon2id in PHC form; imported accounts keep their old hash (bcrypt,
	-- md5:salt, phpass...) until their first successful login re-hashes it.
	password_hash TEXT NOT NULL,
	blocked BOOLEAN NOT NULL DEFAULT FALSE,
	created_at BIGINT NOT NULL,
	updated_at BIGINT NOT NULL,
	last_login_at BIGINT,
	-- Raised by "log out everywhere": sessions of an older generation are void.
	session_generation INTEGER NOT NULL DEFAULT 0
);

-- The categories an editor may edit and approve in.
CREATE TABLE user_categories (
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
	PRIMARY KEY (user_id, category_id)
);

-- Sessions are looked up by the SHA-256 of the cookie's token, so a
-- leaked database does not hand out live sessions.
CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	generation INTEGER NOT NULL,
	csrf_token TEXT NOT NULL,
	created_at BIGINT NOT NULL,
	last_seen BIGINT NOT NULL,
	expires_at BIGINT NOT NULL,
	ip TEXT NOT NULL DEFAULT '',
	user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Failed logins, by account and by address, for throttling that holds
-- across several nodes.
CREATE TABLE login_failures (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL,
	ip TEXT NOT NULL,
	at BIGINT NOT NULL
);
CREATE INDEX login_failures_user ON login_failures (username, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	site_id INTEGER NOT NULL REFERENCES sites(id),
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	action TEXT NOT NULL,
	object_type TEXT NOT NULL DEFAULT '',
	object_id BIGINT,
	detail TEXT NOT NULL DEFAULT '',
	ip TEXT NOT NULL DEFAULT '',
	at BIGINT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (site_id, at DESC);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);

-- Every save of an article, whole, so any version can be shown, compared
-- and restored.
CREATE TABLE article_revisions (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	version INTEGER NOT NULL,
	title TEXT NOT NULL,
	slug TEXT NOT NULL,
	category_id BIGINT NOT NULL,
	intro_html TEXT NOT NULL,
	body_html TEXT NOT NULL,
	author_alias TEXT NOT NULL,
	status TEXT NOT NULL,
	publish_at BIGINT,
	unpublish_at BIGINT,
	featured BOOLEAN NOT NULL,
	image_id BIGINT,
	saved_by BIGINT,
	saved_at BIGINT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	UNIQUE (article_id, version)
);

ALTER TABLE articles ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN access TEXT NOT NULL DEFAULT 'public';

CREATE TABLE tags (
	id INTEGER PRIMARY KEY,
	site_id INTEGER NOT NULL REFERENCES sites(id),
	slug TEXT NOT NULL,
	name TEXT NOT NULL,
	UNIQUE (site_id, slug)
);

CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags (tag_id);

-- What an import brought in: source ("joomla:<host>/<db>/<prefix>"), kind
-- (article, category, user, poll, media...), the old id and the new one.
-- Running the import again updates these rows instead of duplicating them.
CREATE TABLE import_map (
	site_id INTEGER NOT NULL REFERENCES sites(id),
	source TEXT NOT NULL,
	kind TEXT NOT NULL,
	source_id TEXT NOT NULL,
	target_id BIGINT NOT NULL,
	checksum TEXT NOT NULL DEFAULT '',
	imported_at BIGINT NOT NULL,
	PRIMARY KEY (site_id, source, kind, source_id)
);
CREATE INDEX import_map_target ON import_map (kind, target_id);
