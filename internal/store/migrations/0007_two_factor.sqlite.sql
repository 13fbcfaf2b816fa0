-- Two-factor sign-in (TOTP, RFC 6238). A user's secret is empty while
-- the second step is off; a secret being set up waits in totp_pending
-- until a code from it is confirmed. totp_last_step is the time step of
-- the last code accepted, so a code seen over a shoulder cannot be
-- used again.
ALTER TABLE users ADD COLUMN totp_secret TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_pending TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;

-- One-time recovery codes, hashed like passwords; a used code is deleted.
CREATE TABLE recovery_codes (
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	code_hash TEXT NOT NULL,
	PRIMARY KEY (user_id, code_hash)
);

-- A password that proved right, waiting for the second step. Looked up
-- by the SHA-256 of its token, like a session.
CREATE TABLE login_challenges (
	token_hash TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	expires_at BIGINT NOT NULL
);
