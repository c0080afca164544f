// Tracking, cycles and the cache of the schema comparator (see walker.h).
#include "diff/schema/walker.h"

#include <algorithm>

namespace accord::diff::schema_detail {

using core::Schema;
using core::SchemaHandle;

void Walker::begin(Direction d) {
  error.reset();
  depth = 0;
  expansions = 0;
  body_calls = 0;
  approximate_reported = stop_reported = false;
  direction = d;
}

uint32_t Walker::intern(const Schema* o, const Schema* n) {
  auto [it, fresh] = ids.try_emplace(PairKey{o, n, direction}, static_cast<uint32_t>(ids.size()));
  (void)fresh;
  return it->second;
}

const Schema* Walker::any_like(const Schema* parent) {
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

const Schema* Walker::load(core::SchemaGraph& graph, const SchemaHandle& h) {
  if (error) return nullptr;
  auto s = graph.get(h);
  if (!s) {
    error = s.error();
    return nullptr;
  }
  return *s;
}

bool Walker::footprint_on_stack(const std::vector<uint32_t>& footprint) const {
  for (uint32_t id : stack)
    if (std::binary_search(footprint.begin(), footprint.end(), id)) return true;
  return false;
}

namespace {
// No reserve(size + n): called once per child, an exact reserve regrew the
// vector on every call (quadratic copying, and fresh pages each time).
void append(FrameOut& out, const std::vector<RawFinding>& findings, const std::string& prefix) {
  for (const RawFinding& f : findings) out.findings.emplace_back(join_path(prefix, f.path), f);
}

// The same, for findings no cache keeps: moved, not copied.
void append_moved(FrameOut& out, std::vector<RawFinding>&& findings, const std::string& prefix) {
  for (RawFinding& f : findings) {
    if (!prefix.empty()) f.path = join_path(prefix, f.path);
    out.findings.push_back(std::move(f));
  }
}

const Schema* innermost(const Schema* s) {
  while (s->base) s = s->base;
  return s;
}
}  // namespace

void Walker::compare_pair(const Schema* o, const Schema* n, bool tracked, bool cacheable, const std::string& path,
                          FrameOut& out) {
  if (error || !o || !n) return;
  if (!tracked) return compare_body(o, n, path, out);
  if (o->base || n->base) {
    // A `$ref` with siblings has the children of its target: when the
    // target pair is being compared further up, only the siblings' own
    // keywords are new here (else `$ref: '#'` plus a default in every
    // property of a root schema nests without end).
    uint32_t base_id = intern(innermost(o), innermost(n));
    if (auto it = on_stack.find(base_id); it != on_stack.end()) {
      out.footprint.push_back(base_id);
      out.lowest_cut = std::min(out.lowest_cut, it->second);
      run_keyword_checks(o, n, path, out);
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
    if (hit != cache.end() &&
        (lenient() || !footprint_on_stack(hit->second.footprint))) {
      append(out, hit->second.findings, path);
      out.footprint.insert(out.footprint.end(), hit->second.footprint.begin(), hit->second.footprint.end());
      return;
    }
  }
  if (++expansions == exact_budget + 1)
    report_budget("comparison-approximate", std::to_string(exact_budget) + " expansions", o, n, path, out);
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
  out.footprint.insert(out.footprint.end(), local.footprint.begin(), local.footprint.end());
  if (caching && cacheable && !error && (local.lowest_cut >= depth || lenient())) {
    append(out, local.findings, path);
    cache[id] = CacheEntry{std::move(local.findings), std::move(local.footprint)};
  } else {
    append_moved(out, std::move(local.findings), path);
  }
}

void Walker::report_budget(std::string_view change, std::string limit, const Schema* o, const Schema* n,
                           const std::string& path, FrameOut& out) {
  bool& reported = change == "comparison-stopped" ? stop_reported : approximate_reported;
  if (reported) return;
  reported = true;
  out.findings.push_back(
      RawFinding{change, path, {{"limit", std::move(limit)}}, place_of_schema(o), place_of_schema(n)});
}

}  // namespace accord::diff::schema_detail
