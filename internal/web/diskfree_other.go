//go:build !linux && !darwin

package web

// freeBytes cannot tell the free space here; /readyz then relies on its
// write probe alone.
func freeBytes(string) (uint64, bool) { return 0, false }
