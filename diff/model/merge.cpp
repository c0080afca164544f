#include "diff/model/merge.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace accord::diff {

bool is_route_arg(std::string_view name) { return name == "where" || name == "subject" || name == "property"; }

namespace {

// Everything that says what changed and where, except how an operation
// reaches it. The separators cannot occur in pointers, file names or arguments.
std::string change_key(const Finding& f) {
  std::string key = f.rule;
  auto side = [&](const std::optional<Place>& p) {
    key += '\x1f';
    if (!p) {
      key += '-';
      return;
    }
    key += p->file;
    key += '\x1e';
    key += p->pointer;
  };
  side(f.old_place);
  side(f.new_place);
  for (const Arg& a : f.args) {
    if (is_route_arg(a.name)) continue;
    key += '\x1f';
    key += a.name;
    key += '\x1e';
    key += a.value;
  }
  return key;
}

void add_operations_of(const Finding& from, std::vector<std::string>& into) {
  if (!from.operations.empty()) {
    into.insert(into.end(), from.operations.begin(), from.operations.end());
  } else if (!from.operation.empty()) {
    into.push_back(from.operation);
  }
}

}  // namespace

void merge_same_change(std::vector<Finding>& findings) {
  std::unordered_map<std::string, size_t> first_of;  // change key -> index in `merged`
  std::vector<Finding> merged;
  std::vector<std::vector<std::string>> operations;  // per merged finding
  merged.reserve(findings.size());
  for (Finding& f : findings) {
    auto [it, inserted] = first_of.try_emplace(change_key(f), merged.size());
    if (inserted) {
      operations.emplace_back();
      add_operations_of(f, operations.back());
      merged.push_back(std::move(f));
      continue;
    }
    Finding& kept = merged[it->second];
    add_operations_of(f, operations[it->second]);
    // Keep the identity (fingerprint) of the finding with the smallest operation,
    // so the result does not depend on the order the walker visited operations.
    if (!f.operation.empty() && (kept.operation.empty() || f.operation < kept.operation)) kept = std::move(f);
  }
  for (size_t i = 0; i < merged.size(); ++i) {
    std::vector<std::string>& ops = operations[i];
    std::sort(ops.begin(), ops.end());
    ops.erase(std::unique(ops.begin(), ops.end()), ops.end());
    merged[i].operations = std::move(ops);
    if (!merged[i].operations.empty()) merged[i].operation = merged[i].operations.front();
  }
  findings = std::move(merged);
}

std::string operations_summary(const Finding& f, size_t shown) {
  if (f.operations.empty()) return f.operation;
  std::string out;
  size_t n = std::min(shown, f.operations.size());
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += f.operations[i];
  }
  if (f.operations.size() > n) out += " and " + std::to_string(f.operations.size() - n) + " more";
  return out;
}

}  // namespace accord::diff
