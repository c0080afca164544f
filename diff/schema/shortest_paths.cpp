// Without this, a changed component reached along many paths of a densely
// linked schema graph (Stripe's expandable objects) is reported once per
// path: exponentially many findings, and the cache that replays them runs
// out of memory (the Stripe spec3 pair took 5.5 GB and was killed). Applied
// to every frame's findings, keeping the shortest (then smallest) path per
// frame keeps the global choice exact: the best path through a child is the
// prefix joined with the child's best path, so caching still changes nothing.
#include <algorithm>

#include "diff/schema/internal.h"

namespace accord::diff::schema_detail {

namespace {

int compare_places(const std::optional<Place>& x, const std::optional<Place>& y) {
  if (x.has_value() != y.has_value()) return x.has_value() ? 1 : -1;
  if (!x) return 0;
  if (int c = x->pointer.compare(y->pointer)) return c;
  return x->file.compare(y->file);
}

// Orders findings by what changed and where, not by the path that reached it.
int compare_changes(const RawFinding& found_a, const RawFinding& found_b) {
  if (found_a.facts == found_b.facts) return 0;  // copies of one finding
  const ChangeFacts& a = *found_a.facts;
  const ChangeFacts& b = *found_b.facts;
  if (int c = a.change.compare(b.change)) return c;
  if (int c = compare_places(a.old_place, b.old_place)) return c;
  if (int c = compare_places(a.new_place, b.new_place)) return c;
  if (a.args.size() != b.args.size()) return a.args.size() < b.args.size() ? -1 : 1;
  for (size_t i = 0; i < a.args.size(); ++i) {
    if (int c = a.args[i].name.compare(b.args[i].name)) return c;
    if (int c = a.args[i].value.compare(b.args[i].value)) return c;
  }
  return 0;
}

bool shorter_path(const RawFinding& a, const RawFinding& b) {
  if (a.path.size() != b.path.size()) return a.path.size() < b.path.size();
  return a.path < b.path;
}

}  // namespace

void keep_shortest_paths(std::vector<RawFinding>& findings) {
  if (findings.size() < 2) return;
  std::vector<uint32_t> order(findings.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    int c = compare_changes(findings[a], findings[b]);
    return c != 0 ? c < 0 : shorter_path(findings[a], findings[b]);
  });
  std::vector<bool> keep(findings.size(), false);
  for (size_t i = 0; i < order.size(); ++i)  // the first of each run of one change has the best path
    keep[order[i]] = i == 0 || compare_changes(findings[order[i - 1]], findings[order[i]]) != 0;
  size_t kept = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!keep[i]) continue;
    if (kept != i) findings[kept] = std::move(findings[i]);
    ++kept;
  }
  findings.erase(findings.begin() + static_cast<std::ptrdiff_t>(kept), findings.end());
}

}  // namespace accord::diff::schema_detail
