#include "core/clock.h"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace accord::core {

namespace {
bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int year, unsigned month) {
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Reads exactly the digits of `s` into `out`.
template <typename T>
bool read_number(std::string_view s, T& out) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return std::from_chars(s.data(), s.data() + s.size(), out).ptr == s.data() + s.size();
}
}  // namespace

int64_t SystemClock::now_seconds() const { return static_cast<int64_t>(std::time(nullptr)); }

std::string Date::text() const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Howard Hinnant's civil-calendar algorithms, written from their published description.
int64_t days_from_civil(int year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t days, int& year, unsigned& month, unsigned& day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  day = doy - (153 * mp + 2) / 5 + 1;
  month = mp < 10 ? mp + 3 : mp - 9;
  year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
}

int64_t day_number(const Date& date) {
  return days_from_civil(date.year, static_cast<unsigned>(date.month), static_cast<unsigned>(date.day));
}

Date date_of_day(int64_t day) {
  int y;
  unsigned m, d;
  civil_from_days(day, y, m, d);
  return Date{y, static_cast<int>(m), static_cast<int>(d)};
}

std::optional<Date> parse_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  if (!read_number(t.substr(0, 4), y) || !read_number(t.substr(5, 2), m) || !read_number(t.substr(8, 2), d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return Date{y, static_cast<int>(m), static_cast<int>(d)};
}

std::optional<int64_t> parse_day(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  auto date = parse_date(s.substr(0, 10));
  if (!date) return std::nullopt;
  return day_number(*date);
}

std::string format_day(int64_t day) { return date_of_day(day).text(); }

std::string format_timestamp(int64_t t) {
  const int64_t day = day_of(t);
  const int64_t secs = t - day * 86400;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_day(day).c_str(), static_cast<int>(secs / 3600),
                static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
  return buf;
}

std::string format_http_date(int64_t t) {
  static const char* const kWeekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int64_t day = day_of(t);
  const int64_t secs = t - day * 86400;
  const Date date = date_of_day(day);
  const int64_t weekday = ((day % 7) + 7) % 7;  // 1970-01-01 was a Thursday
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kWeekdays[weekday], date.day,
                kMonths[date.month - 1], date.year, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

std::optional<int64_t> parse_window_days(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || n <= 0) return std::nullopt;
  std::string_view unit(ptr, static_cast<size_t>(s.data() + s.size() - ptr));
  if (unit.empty() || unit == "d") return n;
  if (unit == "w") return n * 7;
  if (unit == "h") return (n + 23) / 24;
  return std::nullopt;
}

int64_t week_start(int64_t day) {
  const int64_t weekday_from_monday = ((day + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday (3 from Monday)
  return day - weekday_from_monday;
}

}  // namespace accord::core
