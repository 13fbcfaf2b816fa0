package vn

import (
	"fmt"
	"strings"
	"time"

	// Embedded zone data: the portal is often deployed on minimal
	// Windows or container hosts that ship no zoneinfo database.
	_ "time/tzdata"
)

// Location is Vietnam's time zone, Asia/Ho_Chi_Minh. All formatting and
// parsing in this package uses it, whatever the server's own zone, so a
// page shows the same clock time wherever it is rendered.
//
// If the zone cannot be loaded a fixed UTC+7 zone named ICT stands in;
// Vietnam has not changed its offset since 1975, so only historical
// dates could differ.
var Location *time.Location

func init() {
	loc, err := time.LoadLocation("Asia/Ho_Chi_Minh")
	if err != nil {
		loc = time.FixedZone("ICT", 7*60*60)
	}
	Location = loc
}

const (
	layoutDateTime      = "2006-01-02 15:04:05"
	layoutDateTimeNoSec = "2006-01-02 15:04"
	layoutDate          = "02/01/2006"
	layoutDateShort     = "2/1/2006"
	layoutDateTimeShort = "02/01/2006 15:04"
)

// FormatDateTime formats t in Location as "2006-01-02 15:04:05": it sorts
// as text, and ParseDateTime reads it back.
func FormatDateTime(t time.Time) string {
	return t.In(Location).Format(layoutDateTime)
}

// FormatDate formats t in Location as "dd/mm/yyyy", the order Vietnamese
// readers expect.
func FormatDate(t time.Time) string {
	return t.In(Location).Format(layoutDate)
}

// FormatDateTimeShort formats t in Location as "dd/mm/yyyy hh:mm", the
// publication stamp shown under article titles.
func FormatDateTimeShort(t time.Time) string {
	return t.In(Location).Format(layoutDateTimeShort)
}

// ParseDateTime parses "yyyy-mm-dd hh:mm:ss" or "yyyy-mm-dd hh:mm" as a
// clock time in Location. Surrounding spaces are ignored.
func ParseDateTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	t, err := time.ParseInLocation(layoutDateTime, s, Location)
	if err != nil {
		var err2 error
		t, err2 = time.ParseInLocation(layoutDateTimeNoSec, s, Location)
		if err2 != nil {
			return time.Time{}, fmt.Errorf("vn: parse date-time %q: %w", s, err)
		}
	}

	return t, nil
}

// ParseDate parses "dd/mm/yyyy" (the day and month may also have one
// digit) as the start of that day in Location. Impossible dates such as
// 31/02/2020 are errors, and so are years outside 1900..9999, which in
// form input are typos rather than intent.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	t, err := time.ParseInLocation(layoutDateShort, s, Location)
	if err != nil {
		return time.Time{}, fmt.Errorf("vn: parse date %q: %w", s, err)
	}
	if y := t.Year(); y < 1900 || y > 9999 {
		return time.Time{}, fmt.Errorf("vn: parse date %q: year %d outside 1900..9999", s, y)
	}

	return t, nil
}

// weekdays are indexed by time.Weekday, which starts on Sunday.
var weekdays = [7]string{
	"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy",
}

// Weekday returns the Vietnamese name of t's day of the week in Location,
// capitalised as it appears in page headers ("Thứ Hai", "Chủ Nhật").
func Weekday(t time.Time) string {
	return weekdays[t.In(Location).Weekday()]
}
