package vn

import (
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestLocation(t *testing.T) {
	if Location == nil {
		t.Fatal("Location is nil")
	}
	// The embedded tzdata must make the real zone available everywhere.
	if got := Location.String(); got != "Asia/Ho_Chi_Minh" {
		t.Errorf("Location = %q, want Asia/Ho_Chi_Minh", got)
	}
	_, off := time.Date(2015, 1, 28, 0, 0, 0, 0, Location).Zone()
	if off != 7*3600 {
		t.Errorf("offset = %d, want %d", off, 7*3600)
	}
}

func TestFormat(t *testing.T) {
	// 2015-01-28 01:10:58 UTC is 08:10:58 in Hà Nội.
	utc := time.Date(2015, 1, 28, 1, 10, 58, 0, time.UTC)
	newYork := utc.In(time.FixedZone("EST", -5*3600))
	lateUTC := time.Date(2015, 1, 27, 20, 30, 0, 0, time.UTC) // next day in Vietnam
	tests := []struct {
		name string
		f    func(time.Time) string
		in   time.Time
		want string
	}{
		{"FormatDateTime", FormatDateTime, utc, "2015-01-28 08:10:58"},
		{"FormatDateTime other zone", FormatDateTime, newYork, "2015-01-28 08:10:58"},
		{"FormatDate", FormatDate, utc, "28/01/2015"},
		{"FormatDate crosses midnight", FormatDate, lateUTC, "28/01/2015"},
		{"FormatDateTimeShort", FormatDateTimeShort, utc, "28/01/2015 08:10"},
		{"FormatDateTimeShort padding", FormatDateTimeShort, time.Date(2020, 3, 5, 7, 4, 0, 0, Location), "05/03/2020 07:04"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%s(%v) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestParseDateTime(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{"2015-01-28 08:10:58", time.Date(2015, 1, 28, 8, 10, 58, 0, Location), false},
		{"2015-01-28 08:10", time.Date(2015, 1, 28, 8, 10, 0, 0, Location), false},
		{" 2015-01-28 08:10:58 ", time.Date(2015, 1, 28, 8, 10, 58, 0, Location), false},
		{"2020-02-29 23:59:59", time.Date(2020, 2, 29, 23, 59, 59, 0, Location), false},
		{"2021-02-29 00:00:00", time.Time{}, true},
		{"0000-00-00 00:00:00", time.Time{}, true},
		{"2015-01-28", time.Time{}, true},
		{"28/01/2015 08:10", time.Time{}, true},
		{"2015-01-28 25:00:00", time.Time{}, true},
		{"", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDateTime(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDateTime(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if !got.Equal(tt.want) {
			t.Errorf("ParseDateTime(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if err == nil && got.Location() != Location {
			t.Errorf("ParseDateTime(%q) location = %v", tt.in, got.Location())
		}
	}
	// Round trip with the formatter.
	in := "2015-01-28 08:10:58"
	if tm, err := ParseDateTime(in); err != nil || FormatDateTime(tm) != in {
		t.Errorf("round trip %q: %v, %v", in, FormatDateTime(tm), err)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{"28/01/2015", time.Date(2015, 1, 28, 0, 0, 0, 0, Location), false},
		{"8/1/2015", time.Date(2015, 1, 8, 0, 0, 0, 0, Location), false},
		{"08/1/2015", time.Date(2015, 1, 8, 0, 0, 0, 0, Location), false},
		{" 1/12/1900 ", time.Date(1900, 12, 1, 0, 0, 0, 0, Location), false},
		{"31/12/9999", time.Date(9999, 12, 31, 0, 0, 0, 0, Location), false},
		{"29/02/2020", time.Date(2020, 2, 29, 0, 0, 0, 0, Location), false},
		{"29/02/2021", time.Time{}, true},
		{"31/02/2020", time.Time{}, true},
		{"31/04/2020", time.Time{}, true},
		{"00/01/2020", time.Time{}, true},
		{"01/13/2020", time.Time{}, true},
		{"31/12/1899", time.Time{}, true},
		{"01/01/0000", time.Time{}, true},
		{"28/01/15", time.Time{}, true},
		{"2015-01-28", time.Time{}, true},
		{"28/01/2015 08:10", time.Time{}, true},
		{"", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if err == nil && FormatDateTime(got)[11:] != "00:00:00" {
			t.Errorf("ParseDate(%q) = %v, not the start of the day", tt.in, got)
		}
	}
}

func TestWeekday(t *testing.T) {
	// Monday 26 January 2015 to Sunday 1 February 2015.
	want := []string{"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"}
	for i, w := range want {
		day := time.Date(2015, 1, 26+i, 12, 0, 0, 0, Location)
		if got := Weekday(day); got != w {
			t.Errorf("Weekday(%v) = %q, want %q", day, got, w)
		}
		if !norm.NFC.IsNormalString(w) {
			t.Errorf("weekday name %q is not NFC", w)
		}
	}
	// 23:00 UTC on a Sunday is already Monday in Vietnam.
	if got := Weekday(time.Date(2015, 2, 1, 23, 0, 0, 0, time.UTC)); got != "Thứ Hai" {
		t.Errorf("Weekday across midnight = %q, want Thứ Hai", got)
	}
}
