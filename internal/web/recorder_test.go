package web

import (
	"testing"

	"github.com/congtin/congtin/internal/stats"
	"github.com/congtin/congtin/internal/store"
)

// newRecorder is stats.NewRecorder for a test, which stops on a refused
// config.
func newRecorder(tb testing.TB, db *store.DB, cfg stats.RecorderConfig) *stats.Recorder {
	tb.Helper()
	r, err := stats.NewRecorder(db, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}
