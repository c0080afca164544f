// Calendar dates and "today", behind an interface so tests can fix the day
// an ignore's `expires` is compared with.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace accord::diff {

struct Date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  auto operator<=>(const Date&) const = default;
  std::string text() const;  // "YYYY-MM-DD"
};

// Strict "YYYY-MM-DD" with a real calendar day (2025-02-29 is refused).
std::optional<Date> parse_date(std::string_view text);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date today() const = 0;
};

// Today in UTC, so a CI run and a laptop agree on when an ignore expires.
class SystemClock : public Clock {
 public:
  Date today() const override;
};

class FixedClock : public Clock {
 public:
  explicit FixedClock(Date day) : day_(day) {}
  Date today() const override { return day_; }

 private:
  Date day_;
};

}  // namespace accord::diff
