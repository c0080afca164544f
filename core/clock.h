// The program's one clock and its calendar arithmetic (UTC throughout).
// Everything that asks "what day is it" (accord.yaml ignore expiry, OpenAPI
// sunset notice, usage windows and plans) takes a `Clock`, so a test or
// `--today` fixes the day for the whole run.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace accord::core {

// A calendar day.
struct Date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  auto operator<=>(const Date&) const = default;
  std::string text() const;  // "YYYY-MM-DD"
};

// Days since 1970-01-01 for a civil date (proleptic Gregorian) and back.
int64_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(int64_t days, int& year, unsigned& month, unsigned& day);
inline int64_t day_of(int64_t unix_seconds) {
  return unix_seconds >= 0 ? unix_seconds / 86400 : -((-unix_seconds + 86399) / 86400);
}
int64_t day_number(const Date& date);
Date date_of_day(int64_t day);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t now_seconds() const = 0;  // Unix time, UTC
  int64_t today_day() const { return day_of(now_seconds()); }
  Date today() const { return date_of_day(today_day()); }
};

class SystemClock final : public Clock {
 public:
  int64_t now_seconds() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t seconds) : seconds_(seconds) {}
  explicit FixedClock(Date day) : seconds_(day_number(day) * 86400) {}
  int64_t now_seconds() const override { return seconds_; }

 private:
  int64_t seconds_;
};

// Strict "YYYY-MM-DD" with a real calendar day (2025-02-29 is refused).
std::optional<Date> parse_date(std::string_view text);
// The same, as a day number; also accepts a longer timestamp starting with the day.
std::optional<int64_t> parse_day(std::string_view text);
// "2026-11-23"
std::string format_day(int64_t day);
// "2026-11-23T10:04:05Z"
std::string format_timestamp(int64_t unix_seconds);
// "Mon, 23 Nov 2026 00:00:00 GMT" (RFC 9110 HTTP-date, used by Sunset)
std::string format_http_date(int64_t unix_seconds);
// "30d", "12w", "24h" (rounded up to days) or a plain number of days.
std::optional<int64_t> parse_window_days(std::string_view text);
// The Monday that starts the ISO week holding `day`.
int64_t week_start(int64_t day);

}  // namespace accord::core
