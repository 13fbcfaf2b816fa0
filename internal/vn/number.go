package vn

import (
	"math/big"
	"strconv"
)

// FormatInt writes n with Vietnamese digit grouping, a dot every three
// digits: 31262600 → "31.262.600", -1234 → "-1.234".
func FormatInt(n int64) string {
	var buf [32]byte
	b := buf[:0]
	if n < 0 {
		b = append(b, '-')
	}

	// Work on the magnitude as uint64 so math.MinInt64 needs no special case.
	u := uint64(n)
	if n < 0 {
		u = -u
	}

	return string(appendGrouped(b, strconv.FormatUint(u, 10)))
}

// appendGrouped appends a string of decimal digits with a dot before each
// group of three counted from the right.
func appendGrouped(dst []byte, digits string) []byte {
	lead := len(digits) % 3
	if lead == 0 {
		lead = 3
	}

	dst = append(dst, digits[:lead]...)
	for i := lead; i < len(digits); i += 3 {
		dst = append(dst, '.')
		dst = append(dst, digits[i:i+3]...)
	}

	return dst
}

// FormatPercent writes num/den as a percentage with a decimal comma:
// 1/3 → "33,3%". A ratio that is an exact whole percentage has no
// decimals (1/2 → "50%"); any other is rounded half away from zero to one
// decimal, so 9996/10000 shows as "100,0%" and never claims to be
// exactly 100%. den == 0 gives "0%", since statistics pages show empty counters
// that way rather than as an error.
func FormatPercent(num, den int64) string {
	if den == 0 || num == 0 {
		return "0%"
	}

	neg := (num < 0) != (den < 0)
	// big.Int because num*1000 overflows int64 long before num does.
	n := new(big.Int).Abs(big.NewInt(num))
	d := new(big.Int).Abs(big.NewInt(den))

	var out []byte
	whole, rem := new(big.Int).QuoRem(new(big.Int).Mul(n, big.NewInt(100)), d, new(big.Int))
	if rem.Sign() == 0 {
		if neg {
			out = append(out, '-')
		}

		out = appendGrouped(out, whole.String())
		return string(append(out, '%'))
	}

	// tenths = round(n*1000/d) = floor((2*n*1000 + d) / (2*d))
	tenths := new(big.Int).Mul(n, big.NewInt(2000))
	tenths.Add(tenths, d)
	tenths.Quo(tenths, new(big.Int).Mul(d, big.NewInt(2)))
	if neg && tenths.Sign() != 0 {
		out = append(out, '-')
	}

	digit := new(big.Int)
	tenths.QuoRem(tenths, big.NewInt(10), digit)
	out = appendGrouped(out, tenths.String())
	out = append(out, ',', byte('0'+digit.Int64()), '%')
	return string(out)
}
