#include "registry/operation_matcher.h"

#include <array>
#include <cctype>

namespace accord::registry {

namespace {

constexpr std::array<std::string_view, 8> kMethodNames = {"GET", "PUT", "POST", "DELETE",
                                                          "OPTIONS", "HEAD", "PATCH", "TRACE"};

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

// Lets the trie look segments up by string_view without allocating.
struct SegmentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct OperationMatcher::TrieNode {
  std::unordered_map<std::string, std::unique_ptr<TrieNode>, SegmentHash, std::equal_to<>> literals;
  std::unique_ptr<TrieNode> parameter;
  std::array<int, kMethodNames.size()> operations;
  TrieNode() { operations.fill(kNoMatch); }
};

OperationMatcher::OperationMatcher(const SpecOperations& spec)
    : root_(std::make_unique<TrieNode>()), base_paths_(spec.base_paths) {
  for (size_t i = 0; i < spec.operations.size(); ++i) {
    const SpecOperation& op = spec.operations[i];
    TrieNode* node = root_.get();
    for_each_segment(op.path, [&](std::string_view segment) {
      std::unique_ptr<TrieNode>& next =
          is_parameter_segment(segment) ? node->parameter : node->literals[std::string(segment)];
      if (!next) next = std::make_unique<TrieNode>();
      node = next.get();
      return true;
    });
    int slot = method_slot(op.method);
    if (slot >= 0 && node->operations[static_cast<size_t>(slot)] == kNoMatch)
      node->operations[static_cast<size_t>(slot)] = static_cast<int>(i);
    by_key_.emplace(op.key, static_cast<int>(i));
  }
}

OperationMatcher::~OperationMatcher() = default;

int OperationMatcher::method_slot(std::string_view method) {
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
  size_t cut = target.find_first_of("?#");
  std::string_view path = cut == std::string_view::npos ? target : target.substr(0, cut);
  // An absolute-form request target ("http://host/path") names the path after the authority.
  if (!path.empty() && path[0] != '/') {
    size_t scheme = path.find("://");
    if (scheme == std::string_view::npos) return kNoMatch;
    size_t slash = path.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
  }
  for (const std::string& base : base_paths_) {
    if (path.size() >= base.size() && path.compare(0, base.size(), base) == 0 &&
        (path.size() == base.size() || path[base.size()] == '/')) {
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
    const TrieNode* node;
    size_t pos;
  };
  // Each level pushes at most two frames, so this bounds paths to 64 segments.
  constexpr size_t kMaxFrames = 130;
  Frame stack[kMaxFrames];
  size_t depth = 0;
  stack[depth++] = {root_.get(), 0};
  while (depth > 0) {
    Frame f = stack[--depth];
    if (depth + 2 > kMaxFrames) return kNoMatch;
    size_t i = f.pos;
    while (i < path.size() && path[i] == '/') ++i;
    if (i >= path.size()) {
      int op = f.node->operations[static_cast<size_t>(slot)];
      if (op != kNoMatch) return op;
      continue;
    }
    size_t end = path.find('/', i);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(i, end - i);
    if (f.node->parameter) stack[depth++] = {f.node->parameter.get(), end};
    if (!f.node->literals.empty()) {
      auto it = f.node->literals.find(segment);
      if (it != f.node->literals.end()) stack[depth++] = {it->second.get(), end};
    }
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
