#include "diff/model/sink.h"

#include <algorithm>
#include <tuple>


namespace accord::diff {

Place place_of(const core::Node* node, std::string pointer) {
  Place p;
  p.pointer = std::move(pointer);
  if (node) {
    core::SourceLocation loc = node->location();
    p.file = std::string(loc.path());
    p.line = loc.line;
    p.column = loc.column;
  }
  return p;
}

void FindingSink::add(std::string_view rule_id, std::vector<Arg> args, std::string operation,
                      std::optional<Place> old_place, std::optional<Place> new_place) {
  Finding f;
  f.rule = std::string(rule_id);
  f.args = std::move(args);
  f.operation = std::move(operation);
  f.old_place = std::move(old_place);
  f.new_place = std::move(new_place);
  findings_.push_back(std::move(f));
}

void FindingSink::set_last_operations(std::vector<std::string> operations) {
  if (!findings_.empty()) findings_.back().operations = std::move(operations);
}

std::vector<Finding> FindingSink::take() {
  std::vector<Finding> out = std::move(findings_);
  findings_.clear();
  return out;
}

std::string compute_fingerprint(const Finding& f) {
  // FNV-1a over what identifies the change, never over line numbers, so an
  // ignore keyed by fingerprint survives unrelated edits above it.
  uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  mix(f.rule);
  mix(f.operation);
  mix(f.old_place ? std::string_view(f.old_place->pointer) : "-");
  mix(f.new_place ? std::string_view(f.new_place->pointer) : "-");
  for (const Arg& a : f.args) {
    // `where` is English rendered from other args ("response 200 (...) property 'x'"):
    // rewording it must not change the fingerprint.
    if (a.name == "where") continue;
    mix(a.name);
    mix(a.value);
  }
  std::string hex(16, '0');  // %016llx, without printf's parsing
  for (int i = 15; i >= 0; --i, h >>= 4) hex[static_cast<size_t>(i)] = "0123456789abcdef"[h & 0xf];
  return hex;
}

}  // namespace accord::diff
