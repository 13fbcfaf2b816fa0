//go:build linux || darwin

package web

import "syscall"

// freeBytes is the space in dir's file system that this process may
// still use, and false when it cannot be told.
func freeBytes(dir string) (uint64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return uint64(st.Bavail) * uint64(st.Bsize), true
}
