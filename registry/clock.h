// Time for the usage registry: a clock interface (so tests fix "today") and
// the calendar arithmetic the registry needs (UTC days since 1970-01-01).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace accord::registry {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t now_seconds() const = 0;  // Unix time, UTC
};

class SystemClock final : public Clock {
 public:
  int64_t now_seconds() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t seconds) : seconds_(seconds) {}
  int64_t now_seconds() const override { return seconds_; }

 private:
  int64_t seconds_;
};

// Days since 1970-01-01 for a civil date (proleptic Gregorian) and back.
int64_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(int64_t days, int& year, unsigned& month, unsigned& day);
inline int64_t day_of(int64_t unix_seconds) {
  return unix_seconds >= 0 ? unix_seconds / 86400 : -((-unix_seconds + 86399) / 86400);
}

// "2026-11-23"
std::string format_day(int64_t day);
// "2026-11-23T10:04:05Z"
std::string format_timestamp(int64_t unix_seconds);
// "Mon, 23 Nov 2026 00:00:00 GMT" (RFC 9110 HTTP-date, used by Sunset)
std::string format_http_date(int64_t unix_seconds);
// "YYYY-MM-DD" -> day; nullopt when malformed.
std::optional<int64_t> parse_day(std::string_view text);
// "30d", "12w", "24h" (rounded up to days) or a plain number of days.
std::optional<int64_t> parse_window_days(std::string_view text);
// The Monday that starts the ISO week holding `day`.
int64_t week_start(int64_t day);

}  // namespace accord::registry
