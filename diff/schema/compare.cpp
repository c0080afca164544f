// The recursion of the schema comparator: pairs subschemas (properties,
// items, additionalProperties, allOf/anyOf/oneOf branches), keeps recursion
// cycle-safe and caches what a shared (`$ref`) pair yields so that the same
// component compared for a thousand operations is compared once.
//
// Cycle safety and caching. A pair entered through a `$ref` (or the top
// pair) is "tracked": it goes on a stack, and meeting it again while it is
// on the stack cuts the recursion there (its findings are being reported at
// the shallower path already). A tracked pair's result is cached only when
// no cut inside it reached a pair above it (then the result does not depend
// on how it was reached), and a cached result is replayed only when none of
// the tracked pairs it entered is on the current stack (otherwise a fresh
// comparison would cut differently). With both conditions, caching gives
// exactly the findings of comparing without a cache.
#include "diff/schema/compare.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "diff/schema/internal.h"
#include "diff/schema/pairing.h"

namespace accord::diff {

using core::Schema;
using core::SchemaHandle;
using namespace schema_detail;

namespace schema_detail {

std::string join_path(std::string_view base, std::string_view segment) {
  if (base.empty()) return std::string(segment);
  if (segment.empty()) return std::string(base);
  std::string out(base);
  out += '/';
  out += segment;
  return out;
}

std::optional<Place> place_of_schema(const Schema* s) {
  if (!s) return std::nullopt;
  return place_of(s->node, s->pointer);
}

}  // namespace schema_detail

struct SchemaComparator::Impl : PairWalker {
  Impl(core::DocumentSet& old_set, core::DocumentSet& new_set) : old_graph(old_set), new_graph(new_set) {}

  struct PairKey {
    const Schema* o;
    const Schema* n;
    Direction d;
    bool operator==(const PairKey&) const = default;
  };
  struct PairHash {
    size_t operator()(const PairKey& k) const {
      size_t h = std::hash<const void*>()(k.o);
      h ^= std::hash<const void*>()(k.n) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
      return h ^ static_cast<size_t>(k.d);
    }
  };
  struct CacheEntry {
    std::vector<RawFinding> findings;
    std::vector<uint32_t> footprint;  // sorted
  };

  core::SchemaGraph old_graph, new_graph;
  bool caching = true;
  std::unordered_map<PairKey, uint32_t, PairHash> ids;
  std::unordered_map<uint32_t, CacheEntry> cache;
  std::unordered_map<uint32_t, uint32_t> on_stack;  // pair id -> stack depth
  std::vector<uint32_t> stack;
  std::unordered_map<const core::Node*, bool> ref_free_memo;
  std::deque<Schema> any_schemas;  // stand-ins for an absent subschema ({}), one per parent
  std::unordered_map<const Schema*, const Schema*> any_by_parent;

  uint32_t intern(const Schema* o, const Schema* n) {
    auto [it, fresh] = ids.try_emplace(PairKey{o, n, direction}, static_cast<uint32_t>(ids.size()));
    (void)fresh;
    return it->second;
  }

  // PairWalker
  const Schema* old_schema(const SchemaHandle& h) override { return load(old_graph, h); }
  const Schema* new_schema(const SchemaHandle& h) override { return load(new_graph, h); }
  const Schema* any_like(const Schema* parent) override {
    auto it = any_by_parent.find(parent);
    if (it != any_by_parent.end()) return it->second;
    Schema& s = any_schemas.emplace_back();
    s.node = parent->node;
    s.document = parent->document;
    s.pointer = parent->pointer;
    s.boolean_schema = true;  // `true`: accepts anything
    any_by_parent.emplace(parent, &s);
    return &s;
  }

  const Schema* load(core::SchemaGraph& graph, const SchemaHandle& h) {
    if (error) return nullptr;
    auto s = graph.get(h);
    if (!s) {
      error = s.error();
      return nullptr;
    }
    return *s;
  }

  bool footprint_on_stack(const std::vector<uint32_t>& footprint) const {
    for (uint32_t id : stack)
      if (std::binary_search(footprint.begin(), footprint.end(), id)) return true;
    return false;
  }

  static void append(FrameOut& out, const std::vector<RawFinding>& findings, const std::string& prefix) {
    for (const RawFinding& f : findings) {
      RawFinding copy = f;
      copy.path = join_path(prefix, f.path);
      out.findings.push_back(std::move(copy));
    }
  }

