package auth

import (
	"errors"
	"testing"
)

func TestCheckPassword(t *testing.T) {
	bad := []string{"", "short", "123456789", "1234567890", "Matkhau123", "matkhau123!", "admin123456", "aaaaaaaaaaaa",
		"vietnam1232024", "nguyenvana1"}
	for _, p := range bad {
		if err := CheckPassword(p, "nguyenvana"); !errors.Is(err, ErrInvalid) {
			t.Errorf("%q accepted", p)
		}
	}
	good := []string{"Hôm nay trời đẹp", "correct horse battery", "Sở KH&CN Hải Dương 2025"}
	for _, p := range good {
		if err := CheckPassword(p, "nguyenvana"); err != nil {
			t.Errorf("%q refused: %v", p, err)
		}
	}
}
