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
#include <map>
#include <set>
#include <unordered_map>

#include "diff/schema/internal.h"
#include "diff/schema/normalize.h"
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
  Impl(core::DocumentSet& old_set, core::DocumentSet& new_set)
      : old_graph(old_set), new_graph(new_set), old_merger(old_graph), new_merger(new_graph) {}

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
  AllOfMerger old_merger, new_merger;
  bool caching = true;
  std::string earliest_sunset;
  std::unordered_map<PairKey, uint32_t, PairHash> ids;
  std::unordered_map<uint32_t, CacheEntry> cache;
  std::unordered_map<uint32_t, uint32_t> on_stack;  // pair id -> stack depth
  std::vector<uint32_t> stack;
  std::unordered_map<const core::Node*, bool> ref_free_memo;
  std::map<std::pair<const core::Node*, const core::Node*>, bool> equivalence_memo;
  std::deque<Schema> any_schemas;  // stand-ins for an absent subschema ({}), one per parent
  std::unordered_map<const Schema*, const Schema*> any_by_parent;

  // Exact caching refuses results that depend on how a cycle was entered.
  // In a schema where everything cycles through one root (a JSON Schema
  // whose branches `$ref: '#'`) that means expanding a DAG into a tree:
  // exponential. Past this many expansions in one compare() call, such
  // results are cached and replayed anyway: findings inside a cycle may then
  // be reported at another path of the same cycle, but comparison stays linear.
  static constexpr size_t kExactBudget = 20000;
  size_t expansions = 0;
  static constexpr size_t kBodyBudget = 200000;
  size_t body_calls = 0;
  bool lenient() const { return expansions > kExactBudget; }

  uint32_t intern(const Schema* o, const Schema* n) {
    auto [it, fresh] = ids.try_emplace(PairKey{o, n, direction}, static_cast<uint32_t>(ids.size()));
    (void)fresh;
    return it->second;
  }

  // PairWalker
  const Schema* old_schema(const SchemaHandle& h) override { return load(old_graph, h); }
  const Schema* new_schema(const SchemaHandle& h) override { return load(new_graph, h); }
  const Schema* any_like(const Schema* parent) override {
    // What an `any` schema holds is that same `any`: a fresh one per level let
    // a recursive schema on the other side nest without end (found by fuzzing).
    if (parent->boolean_schema && !parent->accepts_nothing) return parent;
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

  bool equivalent(const SchemaHandle& o, const SchemaHandle& n) override {
    auto key = std::make_pair(o.node, n.node);
    auto it = equivalence_memo.find(key);
    if (it != equivalence_memo.end()) return it->second;
    int budget = 20000;
    std::set<std::pair<const core::Node*, const core::Node*>> assumed;
    bool same = same_nodes(o.node, n.node, budget, assumed);
    equivalence_memo.emplace(key, same);
    return same;
  }

  static bool annotation(std::string_view key) {
    return key == "description" || key == "title" || key == "example" || key == "examples" || key == "$comment" ||
           key == "externalDocs" || key.rfind("x-", 0) == 0;
  }

  // Structural equality through $refs; a pair met again is assumed equal
  // (recursive schemas), a spent budget is "not equal".
  bool same_nodes(const core::Node* a, const core::Node* b, int& budget,
                  std::set<std::pair<const core::Node*, const core::Node*>>& assumed) {
    if (--budget < 0) return false;
    auto follow = [](core::SchemaGraph& graph, const core::Node* n) -> const core::Node* {
      if (!n->is_object() || !n->get("$ref")) return n;
      auto r = graph.documents().resolve(n);
      return r ? r->node : nullptr;
    };
    a = follow(old_graph, a);
    b = follow(new_graph, b);
    if (!a || !b) return false;
    if (!assumed.insert({a, b}).second) return true;
    if (a->kind() != b->kind()) return false;
    if (a->is_scalar()) return a->equals(*b);
    if (a->is_array()) {
      if (a->size() != b->size()) return false;
      for (size_t i = 0; i < a->size(); ++i)
        if (!same_nodes(a->at(i), b->at(i), budget, assumed)) return false;
      return true;
    }
    size_t counted = 0;
    for (const core::Member& m : a->children()) {
      if (annotation(m.key)) continue;
      ++counted;
      const core::Node* other = b->get(m.key);
      if (!other || !same_nodes(m.value, other, budget, assumed)) return false;
    }
    size_t other_count = 0;
    for (const core::Member& m : b->children()) other_count += annotation(m.key) ? 0 : 1;
    return counted == other_count;
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
    if (o->base || n->base) {
      // A `$ref` with siblings has the children of its target: when the
      // target pair is being compared further up, only the siblings' own
      // keywords are new here (else `$ref: '#'` plus a default in every
      // property of a root schema nests without end).
      auto innermost = [](const Schema* s) {
        while (s->base) s = s->base;
        return s;
      };
      uint32_t base_id = intern(innermost(o), innermost(n));
      if (auto it = on_stack.find(base_id); it != on_stack.end()) {
        out.footprint.push_back(base_id);
        out.lowest_cut = std::min(out.lowest_cut, it->second);
        compare_keywords(*o, *n, direction, path, earliest_sunset, out);
        return;
      }
    }
    uint32_t id = intern(o, n);
    out.footprint.push_back(id);
    if (auto it = on_stack.find(id); it != on_stack.end()) {
      out.lowest_cut = std::min(out.lowest_cut, it->second);
      return;
    }
    if (caching && cacheable) {
      auto hit = cache.find(id);
      if (hit != cache.end() && (lenient() || !footprint_on_stack(hit->second.footprint))) {
        append(out, hit->second.findings, path);
        out.footprint.insert(out.footprint.end(), hit->second.footprint.begin(), hit->second.footprint.end());
        return;
      }
    }
    ++expansions;
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
    keep_shortest_paths(local.findings);
    append(out, local.findings, path);
    out.footprint.insert(out.footprint.end(), local.footprint.begin(), local.footprint.end());
    if (caching && cacheable && !error && (local.lowest_cut >= depth || lenient()))
      cache[id] = CacheEntry{std::move(local.findings), std::move(local.footprint)};
  }

  // An identical subtree without any `$ref` in it cannot differ.
  bool unchanged(const Schema* o, const Schema* n) {
    if (o->boolean_schema || n->boolean_schema)
      return o->boolean_schema && n->boolean_schema && o->accepts_nothing == n->accepts_nothing;
    if (o->base || n->base || o->synthetic || n->synthetic) return false;
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
    // A hard stop: pairing mismatched branches of schemas that all `$ref`
    // one root can make the pair graph quadratic and deep; never hang.
    if (++body_calls > kBodyBudget) return;
    if (unchanged(o, n)) return;
    if (o->accepts_nothing != n->accepts_nothing) {
      const char* change = o->accepts_nothing ? "type-widened" : "type-narrowed";
      std::vector<Arg> args{{"old", o->accepts_nothing ? "nothing" : "any"}, {"new", n->accepts_nothing ? "nothing" : "any"}};
      if (has_rule(change, direction))
        out.findings.push_back(RawFinding{change, path, std::move(args), place_of_schema(o), place_of_schema(n)});
      return;
    }
    if (compare_unwrapped(o, n, path, out)) return;
    std::string_view not_merged;
    if (compare_merged(o, n, path, out, not_merged)) return;
    if (not_merged.empty()) {
      compare_keywords(*o, *n, direction, path, earliest_sunset, out);
      compare_children(*this, o, n, path, out);
      return;
    }
    // Branches compared one by one are less exact: said once, where
    // something was found (an unchanged schema says nothing).
    FrameOut local;
    compare_keywords(*o, *n, direction, path, earliest_sunset, local);
    compare_children(*this, o, n, path, local);
    out.lowest_cut = std::min(out.lowest_cut, local.lowest_cut);
    out.footprint.insert(out.footprint.end(), local.footprint.begin(), local.footprint.end());
    if (!local.findings.empty())
      out.findings.push_back(RawFinding{"all-of-not-merged", path, {{"reason", std::string(not_merged)}},
                                        place_of_schema(o), place_of_schema(n)});
    for (RawFinding& f : local.findings) out.findings.push_back(std::move(f));
  }

  // Each side's allOf merged into one schema; the merged pair is compared
  // instead (tracked and cached like a $ref pair: the merge is memoised).
  bool compare_merged(const Schema* o, const Schema* n, const std::string& path, FrameOut& out,
                      std::string_view& not_merged) {
    if (o->all_of.empty() && n->all_of.empty()) return false;
    Normalized no = old_merger.normalize(o), nn = new_merger.normalize(n);
    if (no.schema != o || nn.schema != n) {
      compare_pair(no.schema, nn.schema, true, true, path, out);
      return true;
    }
    not_merged = no.not_merged.empty() ? nn.not_merged : no.not_merged;
    return false;
  }

  // `allOf: [$ref: X]` is X; `oneOf: [{type: 'null'}, X]` is a nullable X.
  bool compare_unwrapped(const Schema* o, const Schema* n, const std::string& path, FrameOut& out) {
    bool old_null = false, new_null = false;
    const SchemaHandle* oi = wrapped_branch(*this, *o, true, old_null);
    const SchemaHandle* ni = wrapped_branch(*this, *n, false, new_null);
    if (!oi && !ni) return false;
    // A wrapper against a real composition compares branch by branch instead.
    auto composed = [](const Schema* s) { return !s->all_of.empty() || !s->any_of.empty() || !s->one_of.empty(); };
    if ((oi && !ni && composed(n)) || (ni && !oi && composed(o))) return false;
    const Schema* os = oi ? old_schema(*oi) : o;
    const Schema* ns = ni ? new_schema(*ni) : n;
    if (!os || !ns) return true;
    bool was = old_null || os->nullable, is = new_null || ns->nullable;
    bool via_ref = (oi && oi->via_ref) || (ni && ni->via_ref);
    if (os->nullable == ns->nullable) {
      if (was != is) {
        const char* change = is ? "became-nullable" : "became-not-nullable";
        if (has_rule(change, direction))
          out.findings.push_back(RawFinding{change, path, {}, place_of_schema(o), place_of_schema(n)});
      }
      compare_pair(os, ns, via_ref, via_ref, path, out);
      return true;
    }
    // The inner schemas differ in nullability but the wrappers may not (3.0
    // `nullable: true` against 3.1 `anyOf: [X, {type: 'null'}]`): nullability
    // is decided here, once, not by the inner comparison.
    FrameOut inner;
    compare_pair(os, ns, via_ref, via_ref, path, inner);
    out.lowest_cut = std::min(out.lowest_cut, inner.lowest_cut);
    out.footprint.insert(out.footprint.end(), inner.footprint.begin(), inner.footprint.end());
    for (RawFinding& f : inner.findings)
      if (f.path != path || (f.change != "became-nullable" && f.change != "became-not-nullable"))
        out.findings.push_back(std::move(f));
    if (was != is) {
      const char* change = is ? "became-nullable" : "became-not-nullable";
      if (has_rule(change, direction))
        out.findings.push_back(RawFinding{change, path, {}, place_of_schema(o), place_of_schema(n)});
    }
    return true;
  }

  std::optional<core::Error> error;
};

SchemaComparator::SchemaComparator(core::DocumentSet& old_set, core::DocumentSet& new_set)
    : impl_(new Impl(old_set, new_set)) {}
SchemaComparator::~SchemaComparator() { delete impl_; }

void SchemaComparator::set_caching(bool enabled) { impl_->caching = enabled; }
void SchemaComparator::set_earliest_sunset(std::string day) { impl_->earliest_sunset = std::move(day); }

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
  impl.expansions = 0;
  impl.body_calls = 0;
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
  keep_shortest_paths(out.findings);
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
