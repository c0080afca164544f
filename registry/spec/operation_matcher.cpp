#include "registry/spec/operation_matcher.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstring>

namespace accord::registry {

namespace {

constexpr std::array<std::string_view, 8> kMethodNames = {"GET", "PUT", "POST", "DELETE",
                                                          "OPTIONS", "HEAD", "PATCH", "TRACE"};

// Where a path segment ends: at the next '/', or at the query or fragment that ends the path.
bool ends_segment(char c) { return c == '/' || c == '?' || c == '#'; }

bool is_parameter_segment(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// Calls `fn(segment)` for each non-empty segment of a path.
template <class Fn>
bool for_each_segment(std::string_view path, Fn&& fn) {
  size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    if (i >= path.size()) break;
    size_t end = path.find('/', i);
    if (end == std::string_view::npos) end = path.size();
    if (!fn(path.substr(i, end - i))) return false;
    i = end;
  }
  return true;
}

}  // namespace

namespace {

// A segment's hash, eight bytes at a time: a log line's path is hashed once
// per trie level, and a byte-at-a-time hash (a multiply per byte, each
// waiting on the last) was most of a match. Equal segments hash equal; a
// collision only costs the exact comparison that follows.
uint64_t segment_hash(const char* p, size_t n) {
  constexpr uint64_t kMultiplier = 0x9e3779b97f4a7c15ull;
  uint64_t h = kMultiplier ^ n;
  auto mix = [&](uint64_t word) {
    h = (h ^ word) * kMultiplier;
    h ^= h >> 29;
  };
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    mix(word);
  }
  if (n > 0) {
    uint64_t tail = 0;
    for (size_t k = 0; k < n; ++k) tail |= uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
    mix(tail);
  }
  return h;
}

uint64_t segment_hash(std::string_view segment) { return segment_hash(segment.data(), segment.size()); }

// Where the segment that starts at `i` ends: the first '/', '?' or '#' before
// `end`, else `end`. Eight bytes at a time while eight are left: a byte equal
// to c is a zero byte of word ^ c, and the lowest byte flagged by the
// has-zero-byte test is always a true one (little-endian: the first in the path).
size_t segment_end(std::string_view path, size_t i, size_t end) {
  if constexpr (std::endian::native == std::endian::little) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    auto zero_bytes = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
    for (; i + 8 <= end; i += 8) {
      uint64_t word;
      std::memcpy(&word, path.data() + i, 8);
      const uint64_t hits =
          zero_bytes(word ^ (kOnes * '/')) | zero_bytes(word ^ (kOnes * '?')) | zero_bytes(word ^ (kOnes * '#'));
      if (hits != 0) return i + static_cast<size_t>(std::countr_zero(hits) >> 3);
    }
  }
  while (i < end && !ends_segment(path[i])) ++i;
  return i;
}

}  // namespace

OperationMatcher::OperationMatcher(const SpecOperations& spec) : base_paths_(spec.base_paths) {
  nodes_.emplace_back();
  edges_.resize(64);
  for (size_t i = 0; i < spec.operations.size(); ++i) {
    const SpecOperation& op = spec.operations[i];
    int node = 0;
    for_each_segment(op.path, [&](std::string_view segment) {
      if (is_parameter_segment(segment)) {
        if (nodes_[static_cast<size_t>(node)].parameter_child < 0) {
          nodes_.emplace_back();
          nodes_[static_cast<size_t>(node)].parameter_child = static_cast<int>(nodes_.size() - 1);
        }
        node = nodes_[static_cast<size_t>(node)].parameter_child;
      } else {
        int child = literal_child(node, segment, segment_hash(segment));
        node = child >= 0 ? child : add_literal_child(node, segment);
      }
      return true;
    });
    int slot = method_slot(op.method);
    int& target = nodes_[static_cast<size_t>(node)].operations[static_cast<size_t>(slot < 0 ? 0 : slot)];
    if (slot >= 0 && target == kNoMatch) target = static_cast<int>(i);
    by_key_.emplace(op.key, static_cast<int>(i));
  }
}

OperationMatcher::~OperationMatcher() = default;

size_t OperationMatcher::edge_slot(int parent, uint64_t hash) const {
  return static_cast<size_t>((hash + static_cast<uint64_t>(parent) * 0x9e3779b97f4a7c15ull) * 0xff51afd7ed558ccdull >>
                             32) & (edges_.size() - 1);
}

int OperationMatcher::literal_child(int parent, std::string_view segment, uint64_t hash) const {
  for (size_t i = edge_slot(parent, hash);; i = (i + 1) & (edges_.size() - 1)) {
    const Edge& e = edges_[i];
    if (e.child < 0) return -1;
    if (e.hash == hash && e.parent == parent && e.segment == segment) return e.child;
  }
}

