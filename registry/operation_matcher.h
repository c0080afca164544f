// Maps a logged request (method + concrete path) to the operation of a spec
// it calls. A trie over path segments: literal segments first, then `{param}`
// segments, so "/users/me" beats "/users/{id}" as routers do.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "registry/spec_operations.h"

namespace accord::registry {

class OperationMatcher {
 public:
  explicit OperationMatcher(const SpecOperations& spec);
  ~OperationMatcher();
  OperationMatcher(const OperationMatcher&) = delete;
  OperationMatcher& operator=(const OperationMatcher&) = delete;

  static constexpr int kNoMatch = -1;

  // Index into spec.operations, or kNoMatch. `target` may carry a query
  // string; the servers' base paths are stripped when the path starts with one.
  int match(std::string_view method, std::string_view target) const;
  // For a route template taken from the log ("/users/{id}" or "/users/:id").
  int match_route(std::string_view method, std::string_view route) const;

 private:
  struct TrieNode;
  int match_path(std::string_view method, std::string_view path) const;
  static int method_slot(std::string_view method);
  std::unique_ptr<TrieNode> root_;
  std::vector<std::string> base_paths_;
  std::unordered_map<std::string, int> by_key_;  // for route templates
};

}  // namespace accord::registry
