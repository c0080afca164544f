// The `format` checks the validator knows (RFC 3339 date / date-time,
// a pragmatic RFC 5321 email, RFC 4122 uuid, RFC 3986 uri, OpenAPI's int32 /
// int64). Written by hand: a regex per format would be slower and less exact.
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/schema_validate.h"

namespace accord::core {

namespace {

bool digits(std::string_view s, size_t at, size_t count, int& value) {
  if (at + count > s.size()) return false;
  value = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : days[month - 1];
}

// "YYYY-MM-DD" at the start of `s`.
bool full_date(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return false;
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in(y, m);
}

// "HH:MM:SS[.frac](Z|+HH:MM|-HH:MM)"
bool full_time(std::string_view s) {
  int h, m, sec;
  if (s.size() < 9 || s[2] != ':' || s[5] != ':') return false;
  if (!digits(s, 0, 2, h) || !digits(s, 3, 2, m) || !digits(s, 6, 2, sec)) return false;
  if (h > 23 || m > 59 || sec > 60) return false;  // 60: a leap second
  size_t at = 8;
  if (at < s.size() && s[at] == '.') {
    size_t start = ++at;
    while (at < s.size() && std::isdigit(static_cast<unsigned char>(s[at]))) ++at;
    if (at == start) return false;
  }
  std::string_view zone = s.substr(at);
  if (zone == "Z" || zone == "z") return true;
  int zh, zm;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' && digits(zone, 1, 2, zh) &&
         digits(zone, 4, 2, zm) && zh <= 23 && zm <= 59;
}

bool date_time(std::string_view s) {
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't')) return false;
  return full_date(s.substr(0, 10)) && full_time(s.substr(11));
}

bool hostname_label_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

bool email(std::string_view s) {
  size_t at = s.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > 64 || at + 1 >= s.size()) return false;
  std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  for (char c : local) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= ' ' || u == 0x7f || std::string_view("()<>[]:;@\\,\"").find(c) != std::string_view::npos) return false;
  }
  if (domain.front() == '[') return domain.back() == ']' && domain.size() > 2;  // address literal
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    std::string_view label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label)
      if (!hostname_label_char(c)) return false;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return true;
}

bool uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// An absolute URI: a scheme, ':', then only characters RFC 3986 allows,
// with well-formed percent escapes.
bool uri(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  static constexpr std::string_view allowed = "-._~:/?#[]@!$&'()*+,;=";
  for (size_t i = colon + 1; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size() || !std::isxdigit(static_cast<unsigned char>(s[i + 1])) ||
          !std::isxdigit(static_cast<unsigned char>(s[i + 2])))
        return false;
      i += 2;
      continue;
    }
    if (!std::isalnum(static_cast<unsigned char>(c)) && allowed.find(c) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

bool format_known(std::string_view f) {
  return f == "date" || f == "date-time" || f == "email" || f == "uuid" || f == "uri" || f == "int32" || f == "int64";
}

bool string_matches_format(std::string_view f, std::string_view v) {
  if (f == "date") return full_date(v);
  if (f == "date-time") return date_time(v);
  if (f == "email") return email(v);
  if (f == "uuid") return uuid(v);
  if (f == "uri") return uri(v);
  return true;
}

bool number_matches_format(std::string_view f, const Node& number) {
  if (f != "int32" && f != "int64") return true;
  std::string_view text = number.text();
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    // Not a plain integer literal: "1.0" or "1e3" may still be integral.
    double d = number.as_number();
    if (d != std::floor(d) || std::isinf(d)) return false;
    if (std::fabs(d) >= 9223372036854775808.0) return false;
    value = static_cast<int64_t>(d);
  }
  if (f == "int32") return value >= INT32_MIN && value <= INT32_MAX;
  return true;
}

}  // namespace accord::core
