// Without this, a changed component reached along many paths of a densely
// linked schema graph (Stripe's expandable objects) is reported once per
// path: exponentially many findings, and the cache that replays them runs
// out of memory (the Stripe spec3 pair took 5.5 GB and was killed). Applied
// to every frame's findings, keeping the shortest (then smallest) path per
// frame keeps the global choice exact: the best path through a child is the
// prefix joined with the child's best path, so caching still changes nothing.
#include <algorithm>
#include <unordered_map>

#include "diff/schema/internal.h"

namespace accord::diff::schema_detail {

namespace {

size_t mix(size_t h, std::string_view text) { return hash_mix(h, std::hash<std::string_view>()(text)); }

size_t mix_place(size_t h, const std::optional<Place>& place) {
  if (!place) return mix(h, "-");
  return mix(mix(h, place->pointer), place->file);
}

// The same change at the same places, whatever path reached it.
bool same_change(const ChangeFacts& a, const ChangeFacts& b) {
  if (&a == &b) return true;  // copies of one finding
  if (a.identity != b.identity || a.change != b.change || a.args.size() != b.args.size()) return false;
  if (!same_place(a.old_place, b.old_place) || !same_place(a.new_place, b.new_place)) return false;
  for (size_t i = 0; i < a.args.size(); ++i)
    if (a.args[i].name != b.args[i].name || a.args[i].value != b.args[i].value) return false;
  return true;
}

bool shorter_path(const RawFinding& a, const RawFinding& b) {
  if (a.path.size() != b.path.size()) return a.path.size() < b.path.size();
  return a.path < b.path;
}

}  // namespace

size_t identity_of(const ChangeFacts& facts) {
  size_t h = mix_place(mix_place(mix(0, facts.change), facts.old_place), facts.new_place);
  for (const Arg& a : facts.args) h = mix(mix(h, a.name), a.value);
  return h;
}

namespace {

// Whether two findings share an identity hash: most frames have no repeated
// change, and sorting their hashes costs less than the map below (a node
// allocated per finding, on every frame).
bool any_identity_twice(const std::vector<RawFinding>& findings) {
  constexpr size_t kFewFindings = 16;  // compared pairwise: no allocation, no sort
  if (findings.size() <= kFewFindings) {
    for (size_t i = 0; i < findings.size(); ++i)
      for (size_t k = i + 1; k < findings.size(); ++k)
        if (findings[i].facts->identity == findings[k].facts->identity) return true;
    return false;
  }
  std::vector<size_t> ids;
  ids.reserve(findings.size());
  for (const RawFinding& f : findings) ids.push_back(f.facts->identity);
  std::sort(ids.begin(), ids.end());
  return std::adjacent_find(ids.begin(), ids.end()) != ids.end();
}

}  // namespace

void keep_shortest_paths(std::vector<RawFinding>& findings) {
  if (findings.size() < 2 || !any_identity_twice(findings)) return;
  // Per change, the index of the finding with the best path so far (the
  // first of equals). Changes are found by identity, then compared.
  std::unordered_multimap<size_t, uint32_t> best;
  best.reserve(findings.size());
  std::vector<bool> keep(findings.size(), true);
  bool repeated = false;
  for (uint32_t i = 0; i < findings.size(); ++i) {
    const ChangeFacts& facts = *findings[i].facts;
    auto [from, to] = best.equal_range(facts.identity);
    auto it = from;
    while (it != to && !same_change(*findings[it->second].facts, facts)) ++it;
    if (it == to) {
      best.emplace(facts.identity, i);
      continue;
    }
    repeated = true;
    if (shorter_path(findings[i], findings[it->second])) {
      keep[it->second] = false;
      it->second = i;
    } else {
      keep[i] = false;
    }
  }
  if (!repeated) return;
  size_t kept = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!keep[i]) continue;
    if (kept != i) findings[kept] = std::move(findings[i]);
    ++kept;
  }
  findings.erase(findings.begin() + static_cast<std::ptrdiff_t>(kept), findings.end());
}

}  // namespace accord::diff::schema_detail