int OperationMatcher::add_literal_child(int parent, std::string_view segment) {
  if ((edge_count_ + 1) * 2 > edges_.size()) {
    std::vector<Edge> old = std::move(edges_);
    edges_.clear();
    edges_.resize(old.size() * 2);
    for (Edge& e : old) {
      if (e.child < 0) continue;
      size_t i = edge_slot(e.parent, e.hash);
      while (edges_[i].child >= 0) i = (i + 1) & (edges_.size() - 1);
      edges_[i] = std::move(e);
    }
  }
  nodes_.emplace_back();
  const int child = static_cast<int>(nodes_.size() - 1);
  const uint64_t hash = segment_hash(segment);
  size_t i = edge_slot(parent, hash);
  while (edges_[i].child >= 0) i = (i + 1) & (edges_.size() - 1);
  edges_[i] = Edge{hash, parent, child, std::string(segment)};
  ++edge_count_;
  ++nodes_[static_cast<size_t>(parent)].literal_children;
  return child;
}

int OperationMatcher::method_slot(std::string_view method) {
  // Logs write methods in upper case: compare whole words first, fold case only when that fails.
  switch (method.size()) {
    case 3:
      if (method == "GET") return 0;
      if (method == "PUT") return 1;
      break;
    case 4:
      if (method == "POST") return 2;
      if (method == "HEAD") return 5;
      break;
    case 5:
      if (method == "PATCH") return 6;
      if (method == "TRACE") return 7;
      break;
    case 6:
      if (method == "DELETE") return 3;
      break;
    case 7:
      if (method == "OPTIONS") return 4;
      break;
    default: return -1;
  }
  for (size_t i = 0; i < kMethodNames.size(); ++i) {
    std::string_view name = kMethodNames[i];
    if (name.size() != method.size()) continue;
    bool same = true;
    for (size_t j = 0; j < name.size() && same; ++j)
      same = std::toupper(static_cast<unsigned char>(method[j])) == name[j];
    if (same) return static_cast<int>(i);
  }
  return -1;
}

int OperationMatcher::match(std::string_view method, std::string_view target) const {
  // match_path stops at '?' or '#' itself: one pass over the path, not two.
  std::string_view path = target;
  // An absolute-form request target ("http://host/path") names the path after the authority.
  if (!path.empty() && path[0] != '/') {
    path = path.substr(0, std::min(path.find('?'), path.find('#')));
    size_t scheme = path.find("://");
    if (scheme == std::string_view::npos) return kNoMatch;
    size_t slash = path.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
  }
  for (const std::string& base : base_paths_) {
    if (path.size() >= base.size() && path.compare(0, base.size(), base) == 0 &&
        (path.size() == base.size() || ends_segment(path[base.size()]))) {
      int found = match_path(method, path.substr(base.size()));
      if (found != kNoMatch) return found;
    }
  }
  return match_path(method, path);
}

int OperationMatcher::match_path(std::string_view method, std::string_view path) const {
  const int slot = method_slot(method);
  if (slot < 0) return kNoMatch;
  // Depth-first: literal child first, then the parameter child (backtracking
  // when the literal branch dead-ends deeper down).
  struct Frame {
    int node;
    size_t pos;
  };
  // Each level pushes at most two frames, so this bounds paths to 64 segments.
  constexpr size_t kMaxFrames = 130;
  Frame stack[kMaxFrames];
  size_t depth = 0;
  stack[depth++] = {0, 0};
  size_t path_end = path.size();  // shortened to the '?' or '#' once a segment reaches it
  while (depth > 0) {
    Frame f = stack[--depth];
    if (depth + 2 > kMaxFrames) return kNoMatch;
    const Node& node = nodes_[static_cast<size_t>(f.node)];
    size_t i = f.pos;
    while (i < path_end && path[i] == '/') ++i;
    if (i >= path_end || path[i] == '?' || path[i] == '#') {
      int op = node.operations[static_cast<size_t>(slot)];
      if (op != kNoMatch) return op;
      continue;
    }
    const size_t end = segment_end(path, i, path_end);
    if (end < path_end && path[end] != '/') path_end = end;
    if (node.parameter_child >= 0) stack[depth++] = {node.parameter_child, end};
    if (node.literal_children == 0) continue;
    const std::string_view segment = path.substr(i, end - i);
    int literal = literal_child(f.node, segment, segment_hash(segment));
    if (literal >= 0) stack[depth++] = {literal, end};
  }
  return kNoMatch;
}

int OperationMatcher::match_route(std::string_view method, std::string_view route) const {
  // Express/OTel style ":id" and "{id}" both become "{}".
  std::string normalized;
  normalized.reserve(route.size());
  for (size_t i = 0; i < route.size(); ++i) {
    if (route[i] == ':' && (i == 0 || route[i - 1] == '/')) {
      normalized += "{x}";
      while (i + 1 < route.size() && route[i + 1] != '/') ++i;
    } else {
      normalized += route[i];
    }
  }
  auto found = by_key_.find(operation_key(method, normalized));
  if (found != by_key_.end()) return found->second;
  for (const std::string& base : base_paths_) {
    if (normalized.rfind(base, 0) == 0) {
      found = by_key_.find(operation_key(method, normalized.substr(base.size())));
      if (found != by_key_.end()) return found->second;
    }
  }
  // A route that is really a concrete path still matches like one.
  return match(method, route);
}

}  // namespace accord::registry
