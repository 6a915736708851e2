#include "schema/format_checks.h"

namespace trajc::schema::format {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// `n` ASCII digits at `at` as a number, or -1.
int Digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (!IsDigit(s[i])) return -1;
    value = value * 10 + (s[i] - '0');
  }
  return value;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

// full-date = date-fullyear "-" date-month "-" date-mday
bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  const int year = Digits(s, 0, 4);
  const int month = Digits(s, 5, 2);
  const int day = Digits(s, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= DaysInMonth(year, month);
}

// full-time = partial-time time-offset; partial-time = time-hour ":" time-minute ":"
// time-second [time-secfrac]; time-offset = "Z" / time-numoffset. A leap second (60) is
// valid only where the time is 23:59 in UTC.
bool IsTime(std::string_view s) {
  if (s.size() < 9 || s[2] != ':' || s[5] != ':') return false;
  const int hour = Digits(s, 0, 2);
  const int minute = Digits(s, 3, 2);
  const int second = Digits(s, 6, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return false;
  std::size_t i = 8;
  if (s[i] == '.') {
    const std::size_t start = ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start) return false;
  }
  std::string_view offset = s.substr(i);
  int offset_minutes = 0;
  if (offset == "Z" || offset == "z") {
    offset_minutes = 0;
  } else {
    if (offset.size() != 6 || (offset[0] != '+' && offset[0] != '-') || offset[3] != ':') return false;
    const int offset_hour = Digits(offset, 1, 2);
    const int offset_minute = Digits(offset, 4, 2);
    if (offset_hour < 0 || offset_hour > 23 || offset_minute < 0 || offset_minute > 59) return false;
    offset_minutes = (offset[0] == '+' ? 1 : -1) * (offset_hour * 60 + offset_minute);
  }
  if (second == 60) {
    const int utc_minutes = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    if (utc_minutes != 23 * 60 + 59) return false;
  }
  return true;
}

// date-time = full-date "T" full-time ("T" and "Z" may be lowercase, RFC 3339 §5.6 NOTE)
bool IsDateTime(std::string_view s) {
  if (s.size() < 11 || (s[10] != 'T' && s[10] != 't')) return false;
  return IsDate(s.substr(0, 10)) && IsTime(s.substr(11));
}

// duration = "P" (dur-date / dur-time / dur-week); the units of dur-date (Y M D) and of
// dur-time (H M S) each form a contiguous run in that order (P1Y2D and PT1H5S are not
// durations by the ABNF), and "T" needs at least one time unit.
bool IsDuration(std::string_view s) {
  if (s.size() < 2 || s[0] != 'P') return false;
  std::size_t i = 1;
  // One "<digits><unit>" element; returns the unit, or 0 when there is none at i.
  auto element = [&]() -> char {
    const std::size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start || i >= s.size()) {
      i = start;
      return 0;
    }
    return s[i++];
  };
  // Elements whose units continue a run of `units` (e.g. "YMD").
  auto run = [&](std::string_view units) -> bool {
    std::size_t next = std::string_view::npos;  // index in `units` the next element must have
    bool any = false;
    while (i < s.size() && s[i] != 'T') {
      const char unit = element();
      const std::size_t at = units.find(unit);
      if (unit == 0 || at == std::string_view::npos || (next != std::string_view::npos && at != next)) return false;
      next = at + 1;
      any = true;
    }
    return any;
  };
  if (s.back() == 'W') {  // dur-week stands alone
    const char unit = element();
    return unit == 'W' && i == s.size();
  }
  const bool has_date = i < s.size() && s[i] != 'T';
  if (has_date && !run("YMD")) return false;
  if (i == s.size()) return has_date;
  ++i;  // "T"
  return run("HMS") && i == s.size();
}

}  // namespace trajc::schema::format
