package web

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"time"
)

// healthz answers whether the process is alive and answering HTTP, and
// nothing more: it touches no database, so a load balancer or a
// supervisor does not restart a healthy process because the database is
// down (which a restart would not mend). Readiness is /readyz.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, err := w.Write([]byte("ok\n"))
	return err
}

// readyCheckTimeout bounds each of /readyz's checks, so that a database
// that hangs makes it answer "not ready" rather than not at all.
const readyCheckTimeout = 2 * time.Second

// readiness is /readyz's body: "ok" or which check failed, in a word.
// Anyone can read it, so the error itself (a server's address, a path, a
// driver's message) goes to the log, never into the body.
type readiness struct {
	Ready    bool   `json:"ready"`
	Database string `json:"database"`
	Disk     string `json:"disk"`
}

// readyz answers whether this process should be sent visitors: the
// database answers a ping and a small read, and the data folder has room
// and can be written. 200 when all hold, else 503 with what failed. A
// server opened read-only is ready without a writable folder: it serves
// reads, which is what it is for.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), readyCheckTimeout)
	defer cancel()

	body := readiness{Database: s.checkDatabase(ctx), Disk: s.checkDisk(ctx)}
	body.Ready = body.Database == "ok" && (body.Disk == "ok" || body.Disk == diskReadOnly)

	status := http.StatusOK
	if !body.Ready {
		status = http.StatusServiceUnavailable
		w.Header().Set("Retry-After", "5")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(body)
}

func (s *Server) checkDatabase(ctx context.Context) string {
	if err := s.db.PingContext(ctx); err != nil {
		s.log.Warn("not ready: the database does not answer", "err", err)
		return "unreachable"
	}

	var version int
	row := s.db.QueryRowContext(ctx, `SELECT version FROM schema_migrations ORDER BY version DESC LIMIT 1`)
	if err := row.Scan(&version); err != nil {
		s.log.Warn("not ready: the database does not read", "err", err)
		return "unreadable"
	}
	return "ok"
}

// diskReadOnly is the disk check's answer for a server opened read-only.
const diskReadOnly = "read-only"

// checkDisk reports whether the data folder has at least MinFreeBytes
// free and takes a small write: a full disk refuses votes and edits
// while reads still work, which a load balancer should know.
func (s *Server) checkDisk(ctx context.Context) string {
	dir := s.cfg.DataDir
	if dir == "" {
		return "ok" // no data folder: PostgreSQL holds everything
	}
	if s.db.ReadOnly() {
		return diskReadOnly
	}

	if free, ok := freeBytes(dir); ok && free < s.cfg.MinFreeBytes {
		s.log.WarnContext(ctx, "not ready: the data folder is nearly full", "dir", dir, "free_bytes", free,
			"min_free_bytes", s.cfg.MinFreeBytes)
		return "low space"
	}
	if err := writeProbe(dir); err != nil {
		s.log.WarnContext(ctx, "not ready: the data folder cannot be written", "dir", dir, "err", err)
		return "unwritable"
	}
	return "ok"
}

// writeProbe writes a few kilobytes into dir and removes them: a file
// system that has space left on paper but refuses writes (read-only
// after an error, out of inodes) fails here.
func writeProbe(dir string) error {
	f, err := os.CreateTemp(dir, ".congtin-ready-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())

	_, err = f.Write(make([]byte, 4096))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
