#include "diff/model/merge.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "diff/model/hash.h"

namespace accord::diff {

bool is_route_arg(std::string_view name) { return name == "where" || name == "subject" || name == "property"; }

namespace {

// Everything that says what changed and where, except how an operation
// reaches it: the rule, the old and new places (file and pointer) and the
// arguments that are not route arguments. Findings are grouped by a hash of
// that (building it as one string per finding cost more than the rest of
// the pass) and compared whole within a group.
uint64_t change_hash(const Finding& f) {
  uint64_t h = 0;
  auto mix = [&](std::string_view s) { h = hash_mix(h, std::hash<std::string_view>{}(s)); };
  mix(f.rule);
  for (const std::optional<Place>* p : {&f.old_place, &f.new_place}) {
    if (!*p) {
      mix("\x1f-");
      continue;
    }
    mix((*p)->file);
    mix((*p)->pointer);
  }
  for (const Arg& a : f.args) {
    if (is_route_arg(a.name)) continue;
    mix(a.name);
    mix(a.value);
  }
  return h;
}

bool same_change(const Finding& a, const Finding& b) {
  if (a.rule != b.rule || !same_place(a.old_place, b.old_place) || !same_place(a.new_place, b.new_place)) return false;
  auto next = [](const std::vector<Arg>& args, size_t i) {
    while (i < args.size() && is_route_arg(args[i].name)) ++i;
    return i;
  };
  size_t i = next(a.args, 0), j = next(b.args, 0);
  for (; i < a.args.size() && j < b.args.size(); i = next(a.args, i + 1), j = next(b.args, j + 1))
    if (a.args[i].name != b.args[j].name || a.args[i].value != b.args[j].value) return false;
  return i == a.args.size() && j == b.args.size();
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
  std::unordered_multimap<uint64_t, size_t> by_hash;  // change hash -> index in `merged`
  std::vector<Finding> merged;
  std::vector<std::vector<std::string>> operations;  // per merged finding
  merged.reserve(findings.size());
  by_hash.reserve(findings.size());
  for (Finding& f : findings) {
    uint64_t hash = change_hash(f);
    size_t at = merged.size();
    for (auto [it, end] = by_hash.equal_range(hash); it != end && at == merged.size(); ++it)
      if (same_change(merged[it->second], f)) at = it->second;
    if (at == merged.size()) {
      by_hash.emplace(hash, at);
      operations.emplace_back();
      add_operations_of(f, operations.back());
      merged.push_back(std::move(f));
      continue;
    }
    Finding& kept = merged[at];
    add_operations_of(f, operations[at]);
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
