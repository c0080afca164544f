// Shared helpers for the fuzz targets: how a target turns libFuzzer's bytes
// into the inputs of the surface it exercises.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/node.h"

namespace accord::fuzz {

inline std::string as_text(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

// Several documents in one input, separated by a line "=====" (seeds are
// written that way; the fuzzer learns the separator from the dictionary).
// Always returns `parts` strings (missing ones empty).
inline std::vector<std::string> split_documents(std::string_view text, size_t parts) {
  std::vector<std::string> out;
  constexpr std::string_view kSeparator = "\n=====\n";
  while (out.size() + 1 < parts) {
    size_t at = text.find(kSeparator);
    if (at == std::string_view::npos) break;
    out.emplace_back(text.substr(0, at));
    text.remove_prefix(at + kSeparator.size());
  }
  out.emplace_back(text);
  while (out.size() < parts) out.emplace_back();
  return out;
}

// Visits every node once (aliases share nodes), reading what a consumer
// reads, so a dangling pointer or a bad span shows up under ASan.
inline size_t touch_tree(const core::Node* root) {
  if (!root) return 0;
  std::unordered_set<const core::Node*> seen;
  std::vector<const core::Node*> todo{root};
  size_t bytes = 0;
  while (!todo.empty()) {
    const core::Node* n = todo.back();
    todo.pop_back();
    if (!seen.insert(n).second) continue;
    bytes += n->text().size() + n->location().line;
    for (const core::Member& m : n->children()) {
      bytes += m.key.size();
      if (m.value) todo.push_back(m.value);
    }
  }
  return bytes;
}

}  // namespace accord::fuzz
