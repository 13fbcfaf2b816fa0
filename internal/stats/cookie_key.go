package stats

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/congtin/congtin/internal/store"
)

// CookieKeySize is the length of the key that signs visitor cookies: the
// length of SHA-256's output, the least RFC 2104 advises for HMAC-SHA256.
const CookieKeySize = 32

// secretCookieKey names the visitor cookie key in the secrets table.
const secretCookieKey = "visitor_cookie_key"

// CookieKey returns the key that signs visitor cookies, making it on the
// first start. It lives in the database, so it survives restarts and every
// node sharing the database signs and checks the same cookies. Nodes
// starting together for the first time each offer a key; the first insert
// wins and all read that one. Once made it is only read, so a database
// opened read-only still serves.
func CookieKey(ctx context.Context, db store.Querier) ([]byte, error) {
	key, err := readCookieKey(ctx, db)
	if !isNoRows(err) {
		return key, err
	}

	offered := make([]byte, CookieKeySize)
	rand.Read(offered) // never fails (crypto/rand panics rather than return short)
	_, err = db.ExecContext(ctx, `INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
		secretCookieKey, hex.EncodeToString(offered))
	if err != nil {
		return nil, fmt.Errorf("store the visitor cookie key: %w", err)
	}

	return readCookieKey(ctx, db)
}

func readCookieKey(ctx context.Context, db store.Querier) ([]byte, error) {
	var stored string
	err := db.QueryRowContext(ctx, `SELECT value FROM secrets WHERE name = $1`, secretCookieKey).Scan(&stored)
	if isNoRows(err) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("read the visitor cookie key: %w", err)
	}

	key, err := hex.DecodeString(stored)
	if err != nil || len(key) != CookieKeySize {
		return nil, fmt.Errorf("the visitor cookie key in the secrets table is damaged (want %d bytes in hex)",
			CookieKeySize)
	}
	return key, nil
}
