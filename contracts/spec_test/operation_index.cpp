#include "contracts/spec_test/operation_index.h"

#include "contracts/http/http_types.h"

namespace accord::contracts::spec_test {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!part.empty()) out.emplace_back(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

}  // namespace

OperationIndex::OperationIndex(const diff::openapi::Api& api) : base_path_(api.base_path) {
  while (!base_path_.empty() && base_path_.back() == '/') base_path_.pop_back();
  for (const auto& op : api.operations) {
    Entry e{&op, {}, 0};
    for (const std::string& part : split_path(op.path)) {
      Segment s;
      size_t open = part.find('{'), close = part.find('}', open == std::string::npos ? 0 : open);
      if (open != std::string::npos && close != std::string::npos) {
        s.literal = false;
        s.prefix = part.substr(0, open);
        s.name = part.substr(open + 1, close - open - 1);
        s.suffix = part.substr(close + 1);
      } else {
        s.prefix = part;
        ++e.literals;
      }
      e.segments.push_back(std::move(s));
    }
    by_length_[e.segments.size()].push_back(std::move(e));
  }
}

bool OperationIndex::match(const Entry& entry, const std::vector<std::string>& parts,
                           std::vector<std::pair<std::string, std::string>>& values) const {
  values.clear();
  for (size_t i = 0; i < parts.size(); ++i) {
    const Segment& s = entry.segments[i];
    const std::string& p = parts[i];
    if (s.literal) {
      if (p != s.prefix) return false;
      continue;
    }
    if (p.size() <= s.prefix.size() + s.suffix.size() || p.compare(0, s.prefix.size(), s.prefix) != 0 ||
        p.compare(p.size() - s.suffix.size(), s.suffix.size(), s.suffix) != 0)
      return false;
    values.emplace_back(s.name, http::url_decode(p.substr(s.prefix.size(), p.size() - s.prefix.size() - s.suffix.size()), false));
  }
  return true;
}

FoundOperation OperationIndex::find(const std::string& method, const std::string& path) const {
  std::string_view p = path;
  if (!base_path_.empty() && p.compare(0, base_path_.size(), base_path_) == 0 &&
      (p.size() == base_path_.size() || p[base_path_.size()] == '/'))
    p.remove_prefix(base_path_.size());
  std::vector<std::string> parts = split_path(p);
  std::string m = http::to_lower(method);
  FoundOperation best;
  const Entry* best_entry = nullptr;
  bool path_matched = false;
  auto it = by_length_.find(parts.size());
  if (it != by_length_.end()) {
    std::vector<std::pair<std::string, std::string>> values;
    for (const Entry& e : it->second) {
      if (best_entry && e.literals <= best_entry->literals) continue;
      if (!match(e, parts, values)) continue;
      path_matched = true;
      if (e.operation->method != m) continue;
      best_entry = &e;
      best.operation = e.operation;
      best.path_values = values;
    }
  }
  if (!best.operation)
    best.why = path_matched ? "the spec declares this path but not for method " + method
                            : "no path of the spec matches '" + path + "'";
  return best;
}

}  // namespace accord::contracts::spec_test
