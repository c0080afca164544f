#include "contracts/matching/datetime_format.h"

#include <cctype>
#include <chrono>
#include <ctime>
#include <regex>

namespace accord::contracts::matching {

namespace {

const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const char* kMonthsLong[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};
const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* kDaysLong[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

std::string regex_escape(char c) {
  if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) return std::string("\\") + c;
  return std::string(1, c);
}

// One run of the same pattern letter, e.g. "yyyy" -> a regex fragment.
std::string fragment(char letter, size_t n) {
  auto digits = [](size_t lo, size_t hi) { return "\\d{" + std::to_string(lo) + "," + std::to_string(hi) + "}"; };
  switch (letter) {
    case 'y': case 'u': case 'Y': return n == 2 ? "\\d{2}" : "\\d{" + std::to_string(std::max<size_t>(n, 4)) + ",}";
    case 'M': case 'L':
      if (n >= 4) return "(January|February|March|April|May|June|July|August|September|October|November|December)";
      if (n == 3) return "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
      return n == 2 ? "(0[1-9]|1[0-2])" : "(0?[1-9]|1[0-2])";
    case 'd': return n >= 2 ? "(0[1-9]|[12]\\d|3[01])" : "(0?[1-9]|[12]\\d|3[01])";
    case 'D': return digits(n, 3);
    case 'H': return n >= 2 ? "([01]\\d|2[0-3])" : "([01]?\\d|2[0-3])";
    case 'k': return n >= 2 ? "(0[1-9]|1\\d|2[0-4])" : "([1-9]|1\\d|2[0-4])";
    case 'K': return n >= 2 ? "(0\\d|1[01])" : "(0?\\d|1[01])";
    case 'h': return n >= 2 ? "(0[1-9]|1[0-2])" : "(0?[1-9]|1[0-2])";
    case 'm': case 's': return n >= 2 ? "[0-5]\\d" : "[0-5]?\\d";
    case 'S': return "\\d{" + std::to_string(n) + "}";
    case 'n': return "\\d{1,9}";
    case 'E': return n >= 4 ? "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                            : "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
    case 'a': return "(AM|PM|am|pm)";
    case 'X': return n == 1 ? "(Z|[+-]\\d{2}(\\d{2})?)" : n == 2 ? "(Z|[+-]\\d{4})" : "(Z|[+-]\\d{2}:\\d{2})";
    case 'x': return n == 1 ? "([+-]\\d{2}(\\d{2})?)" : n == 2 ? "([+-]\\d{4})" : "([+-]\\d{2}:\\d{2})";
    case 'Z': return n >= 4 ? "(GMT[+-]\\d{2}:\\d{2}|Z)" : "([+-]\\d{4})";
    case 'z': case 'V': case 'O': return "[A-Za-z][A-Za-z0-9/_+:-]*";
    case 'G': return "(AD|BC)";
    case 'w': case 'W': case 'F': case 'e': case 'c': return digits(1, 2);
    default: return std::string(n, letter);
  }
}

std::string pattern_to_regex(std::string_view p) {
  std::string out;
  size_t i = 0;
  while (i < p.size()) {
    char c = p[i];
    if (c == '\'') {
      size_t end = p.find('\'', i + 1);
      if (end == i + 1) {  // '' is a literal quote
        out += "'";
        i += 2;
        continue;
      }
      if (end == std::string_view::npos) end = p.size();
      for (size_t j = i + 1; j < end; ++j) out += regex_escape(p[j]);
      i = end + 1;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < p.size() && p[j] == c) ++j;
      out += fragment(c, j - i);
      i = j;
    } else {
      out += regex_escape(c);
      ++i;
    }
  }
  return out;
}

const std::regex& iso_regex(TemporalKind kind) {
  static const std::regex date(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  static const std::regex time(R"(([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)");
  static const std::regex datetime(
      R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)");
  return kind == TemporalKind::date ? date : kind == TemporalKind::time ? time : datetime;
}

}  // namespace

std::optional<std::string> check_temporal(std::string_view value, std::string_view pattern, TemporalKind kind) {
  const char* what = kind == TemporalKind::date ? "date" : kind == TemporalKind::time ? "time" : "date-time";
  bool ok = false;
  if (pattern.empty()) {
    ok = std::regex_match(value.begin(), value.end(), iso_regex(kind));
  } else {
    try {
      std::regex re(pattern_to_regex(pattern));
      ok = std::regex_match(value.begin(), value.end(), re);
    } catch (const std::regex_error&) {
      return "cannot use the " + std::string(what) + " format '" + std::string(pattern) + "'";
    }
  }
  if (ok) return std::nullopt;
  return "'" + std::string(value) + "' is not a " + what +
         (pattern.empty() ? " in ISO 8601 form" : " in the format '" + std::string(pattern) + "'");
}

std::string format_temporal(std::string_view pattern, TemporalKind kind, long long offset_seconds) {
  using namespace std::chrono;
  auto now = system_clock::now() + seconds(offset_seconds);
  std::time_t t = system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  int millis = static_cast<int>(duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000);
  if (pattern.empty())
    pattern = kind == TemporalKind::date ? "yyyy-MM-dd" : kind == TemporalKind::time ? "HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss";
  std::string out;
  auto pad = [](long v, size_t n) {
    std::string s = std::to_string(v);
    while (s.size() < n) s = "0" + s;
    return s;
  };
  size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    if (c == '\'') {
      size_t end = pattern.find('\'', i + 1);
      if (end == i + 1) { out += '\''; i += 2; continue; }
      if (end == std::string_view::npos) end = pattern.size();
      out.append(pattern.substr(i + 1, end - i - 1));
      i = end + 1;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(c))) { out += c; ++i; continue; }
    size_t j = i;
    while (j < pattern.size() && pattern[j] == c) ++j;
    size_t n = j - i;
    switch (c) {
      case 'y': case 'u': case 'Y': out += n == 2 ? pad((tm.tm_year + 1900) % 100, 2) : pad(tm.tm_year + 1900, n); break;
      case 'M': case 'L': out += n >= 4 ? kMonthsLong[tm.tm_mon] : n == 3 ? kMonths[tm.tm_mon] : pad(tm.tm_mon + 1, n); break;
      case 'd': out += pad(tm.tm_mday, n); break;
      case 'D': out += pad(tm.tm_yday + 1, n); break;
      case 'H': out += pad(tm.tm_hour, n); break;
      case 'k': out += pad(tm.tm_hour == 0 ? 24 : tm.tm_hour, n); break;
      case 'K': out += pad(tm.tm_hour % 12, n); break;
      case 'h': out += pad(tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12, n); break;
      case 'm': out += pad(tm.tm_min, n); break;
      case 's': out += pad(tm.tm_sec, n); break;
      case 'S': { std::string ms = pad(millis, 3); while (ms.size() < n) ms += '0'; out += ms.substr(0, n); break; }
      case 'E': out += n >= 4 ? kDaysLong[tm.tm_wday] : kDays[tm.tm_wday]; break;
      case 'a': out += tm.tm_hour < 12 ? "AM" : "PM"; break;
      case 'X': out += "Z"; break;
      case 'x': out += n >= 3 ? "+00:00" : "+0000"; break;
      case 'Z': out += "+0000"; break;
      case 'z': case 'V': case 'O': out += "UTC"; break;
      case 'G': out += "AD"; break;
      default: out.append(n, c);
    }
    i = j;
  }
  return out;
}

}  // namespace accord::contracts::matching
