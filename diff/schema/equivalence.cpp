// Cheap structural checks of the schema comparator: an identical `$ref`-free
// subtree, and branches that are the same schema once `$ref`s are followed.
#include <cstring>

#include "diff/schema/walker.h"

namespace accord::diff::schema_detail {

namespace {

bool annotation(std::string_view key, const SchemaProfile& profile) {
  return key == "description" || key == "title" || key == "examples" || key == "$comment" ||
         profile.is_annotation(key);
}

// What same_nodes compares next: a `$ref` object stands for its target
// (its siblings are not compared); nullptr when the target is missing.
const core::Node* followed(core::SchemaGraph& graph, const core::Node* n) {
  if (!n->is_object() || !n->get("$ref")) return n;
  auto r = graph.documents().resolve(n);
  return r ? r->node : nullptr;
}

// hash_mix, then a multiply that spreads it (member hashes are summed).
uint64_t mix(uint64_t h, uint64_t v) { return hash_mix(h, v) * 0xff51afd7ed558ccdull; }

// Equal wherever same_nodes says equal, whatever the depth: scalars by
// value (numbers as Node::equals compares them), arrays in order, objects'
// non-annotation members in any order (summed), `$ref`s followed once per
// level as same_nodes follows them. Below `depth` levels only the kind
// counts. Recursive schemas stop at the depth.
uint64_t shape(core::SchemaGraph& graph, const core::Node* node, int depth, const SchemaProfile& profile) {
  const core::Node* n = followed(graph, node);
  if (!n) return 1;
  uint64_t h = static_cast<uint64_t>(n->kind()) + 2;
  if (n->is_number()) {
    double d = n->as_number();
    if (d == 0) d = 0;  // -0 equals 0
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    return mix(h, bits);
  }
  if (n->is_scalar()) return mix(h, std::hash<std::string_view>()(n->text()));
  if (n->is_array()) {
    h = mix(h, n->size());
    if (depth > 0)
      for (size_t i = 0; i < n->size(); ++i) h = mix(h, shape(graph, n->at(i), depth - 1, profile));
    return h;
  }
  uint64_t members = 0, sum = 0;
  for (const core::Member& m : n->children()) {
    if (annotation(m.key, profile)) continue;
    ++members;
    uint64_t member = mix(std::hash<std::string_view>()(m.key), depth > 0 ? shape(graph, m.value, depth - 1, profile) : 0);
    sum += member;
  }
  return mix(mix(h, members), sum);
}

bool node_ref_free(const core::Node* node) {
  if (node->is_scalar()) return true;
  for (const core::Member& m : node->children()) {
    if (node->is_object() && core::reference_of(node)) return false;
    if (!node_ref_free(m.value)) return false;
  }
  return true;
}

}  // namespace

bool Walker::equivalent(const core::SchemaHandle& o, const core::SchemaHandle& n) {
  if (!o || !n) return !o && !n;
  // Most branch pairs differ in shape: no walk and no memo entry for them.
  if (shape_of(old_graph, old_shapes, o.node) != shape_of(new_graph, new_shapes, n.node)) return false;
  auto key = std::make_pair(o.node, n.node);
  auto it = equivalence_memo.find(key);
  if (it != equivalence_memo.end()) return it->second;
  int budget = 20000;
  std::set<std::pair<const core::Node*, const core::Node*>> assumed;
  bool same = same_nodes(o.node, n.node, budget, assumed);
  equivalence_memo.emplace(key, same);
  return same;
}

uint64_t Walker::shape_of(core::SchemaGraph& graph, std::unordered_map<const core::Node*, uint64_t>& shapes,
                          const core::Node* node) {
  constexpr int kShapeDepth = 2;  // most branch pairs that differ, differ within two levels
  auto [it, fresh] = shapes.try_emplace(node, 0);
  if (fresh) it->second = shape(graph, node, kShapeDepth, *profile);
  return it->second;
}

// Structural equality through $refs; a pair met again is assumed equal
// (recursive schemas), a spent budget is "not equal".
bool Walker::same_nodes(const core::Node* a, const core::Node* b, int& budget,
                        std::set<std::pair<const core::Node*, const core::Node*>>& assumed) {
  if (--budget < 0) return false;
  const core::Node* followed_a = followed(old_graph, a);
  const core::Node* followed_b = followed(new_graph, b);
  if (!followed_a || !followed_b) return false;
  // Only a `$ref` can lead back to a pair being compared: pairs reached
  // without one need no entry (most of them, and each entry allocates).
  const bool through_ref = followed_a != a || followed_b != b;
  a = followed_a;
  b = followed_b;
  if (through_ref && !assumed.insert({a, b}).second) return true;
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
    if (annotation(m.key, *profile)) continue;
    ++counted;
    const core::Node* other = b->get(m.key);
    if (!other || !same_nodes(m.value, other, budget, assumed)) return false;
  }
  size_t other_count = 0;
  for (const core::Member& m : b->children()) other_count += annotation(m.key, *profile) ? 0 : 1;
  return counted == other_count;
}

bool Walker::ref_free(const core::SchemaHandle& h) {
  if (!h) return true;
  auto [it, fresh] = ref_free_memo.try_emplace(h.node, false);
  if (fresh) it->second = node_ref_free(h.node);
  return it->second;
}

// An identical subtree without any `$ref` in it cannot differ.
bool Walker::unchanged(const core::Schema* o, const core::Schema* n) {
  if (o->boolean_schema || n->boolean_schema)
    return o->boolean_schema && n->boolean_schema && o->accepts_nothing == n->accepts_nothing;
  if (o->base || n->base || o->synthetic || n->synthetic || o->dialect != n->dialect) return false;
  if (!o->node->equals(*n->node)) return false;
  auto [it, fresh] = ref_free_memo.try_emplace(o->node, false);
  if (fresh) it->second = node_ref_free(o->node);
  return it->second;
}

}  // namespace accord::diff::schema_detail
