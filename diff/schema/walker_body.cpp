// One pair's body in the schema comparator: wrappers unwrapped and allOfs
// merged first (schemas are compared by what they accept), then the
// keywords and the children.
#include "diff/schema/walker.h"

#include "diff/schema/branch_pairing.h"
#include "diff/schema/checks.h"

namespace accord::diff::schema_detail {

using core::Schema;
using core::SchemaHandle;

void Walker::compare_body(const Schema* o, const Schema* n, const std::string& path, FrameOut& out) {
  if (++body_calls > body_budget)
    return report_budget("comparison-stopped", std::to_string(body_budget) + " schema pairs", o, n, path, out);
  if (unchanged(o, n)) return;
  if (depth >= kDepthBudget)
    return report_budget("comparison-stopped", std::to_string(kDepthBudget) + " nested schema pairs", o, n, path, out);
  ++depth;
  compare_body_unbounded(o, n, path, out);
  --depth;
}

void Walker::compare_body_unbounded(const Schema* o, const Schema* n, const std::string& path, FrameOut& out) {
  if (o->accepts_nothing != n->accepts_nothing)
    return run_decided(*this, DecidedPair{.what = Decision::acceptance, .old_s = *o, .new_s = *n, .path = path}, out);
  if (compare_unwrapped(o, n, path, out)) return;
  std::string_view not_merged;
  if (compare_merged(o, n, path, out, not_merged)) return;
  if (not_merged.empty() && compare_widened(o, n, path, out)) return;
  if (not_merged.empty()) {
    run_keyword_checks(o, n, path, out);
    compare_children(*this, o, n, path, out);
    return;
  }
  // Branches compared one by one are less exact: said once, where
  // something was found (an unchanged schema says nothing).
  FrameOut local;
  run_keyword_checks(o, n, path, local);
  compare_children(*this, o, n, path, local);
  out.lowest_cut = std::min(out.lowest_cut, local.lowest_cut);
  out.footprint.insert(out.footprint.end(), local.footprint.begin(), local.footprint.end());
  if (!local.findings.empty())
    out.findings.push_back(RawFinding{"all-of-not-merged", path, {{"reason", std::string(not_merged)}},
                                      place_of_schema(o), place_of_schema(n)});
  for (RawFinding& f : local.findings) out.findings.push_back(std::move(f));
}

// Every check of the rule table, once each, in table order (checks.h). A
// check that reported another row's change is the walker's error: the
// comparison fails rather than report under the wrong rule.
void Walker::run_keyword_checks(const Schema* o, const Schema* n, const std::string& path, FrameOut& out) {
  CheckInput input{*o, *n, direction, path, *profile, earliest_sunset};
  if (auto status = run_checks(table_checks(), input, out); !status.ok() && !error) error = status.error();
}

// Each side's allOf merged into one schema; the merged pair is compared
// instead (tracked and cached like a $ref pair: the merge is memoised).
bool Walker::compare_merged(const Schema* o, const Schema* n, const std::string& path, FrameOut& out,
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
bool Walker::compare_unwrapped(const Schema* o, const Schema* n, const std::string& path, FrameOut& out) {
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
  bool was = old_null || os->null_allowed, is = new_null || ns->null_allowed;
  bool via_ref = (oi && oi->via_ref) || (ni && ni->via_ref);
  auto report_nullability = [&] {
    run_decided(*this, DecidedPair{Decision::nullability, *o, *n, was, is, path}, out);
  };
  if (os->null_allowed == ns->null_allowed) {
    report_nullability();
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
    if (f.path != path || (f.change() != "became-nullable" && f.change() != "became-not-nullable"))
      out.findings.push_back(std::move(f));
  report_nullability();
  return true;
}

// `X` against `oneOf: [X, Y]` (or the reverse): X pairs with its branch
// and the other branches were added (removed), which widens (narrows) what
// is accepted; X's properties are not "removed" by the wrapping.
bool Walker::compare_widened(const Schema* o, const Schema* n, const std::string& path, FrameOut& out) {
  std::string_view old_keyword, new_keyword;
  const std::vector<SchemaHandle>* old_branches = alternatives_of(*o, *profile, old_keyword);
  const std::vector<SchemaHandle>* new_branches = alternatives_of(*n, *profile, new_keyword);
  if ((old_branches != nullptr) == (new_branches != nullptr)) return false;
  const Schema* lone = old_branches ? n : o;
  if (lone->unconstrained() || !lone->all_of.empty() || !lone->any_of.empty() || !lone->one_of.empty()) return false;
  std::vector<SchemaHandle> self(1);
  self[0].node = lone->node;
  self[0].pointer = lone->pointer;
  self[0].resolved = lone;
  const std::vector<SchemaHandle>& ol = old_branches ? *old_branches : self;
  const std::vector<SchemaHandle>& nl = new_branches ? *new_branches : self;
  BranchPairing p = pair_branches(*this, BranchList{ol, o, true, !old_branches}, BranchList{nl, n, false, !new_branches});
  if (p.pairs.size() != 1) return false;
  auto [i, j] = p.pairs.front();
  bool via_ref = ol[i].via_ref || nl[j].via_ref;
  compare_pair(old_schema(ol[i]), new_schema(nl[j]), via_ref, via_ref, path, out);
  // The lone side's list is itself: only the other side's keyword counts.
  std::string_view removed_from = old_keyword == "any-of" ? "any-of" : "one-of";
  std::string_view added_to = new_keyword == "any-of" ? "any-of" : "one-of";
  for (size_t k : p.old_left)
    run_unpaired_branch(*this, UnpairedBranch{true, removed_from, old_schema(ol[k]), n, branch_name(ol[k], k), path}, out);
  for (size_t k : p.new_left)
    run_unpaired_branch(*this, UnpairedBranch{false, added_to, o, new_schema(nl[k]), branch_name(nl[k], k), path}, out);
  return true;
}

}  // namespace accord::diff::schema_detail
