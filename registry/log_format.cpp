#include "registry/log_format.h"

#include <charconv>

#include "core/clock.h"

namespace accord::registry {

std::string_view log_format_names() {
  return "combined | json[:method=F,path=F,status=F,time=F,route=F,user_agent=F,remote_addr=F] | envoy | otel | alb "
         "| an nginx log_format template (contains '$')";
}

core::Expected<std::unique_ptr<LineParser>> make_line_parser(std::string_view format) {
  if (format == "combined" || format == "nginx" || format == "apache") return make_combined_parser();
  if (format == "envoy" || format == "istio") return make_envoy_parser();
  if (format == "otel" || format == "opentelemetry") return make_otel_parser();
  if (format == "alb" || format == "aws-alb") return make_alb_parser();
  if (format == "json") return make_json_parser("");
  if (format.rfind("json:", 0) == 0) return make_json_parser(format.substr(5));
  if (format.rfind("nginx:", 0) == 0) return make_nginx_template_parser(format.substr(6));
  if (format.find('$') != std::string_view::npos) return make_nginx_template_parser(format);
  return core::make_error("unknown --log-format '" + std::string(format) + "' (expected " +
                          std::string(log_format_names()) + ")");
}

namespace {

bool two_digits(std::string_view s, size_t at, unsigned& out) {
  if (at + 2 > s.size()) return false;
  char a = s[at], b = s[at + 1];
  if (a < '0' || a > '9' || b < '0' || b > '9') return false;
  out = static_cast<unsigned>((a - '0') * 10 + (b - '0'));
  return true;
}

int month_number(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i)
    if (kMonths[i] == name) return i + 1;
  return 0;
}

// "+0200", "-07:00", "Z" -> seconds east of UTC.
bool parse_offset(std::string_view s, int64_t& seconds) {
  if (s.empty() || s == "Z" || s == "z") {
    seconds = 0;
    return true;
  }
  if (s[0] != '+' && s[0] != '-') return false;
  unsigned h = 0, m = 0;
  if (!two_digits(s, 1, h)) return false;
  size_t at = s.size() > 3 && s[3] == ':' ? 4 : 3;
  if (s.size() > at && !two_digits(s, at, m)) return false;
  seconds = (s[0] == '-' ? -1 : 1) * static_cast<int64_t>(h * 3600 + m * 60);
  return true;
}

}  // namespace

bool parse_clf_time(std::string_view s, int64_t& out) {
  // 10/Oct/2000:13:55:36 -0700
  if (s.size() < 20 || s[2] != '/' || s[6] != '/' || s[11] != ':') return false;
  unsigned day, hour, minute, second;
  if (!two_digits(s, 0, day)) return false;
  int month = month_number(s.substr(3, 3));
  int year = 0;
  if (!month || std::from_chars(s.data() + 7, s.data() + 11, year).ptr != s.data() + 11) return false;
  if (!two_digits(s, 12, hour) || !two_digits(s, 15, minute) || !two_digits(s, 18, second)) return false;
  int64_t offset = 0;
  if (s.size() > 21 && !parse_offset(s.substr(21), offset)) return false;
  out = core::days_from_civil(year, static_cast<unsigned>(month), day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  return true;
}

bool parse_iso8601(std::string_view s, int64_t& out) {
  // 2000-10-10T13:55:36[.fff][Z|+hh:mm]
  auto day = core::parse_day(s);
  if (!day) return false;
  unsigned hour = 0, minute = 0, second = 0;
  size_t at = 10;
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) {
    if (!two_digits(s, 11, hour) || !two_digits(s, 14, minute) || !two_digits(s, 17, second)) return false;
    at = 19;
    if (at < s.size() && s[at] == '.') {
      ++at;
      while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
    }
  }
  int64_t offset = 0;
  if (at < s.size() && !parse_offset(s.substr(at), offset)) return false;
  out = *day * 86400 + hour * 3600 + minute * 60 + second - offset;
  return true;
}

bool split_request_line(std::string_view request, std::string_view& method, std::string_view& target) {
  size_t space = request.find(' ');
  if (space == std::string_view::npos || space == 0) return false;
  method = request.substr(0, space);
  size_t start = space + 1;
  size_t end = request.find(' ', start);
  target = request.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  return !target.empty();
}

bool parse_status(std::string_view text, int& out) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < 0 || value > 999) return false;
  out = value;
  return true;
}

}  // namespace accord::registry
