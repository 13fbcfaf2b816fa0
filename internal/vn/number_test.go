package vn

import (
	"math"
	"testing"
)

func TestFormatInt(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"},
		{7, "7"},
		{999, "999"},
		{1000, "1.000"},
		{-1234, "-1.234"},
		{100000, "100.000"},
		{31262600, "31.262.600"},
		{-999, "-999"},
		{math.MaxInt64, "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := FormatInt(tt.in); got != tt.want {
			t.Errorf("FormatInt(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	tests := []struct {
		num, den int64
		want     string
	}{
		{1, 3, "33,3%"},
		{2, 3, "66,7%"},
		{1, 2, "50%"},
		{1, 1, "100%"},
		{0, 5, "0%"},
		{5, 0, "0%"},
		{0, 0, "0%"},
		{1, 8, "12,5%"},
		{1, 16, "6,3%"}, // 6.25 rounds half away from zero
		{-1, 16, "-6,3%"},
		{-1, 3, "-33,3%"},
		{1, -3, "-33,3%"},
		{-1, -3, "33,3%"},
		{9996, 10000, "100,0%"}, // not exactly 100
		{1, 1000000, "0,0%"},
		{-1, 1000000, "0,0%"},
		{3, 2, "150%"},
		{100, 7, "1.428,6%"},
		{math.MaxInt64, 1, "922.337.203.685.477.580.700%"},
		{math.MinInt64, 3, "-307.445.734.561.825.860.266,7%"},
		{1, math.MinInt64, "0,0%"},
	}
	for _, tt := range tests {
		if got := FormatPercent(tt.num, tt.den); got != tt.want {
			t.Errorf("FormatPercent(%d, %d) = %q, want %q", tt.num, tt.den, got, tt.want)
		}
	}
}
