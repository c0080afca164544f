// Applying accord.yaml to finished findings: severity overrides first (so an
// "off" rule never shows), then ignores that have not expired.
#include <algorithm>
#include <cctype>
#include <regex>

#include "diff/config/config.h"

namespace accord::diff {

namespace {

// "delete /users/{id}" and "DELETE /users/{id}" name the same operation.
bool same_operation(std::string_view a, std::string_view b) {
  size_t sa = a.find(' '), sb = b.find(' ');
  if (sa == std::string_view::npos || sb == std::string_view::npos) return a == b;
  std::string_view ma = a.substr(0, sa), mb = b.substr(0, sb);
  return ma.size() == mb.size() &&
         std::equal(ma.begin(), ma.end(), mb.begin(),
                    [](char x, char y) { return std::toupper(static_cast<unsigned char>(x)) ==
                                                std::toupper(static_cast<unsigned char>(y)); }) &&
         a.substr(sa) == b.substr(sb);
}

// The pointer itself or anything below it ("/a/b" covers "/a/b/c", not "/a/bc").
// Proto names nest with '.' the same way.
bool pointer_covers(std::string_view ignore, std::string_view place) {
  if (place.size() < ignore.size() || place.substr(0, ignore.size()) != ignore) return false;
  return place.size() == ignore.size() || place[ignore.size()] == '/' || place[ignore.size()] == '.';
}

// buf's path ignores: the file itself or a directory above it; "" and "." cover all.
bool path_covers(std::string ignore, std::string_view file) {
  while (ignore.size() > 1 && ignore.back() == '/') ignore.pop_back();
  if (ignore.empty() || ignore == ".") return true;
  return file == ignore || (file.size() > ignore.size() && file.compare(0, ignore.size(), ignore) == 0 &&
                            file[ignore.size()] == '/');
}

bool place_matches(const Ignore& ignore, const Place& place) {
  if (!ignore.path.empty() && !path_covers(ignore.path, place.module_path.empty() ? place.file : place.module_path))
    return false;
  if (ignore.unstable_package && !is_unstable_package(place.package)) return false;
  return true;
}

}  // namespace

bool is_unstable_package(std::string_view package) {
  static const std::regex unstable(R"(v\d+(test.*|(alpha|beta)\d*|p\d+(alpha|beta)\d*))");
  size_t dot = package.rfind('.');
  std::string last(dot == std::string_view::npos ? package : package.substr(dot + 1));
  return std::regex_match(last, unstable);
}

bool Ignore::matches(const Finding& f) const {
  if (!fingerprint.empty() && fingerprint != f.fingerprint) return false;
  if (!rule.empty() && rule != f.rule) return false;
  if (!any_rule.empty() && std::find(any_rule.begin(), any_rule.end(), f.rule) == any_rule.end()) return false;
  if (!path.empty() || unstable_package) {
    // Either version's file may be the one ignored (a moved message counts under both).
    bool old_hit = f.old_place && place_matches(*this, *f.old_place);
    bool new_hit = f.new_place && place_matches(*this, *f.new_place);
    if (!old_hit && !new_hit) return false;
  }
  if (!operation.empty() && !matches_operation(f)) return false;
  if (!pointer.empty()) {
    bool old_hit = f.old_place && pointer_covers(pointer, f.old_place->pointer);
    bool new_hit = f.new_place && pointer_covers(pointer, f.new_place->pointer);
    if (!old_hit && !new_hit) return false;
  }
  return true;
}

// A finding that names several operations (a shared schema, a removed path)
// is ignored by naming any one of them.
bool Ignore::matches_operation(const Finding& f) const {
  if (f.operations.empty()) return same_operation(operation, f.operation);
  for (const std::string& op : f.operations)
    if (same_operation(operation, op)) return true;
  return false;
}

std::string Ignore::describe() const {
  if (!fingerprint.empty()) return "fingerprint " + fingerprint + (rule.empty() ? "" : " (" + rule + ")");
  std::string s = rule;
  if (!operation.empty()) s += " (" + operation + ")";
  if (!pointer.empty()) s += " at " + pointer;
  if (!path.empty()) s += (s.empty() ? "" : " ") + std::string("under ") + path;
  if (unstable_package) s += (s.empty() ? "" : " ") + std::string("in unstable packages");
  return s;
}

AppliedConfig apply_config(const Config& config, std::vector<Finding> findings, const core::Clock& clock) {
  AppliedConfig out;
  const core::Date today = clock.today();
  std::vector<const Ignore*> active;
  for (const Ignore& ignore : config.ignores) {
    if (ignore.expires && today > *ignore.expires) {
      size_t hits = static_cast<size_t>(
          std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return ignore.matches(f); }));
      out.notes.push_back(ignore.where + ": ignore of " + ignore.describe() + " expired on " + ignore.expires->text() +
                          (hits ? "; its " + std::to_string(hits) + " finding(s) are reported again"
                                : "; it matches nothing now and can be removed"));
      continue;
    }
    active.push_back(&ignore);
  }
  for (Finding& f : findings) {
    if (auto it = config.rule_severity.find(f.rule); it != config.rule_severity.end()) {
      if (!it->second) continue;  // rule turned off
      f.severity = *it->second;
    }
    out.findings.push_back(std::move(f));
  }
  out.ignored = drop_ignored(out.findings, active);
  if (out.ignored)
    out.notes.push_back(std::to_string(out.ignored) + " finding(s) ignored by " + config.path);
  return out;
}

size_t drop_ignored(std::vector<Finding>& findings, const std::vector<const Ignore*>& active) {
  if (active.empty()) return 0;
  const size_t before = findings.size();
  std::erase_if(findings, [&](const Finding& f) {
    return std::any_of(active.begin(), active.end(), [&](const Ignore* i) { return i->matches(f); });
  });
  return before - findings.size();
}

}  // namespace accord::diff
