package app

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/congtin/congtin/internal/problem"
	"github.com/congtin/congtin/internal/store"
)

// startCheckLimit bounds the check of the SQLite file at start: a few
// seconds cover a site of some gigabytes, and a bigger file is served
// after a partial check rather than kept down.
const startCheckLimit = 5 * time.Second

// errMalformed is the refusal to serve a damaged database, with the
// command that restores the newest backup.
var errMalformed = problem.New(problem.Unavailable, "backup.start.malformed")

// checkDatabase runs SQLite's quick check at start, within startCheckLimit.
func checkDatabase(ctx context.Context, db *store.DB, cfg Config, log *slog.Logger) error {
	ctx, cancel := context.WithTimeout(ctx, startCheckLimit)
	defer cancel()
	complete, err := store.QuickCheck(ctx, db)
	if err != nil {
		return refuseDamaged(cfg, err)
	}
	if !complete {
		log.Warn("database check cut short; serving without a complete check", "limit", startCheckLimit)
	}
	return nil
}

// refuseDamaged turns the sign of a damaged SQLite file into the refusal
// an officer can act on; other errors pass as they are.
func refuseDamaged(cfg Config, err error) error {
	if cfg.Database != "" || !store.IsCorrupt(err) {
		return err
	}
	newest := NewBackups(cfg).Newest()
	if newest == "" {
		newest = "TỆP-SAO-LƯU.tar"
	}
	command := "congtin restore " + newest + " --data " + cfg.DataDir + " --force"
	cause := errors.Join(store.ErrMalformed, err)
	return problem.New(errMalformed.Kind, errMalformed.Key, cfg.DSN(), command).Because(cause)
}
