#include <catch2/catch.hpp>

#include "core/clock.h"

using namespace accord::core;

TEST_CASE("civil days round trip and known dates", "[registry][clock]") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2000, 3, 1) == 11017);
  for (int64_t day : {-1000, 0, 59, 60, 11016, 20000, 40000}) {
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    CHECK(days_from_civil(y, m, d) == day);
  }
  CHECK(format_day(days_from_civil(2024, 2, 29)) == "2024-02-29");
  CHECK(parse_day("2024-02-29") == days_from_civil(2024, 2, 29));
  CHECK_FALSE(parse_day("2024-13-01"));
  CHECK_FALSE(parse_day("yesterday"));
}

TEST_CASE("HTTP dates and timestamps", "[registry][clock]") {
  // 1994-11-06 08:49:37 UTC is RFC 9110's own example.
  const int64_t t = days_from_civil(1994, 11, 6) * 86400 + 8 * 3600 + 49 * 60 + 37;
  CHECK(format_http_date(t) == "Sun, 06 Nov 1994 08:49:37 GMT");
  CHECK(format_timestamp(t) == "1994-11-06T08:49:37Z");
}

TEST_CASE("windows and weeks", "[registry][clock]") {
  CHECK(parse_window_days("30d") == 30);
  CHECK(parse_window_days("2w") == 14);
  CHECK(parse_window_days("25h") == 2);
  CHECK(parse_window_days("7") == 7);
  CHECK_FALSE(parse_window_days("0d"));
  CHECK_FALSE(parse_window_days("3y"));
  const int64_t monday = days_from_civil(2026, 11, 23);
  CHECK(week_start(monday) == monday);
  CHECK(week_start(monday + 6) == monday);
  CHECK(week_start(monday - 1) == monday - 7);
}
