// Maps a logged request (method + concrete path) to the operation of a spec
// it calls. A trie over path segments: literal segments first, then `{param}`
// segments, so "/users/me" beats "/users/{id}" as routers do. Ingest calls it
// once per log line, so the trie is flat: nodes in one vector and every
// literal edge in one open-addressing table keyed by (parent, segment hash),
// a segment found and hashed eight bytes at a time.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "registry/spec/spec_operations.h"

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
  static constexpr size_t kMethods = 8;
  struct Node {
    int parameter_child = -1;  // the `{param}` segment's node
    int literal_children = 0;  // edges from this node: a node without any skips the hash and the lookup
    std::array<int, kMethods> operations;
    Node() { operations.fill(kNoMatch); }
  };
  struct Edge {  // a literal segment from `parent` to `child`; child < 0 marks a free slot
    uint64_t hash = 0;
    int parent = -1;
    int child = -1;
    std::string segment;
  };
  int match_path(std::string_view method, std::string_view path) const;
  static int method_slot(std::string_view method);
  size_t edge_slot(int parent, uint64_t hash) const;
  int literal_child(int parent, std::string_view segment, uint64_t hash) const;
  int add_literal_child(int parent, std::string_view segment);
  std::vector<Node> nodes_;   // nodes_[0] is the root
  std::vector<Edge> edges_;   // open addressing, a power of two at most half full
  size_t edge_count_ = 0;
  std::vector<std::string> base_paths_;
  std::unordered_map<std::string, int> by_key_;  // for route templates
};

}  // namespace accord::registry
