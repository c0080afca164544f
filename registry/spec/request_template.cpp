#include "registry/spec/request_template.h"

#include <algorithm>
#include <cctype>

namespace accord::registry {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-') || (!dash && !is_hex(s[i]))) return false;
  }
  return true;
}

}  // namespace

bool looks_like_identifier(std::string_view segment) {
  if (segment.empty()) return false;
  if (std::all_of(segment.begin(), segment.end(), is_digit)) return true;
  if (is_uuid(segment)) return true;
  const bool has_digit = std::any_of(segment.begin(), segment.end(), is_digit);
  if (!has_digit) return false;
  if (segment.size() >= 8 && std::all_of(segment.begin(), segment.end(), is_hex)) return true;
  return segment.size() >= 16;
}

void append_route_template(std::string& out, std::string_view path) {
  path = path.substr(0, path.find_first_of("?#"));
  size_t at = 0;
  while (true) {
    size_t slash = path.find('/', at);
    std::string_view segment = path.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
    if (looks_like_identifier(segment)) out += "{}";
    else out += segment;
    if (slash == std::string_view::npos) return;
    out += '/';
    at = slash + 1;
  }
}

std::string request_template(std::string_view request) {
  size_t space = request.find(' ');
  std::string out;
  if (space == std::string_view::npos) {
    append_route_template(out, request);
    return out;
  }
  out.assign(request.substr(0, space + 1));
  append_route_template(out, request.substr(space + 1));
  return out;
}

}  // namespace accord::registry
