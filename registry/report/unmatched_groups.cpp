#include "registry/report/unmatched_groups.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace accord::registry {

namespace {

bool all_of(std::string_view s, int (*pred)(int)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

}  // namespace

bool looks_like_identifier(std::string_view segment) {
  if (all_of(segment, [](int c) { return std::isdigit(c); })) return true;
  if (is_uuid(segment)) return true;
  const bool has_digit = std::any_of(segment.begin(), segment.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (segment.size() >= 8 && has_digit && all_of(segment, [](int c) { return std::isxdigit(c); })) return true;
  if (segment.size() >= 16 && has_digit) return true;
  return false;
}

std::string request_template(std::string_view request) {
  size_t space = request.find(' ');
  std::string out(request.substr(0, space == std::string_view::npos ? 0 : space + 1));
  std::string_view path = space == std::string_view::npos ? request : request.substr(space + 1);
  path = path.substr(0, path.find('?'));
  size_t at = 0;
  while (at <= path.size()) {
    size_t slash = path.find('/', at);
    std::string_view segment = path.substr(at, slash == std::string_view::npos ? std::string_view::npos : slash - at);
    out += looks_like_identifier(segment) ? std::string("{}") : std::string(segment);
    if (slash == std::string_view::npos) break;
    out += '/';
    at = slash + 1;
  }
  return out;
}

std::vector<UnmatchedGroup> group_unmatched(const std::vector<UnmatchedCount>& unmatched) {
  std::map<std::string, UnmatchedGroup> groups;
  std::map<std::string, int64_t> example_calls;
  for (const UnmatchedCount& u : unmatched) {
    const std::string key = request_template(u.request);
    UnmatchedGroup& g = groups[key];
    g.request_template = key;
    g.calls += u.calls;
    ++g.distinct;
    auto& best = example_calls[key];
    if (g.example.empty() || u.calls > best || (u.calls == best && u.request < g.example)) {
      g.example = u.request;
      best = u.calls;
    }
  }
  std::vector<UnmatchedGroup> out;
  for (auto& [key, g] : groups) out.push_back(std::move(g));
  std::sort(out.begin(), out.end(), [](const UnmatchedGroup& a, const UnmatchedGroup& b) {
    return a.calls != b.calls ? a.calls > b.calls : a.request_template < b.request_template;
  });
  return out;
}

}  // namespace accord::registry
