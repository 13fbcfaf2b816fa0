package vn

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// dateFields reads "d/m/yyyy" the way a person typed it into the search
// form, without the time package, so the fuzzer compares two readings.
var dateFields = regexp.MustCompile(`^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$`)

// FuzzParseDate holds the search form's "từ ngày"/"đến ngày" parsing to
// what its comment promises: a date it accepts is the typed day, month and
// year, within 1900..9999, starting that day's first instant in Vietnam,
// and FormatDate writes it back in a form ParseDate reads to the same time.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"28/01/2015", "8/1/2015", "08/1/2015", " 1/12/1900 ", "31/12/9999", "29/02/2020", "29/02/2021",
		"31/02/2020", "31/04/2020", "00/01/2020", "01/13/2020", "31/12/1899", "01/01/0000", "28/01/15",
		"2015-01-28", "28/01/2015 08:10", "", "01/04/1947", "\t3/2/2021\n", "+1/2/2021", "1/2/+202", "١/٢/٢٠٢١",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s)
		if err != nil {
			return
		}

		m := dateFields.FindStringSubmatch(strings.TrimSpace(s))
		if m == nil {
			t.Fatalf("ParseDate(%q) = %v, but it is not d/m/yyyy", s, got)
		}
		day, _ := strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		if year < 1900 || year > 9999 {
			t.Fatalf("ParseDate(%q) accepted year %d", s, year)
		}

		in := got.In(Location)
		if in.Day() != day || int(in.Month()) != month || in.Year() != year {
			t.Fatalf("ParseDate(%q) = %v, another day", s, in)
		}
		// The first instant of the day: midnight, or the first time after
		// a clock change at midnight (1 April 1947 began at 01:00).
		if FormatDate(got.Add(-time.Nanosecond)) == FormatDate(got) {
			t.Fatalf("ParseDate(%q) = %v, not the start of the day", s, in)
		}

		again, err := ParseDate(FormatDate(got))
		if err != nil || !again.Equal(got) {
			t.Fatalf("ParseDate(FormatDate(%v)) = %v, %v", got, again, err)
		}
	})
}

// FuzzFormatDateTime holds the stored and shown forms of a time to their
// round trips: ParseDateTime reads FormatDateTime's text back to the same
// second (the same text where a clock change makes an hour ambiguous), and
// FormatDate and FormatDateTimeShort are that text's date and minute.
func FuzzFormatDateTime(f *testing.F) {
	for _, tm := range []time.Time{
		time.Date(2015, 1, 28, 1, 10, 58, 0, time.UTC),
		time.Date(2015, 1, 27, 20, 30, 0, 0, time.UTC),
		time.Date(2020, 2, 29, 23, 59, 59, 999999999, Location),
		time.Date(1947, 3, 31, 23, 30, 0, 0, Location),
		time.Date(1975, 6, 13, 0, 0, 0, 0, Location),
		time.Date(1900, 1, 1, 0, 0, 0, 0, Location),
		time.Date(9999, 12, 31, 23, 59, 59, 0, Location),
	} {
		f.Add(tm.Unix(), int64(tm.Nanosecond()))
	}
	first := time.Date(1900, 1, 1, 0, 0, 0, 0, Location).Unix()
	last := time.Date(9999, 12, 31, 23, 59, 59, 0, Location).Unix()
	f.Fuzz(func(t *testing.T, sec, nsec int64) {
		if sec < first || sec > last {
			return
		}
		tm := time.Unix(sec, nsec%int64(time.Second))

		text := FormatDateTime(tm)
		back, err := ParseDateTime(text)
		if err != nil {
			t.Fatalf("ParseDateTime(FormatDateTime(%v) = %q): %v", tm, text, err)
		}
		if FormatDateTime(back) != text {
			t.Fatalf("ParseDateTime(%q) = %v, written back as %q", text, back, FormatDateTime(back))
		}
		if _, off := tm.In(Location).Zone(); off == 7*3600 && tm.Year() > 1975 && !back.Equal(tm.Truncate(time.Second)) {
			t.Fatalf("ParseDateTime(%q) = %v, want %v", text, back, tm.Truncate(time.Second))
		}

		day := text[8:10] + "/" + text[5:7] + "/" + text[:4]
		if got := FormatDate(tm); got != day {
			t.Fatalf("FormatDate(%v) = %q, FormatDateTime says %q", tm, got, text)
		}
		if got := FormatDateTimeShort(tm); got != day+" "+text[11:16] {
			t.Fatalf("FormatDateTimeShort(%v) = %q, FormatDateTime says %q", tm, got, text)
		}
	})
}
