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
//
// walker.cpp: tracking, cycles, cache and budgets; walker_body.cpp: one
// pair's body (normalisation, then the table's keyword checks and children); equivalence.cpp:
// the cheap structural checks.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "diff/schema/internal.h"
#include "diff/schema/normalize.h"
#include "diff/schema/pairing.h"

namespace accord::diff::schema_detail {

struct Walker : PairWalker {
  Walker(core::DocumentSet& old_set, core::DocumentSet& new_set, const SchemaProfile& schema_profile)
      : old_graph(old_set, schema_profile.vocabulary), new_graph(new_set, schema_profile.vocabulary), old_merger(old_graph, schema_profile),
        new_merger(new_graph, schema_profile) {
    profile = &schema_profile;
  }

  struct PairKey {
    const core::Schema* o;
    const core::Schema* n;
    Direction d;
    bool operator==(const PairKey&) const = default;
  };
  struct PairHash {
    size_t operator()(const PairKey& k) const {
      size_t h = hash_mix(std::hash<const void*>()(k.o), std::hash<const void*>()(k.n));
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
  struct NodePairHash {
    size_t operator()(const std::pair<const core::Node*, const core::Node*>& k) const {
      return hash_mix(std::hash<const void*>()(k.first), std::hash<const void*>()(k.second));
    }
  };
  std::unordered_map<std::pair<const core::Node*, const core::Node*>, bool, NodePairHash> equivalence_memo;
  std::unordered_map<const core::Node*, uint64_t> old_shapes, new_shapes;  // shape_of, per side
  core::StablePool<core::Schema> any_schemas;  // stand-ins for an absent subschema ({}), one per parent
  std::unordered_map<const core::Schema*, const core::Schema*> any_by_parent;
  std::optional<core::Error> error;

  // Exact caching refuses results that depend on how a cycle was entered.
  // In a schema where everything cycles through one root (a JSON Schema
  // whose branches `$ref: '#'`) that means expanding a DAG into a tree:
  // exponential. Past this many expansions in one compare() call, such
  // results are cached and replayed anyway: findings inside a cycle may then
  // be reported at another path of the same cycle (said once, in a
  // comparison-approximate finding), but comparison stays linear.
  size_t exact_budget = 20000;
  size_t expansions = 0;
  // A hard stop: pairing mismatched branches of schemas that all `$ref` one
  // root can make the pair graph quadratic and deep; never hang. Reaching it
  // is said once (comparison-stopped), where it happened. The Stripe spec3
  // pair needs 322k pair bodies in its largest compare() call (it ran into
  // the old 200k limit unannounced); 400k leaves room. Past it (a pair graph
  // gone quadratic) time grows faster than linearly: paths get long.
  size_t body_budget = 400000;
  size_t body_calls = 0;
  // Pairs nest as deep as the two schema graphs allow (mismatched recursive
  // branches can descend without repeating a pair): past this depth the
  // stack, not the budget, would run out.
  static constexpr size_t kDepthBudget = 150;
  size_t depth = 0;
  bool approximate_reported = false, stop_reported = false;
  bool lenient() const { return expansions > exact_budget; }

  // Resets the per-compare() state.
  void begin(Direction d);

  uint32_t intern(const core::Schema* o, const core::Schema* n);
  bool footprint_on_stack(const std::vector<uint32_t>& footprint) const;
  const core::Schema* load(core::SchemaGraph& graph, const core::SchemaHandle& h);

  // PairWalker
  void keep_error(const core::Status& status) override {
    if (!status.ok() && !error) error = status.error();
  }
  const core::Schema* old_schema(const core::SchemaHandle& h) override { return load(old_graph, h); }
  const core::Schema* new_schema(const core::SchemaHandle& h) override { return load(new_graph, h); }
  const core::Schema* any_like(const core::Schema* parent) override;
  bool equivalent(const core::SchemaHandle& o, const core::SchemaHandle& n) override;
  uint64_t branch_shape(const core::SchemaHandle& h, bool old_side) override {
    if (!h) return 0;
    return old_side ? shape_of(old_graph, old_shapes, h.node) : shape_of(new_graph, new_shapes, h.node);
  }
  bool ref_free(const core::SchemaHandle& h) override;
  void compare_pair(const core::Schema* o, const core::Schema* n, bool tracked, bool cacheable,
                    const std::string& path, FrameOut& out) override;

  // walker_body.cpp
  // With the budgets checked; compare_body_unbounded is the body itself.
  void compare_body(const core::Schema* o, const core::Schema* n, const std::string& path, FrameOut& out);
  void compare_body_unbounded(const core::Schema* o, const core::Schema* n, const std::string& path, FrameOut& out);
  // The keyword checks of one pair, run from the rule table (checks.h).
  void run_keyword_checks(const core::Schema* o, const core::Schema* n, const std::string& path, FrameOut& out);
  bool compare_merged(const core::Schema* o, const core::Schema* n, const std::string& path, FrameOut& out,
                      std::string_view& not_merged);
  bool compare_unwrapped(const core::Schema* o, const core::Schema* n, const std::string& path, FrameOut& out);
  bool compare_widened(const core::Schema* o, const core::Schema* n, const std::string& path, FrameOut& out);
  // One info finding the first time a budget is met in a compare() call.
  void report_budget(std::string_view change, std::string limit, const core::Schema* o, const core::Schema* n,
                     const std::string& path, FrameOut& out);

  // equivalence.cpp
  bool unchanged(const core::Schema* o, const core::Schema* n);
  // A hash of what same_nodes compares, a few levels deep: schemas it calls
  // the same have the same shape, so pairs whose shapes differ need no walk.
  uint64_t shape_of(core::SchemaGraph& graph, std::unordered_map<const core::Node*, uint64_t>& shapes,
                    const core::Node* node);
  bool same_nodes(const core::Node* a, const core::Node* b, int& budget,
                  std::set<std::pair<const core::Node*, const core::Node*>>& assumed);
};

}  // namespace accord::diff::schema_detail
