package vn

import (
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	groupedInt     = regexp.MustCompile(`^-?[1-9][0-9]{0,2}(\.[0-9]{3})*$|^0$`)
	groupedPercent = regexp.MustCompile(`^(-?)([1-9][0-9]{0,2}(?:\.[0-9]{3})*|0)(?:,([0-9]))?%$`)
)

// FuzzFormatInt holds FormatInt to Vietnamese grouping that reads back:
// a dot every three digits, and the digits are n's.
func FuzzFormatInt(f *testing.F) {
	for _, n := range []int64{0, 7, 999, 1000, -1234, 100000, 31262600, -999, math.MaxInt64, math.MinInt64} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		got := FormatInt(n)
		if !groupedInt.MatchString(got) {
			t.Fatalf("FormatInt(%d) = %q, not grouped by threes", n, got)
		}
		if back, err := strconv.ParseInt(strings.ReplaceAll(got, ".", ""), 10, 64); err != nil || back != n {
			t.Fatalf("FormatInt(%d) = %q, which reads as %d (%v)", n, got, back, err)
		}
	})
}

// FuzzFormatPercent holds FormatPercent to what its comment promises: an
// exact whole percentage without decimals, anything else rounded to one
// decimal (never off by more than half a tenth), grouped, and no "-0".
func FuzzFormatPercent(f *testing.F) {
	for _, c := range [][2]int64{
		{1, 3}, {2, 3}, {1, 2}, {1, 1}, {0, 5}, {5, 0}, {0, 0}, {1, 8}, {1, 16}, {-1, 16}, {-1, 3}, {1, -3},
		{-1, -3}, {9996, 10000}, {1, 1000000}, {-1, 1000000}, {3, 2}, {100, 7}, {math.MaxInt64, 1},
		{math.MinInt64, 3}, {1, math.MinInt64}, {math.MinInt64, -1},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, num, den int64) {
		got := FormatPercent(num, den)
		if num == 0 || den == 0 {
			if got != "0%" {
				t.Fatalf("FormatPercent(%d, %d) = %q, want 0%%", num, den, got)
			}
			return
		}

		m := groupedPercent.FindStringSubmatch(got)
		if m == nil {
			t.Fatalf("FormatPercent(%d, %d) = %q, not a grouped percentage", num, den, got)
		}
		shown, _ := new(big.Rat).SetString(strings.ReplaceAll(m[2], ".", "") + "." + m[3] + "0")
		if m[1] == "-" {
			if shown.Sign() == 0 {
				t.Fatalf("FormatPercent(%d, %d) = %q, a negative zero", num, den, got)
			}
			shown.Neg(shown)
		}

		exact := new(big.Rat).SetFrac(big.NewInt(num), big.NewInt(den))
		exact.Mul(exact, big.NewRat(100, 1))
		if exact.IsInt() != (m[3] == "") {
			t.Fatalf("FormatPercent(%d, %d) = %q for %s%%: decimals iff not whole", num, den, got, exact.FloatString(3))
		}
		diff := new(big.Rat).Sub(shown, exact)
		if diff.Abs(diff).Cmp(big.NewRat(1, 20)) > 0 {
			t.Fatalf("FormatPercent(%d, %d) = %q, off from %s%%", num, den, got, exact.FloatString(3))
		}
	})
}