  void compare_pair(const Schema* o, const Schema* n, bool tracked, bool cacheable, const std::string& path,
                    FrameOut& out) override {
    if (error || !o || !n) return;
    if (!tracked) return compare_body(o, n, path, out);
    uint32_t id = intern(o, n);
    out.footprint.push_back(id);
    if (auto it = on_stack.find(id); it != on_stack.end()) {
      out.lowest_cut = std::min(out.lowest_cut, it->second);
      return;
    }
    if (caching && cacheable) {
      auto hit = cache.find(id);
      if (hit != cache.end() && !footprint_on_stack(hit->second.footprint)) {
        append(out, hit->second.findings, path);
        out.footprint.insert(out.footprint.end(), hit->second.footprint.begin(), hit->second.footprint.end());
        return;
      }
    }
    uint32_t depth = static_cast<uint32_t>(stack.size());
    stack.push_back(id);
    on_stack.emplace(id, depth);
    FrameOut local;
    compare_body(o, n, "", local);
    stack.pop_back();
    on_stack.erase(id);
    std::sort(local.footprint.begin(), local.footprint.end());
    local.footprint.erase(std::unique(local.footprint.begin(), local.footprint.end()), local.footprint.end());
    if (local.lowest_cut < depth) out.lowest_cut = std::min(out.lowest_cut, local.lowest_cut);
    append(out, local.findings, path);
    out.footprint.insert(out.footprint.end(), local.footprint.begin(), local.footprint.end());
    if (caching && cacheable && !error && local.lowest_cut >= depth)
      cache[id] = CacheEntry{std::move(local.findings), std::move(local.footprint)};
  }

  // An identical subtree without any `$ref` in it cannot differ.
  bool unchanged(const Schema* o, const Schema* n) {
    if (o->boolean_schema || n->boolean_schema)
      return o->boolean_schema && n->boolean_schema && o->accepts_nothing == n->accepts_nothing;
    if (o->base || n->base) return false;
    if (!o->node->equals(*n->node)) return false;
    auto [it, fresh] = ref_free_memo.try_emplace(o->node, false);
    if (fresh) it->second = ref_free(o->node);
    return it->second;
  }

  static bool ref_free(const core::Node* node) {
    if (node->is_scalar()) return true;
    for (const core::Member& m : node->children()) {
      if (node->is_object() && m.key == "$ref") return false;
      if (!ref_free(m.value)) return false;
    }
    return true;
  }

  void compare_body(const Schema* o, const Schema* n, const std::string& path, FrameOut& out) {
    if (unchanged(o, n)) return;
    if (o->accepts_nothing != n->accepts_nothing) {
      const char* change = o->accepts_nothing ? "type-widened" : "type-narrowed";
      std::vector<Arg> args{{"old", o->accepts_nothing ? "nothing" : "any"}, {"new", n->accepts_nothing ? "nothing" : "any"}};
      if (has_rule(change, direction))
        out.findings.push_back(RawFinding{change, path, std::move(args), place_of_schema(o), place_of_schema(n)});
      return;
    }
    compare_keywords(*o, *n, direction, path, out);
    compare_children(*this, o, n, path, out);
  }

  std::optional<core::Error> error;
};

SchemaComparator::SchemaComparator(core::DocumentSet& old_set, core::DocumentSet& new_set)
    : impl_(new Impl(old_set, new_set)) {}
SchemaComparator::~SchemaComparator() { delete impl_; }

void SchemaComparator::set_caching(bool enabled) { impl_->caching = enabled; }

namespace {
std::string where_of(std::string_view subject, std::string_view path, Direction d) {
  std::string where = subject.empty() ? std::string(d == Direction::request ? "request" : "response")
                                      : std::string(subject);
  if (!path.empty()) where += " property '" + std::string(path) + "'";
  else if (subject.empty()) where += " schema";
  return where;
}

bool is_ref(const core::Node* n) { return n && n->is_object() && n->get("$ref") && n->get("$ref")->is_string(); }
}  // namespace

core::Status SchemaComparator::compare(const core::Node* old_schema, const std::string& old_pointer,
                                       const core::Node* new_schema, const std::string& new_pointer,
                                       Direction direction, const SchemaScope& scope, FindingSink& sink) {
  Impl& impl = *impl_;
  impl.error.reset();
  impl.direction = direction;
  auto o = impl.old_graph.get(old_schema, old_pointer);
  if (!o) return o.error();
  auto n = impl.new_graph.get(new_schema, new_pointer);
  if (!n) return n.error();
  FrameOut out;
  impl.compare_pair(*o, *n, true, is_ref(old_schema) || is_ref(new_schema), "", out);
  impl.stack.clear();
  impl.on_stack.clear();
  if (impl.error) return *impl.error;
  std::string prefix = scope.rule_prefix.empty()
                           ? std::string(direction == Direction::request ? "openapi.request-" : "openapi.response-")
                           : scope.rule_prefix;
  for (RawFinding& f : out.findings) {
    std::vector<Arg> args;
    args.reserve(f.args.size() + 3);
    args.push_back({"property", f.path});
    args.push_back({"subject", scope.subject});
    args.push_back({"where", where_of(scope.subject, f.path, direction)});
    for (Arg& a : f.args) args.push_back(std::move(a));
    sink.add(prefix + std::string(f.change), std::move(args), scope.operation, std::move(f.old_place),
             std::move(f.new_place));
  }
  return core::ok_status();
}

}  // namespace accord::diff
