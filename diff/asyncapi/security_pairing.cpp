// How the walk pairs the security requirements of a server or operation: a
// client satisfies one old requirement, so each old one is matched to the
// new requirement that client is most likely to use (rules_security.cpp
// says what the pairs mean).
#include <algorithm>
#include <set>

#include "diff/asyncapi/rules.h"

namespace accord::diff::asyncapi {

namespace {

std::set<std::string> names_of(const SecurityRequirement& r) {
  std::set<std::string> out;
  for (const SecurityEntry& e : r.schemes) out.insert(e.name);
  return out;
}

size_t common(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const std::string& x : a) n += b.count(x);
  return n;
}

}  // namespace

bool requires_credentials(const std::vector<SecurityRequirement>& list) {
  return !list.empty() &&
         std::none_of(list.begin(), list.end(), [](const SecurityRequirement& r) { return r.schemes.empty(); });
}

std::string label_of(const SecurityRequirement& r) {
  std::string out;
  for (const std::string& name : names_of(r)) out += (out.empty() ? "" : " + ") + name;
  return out;
}

// The same schemes; else the largest requirement asking for none the old
// one lacks (its clients still pass); else the one sharing most schemes
// (fewest added on a tie).
const SecurityRequirement* counterpart(const SecurityRequirement& old_req, const std::vector<SecurityRequirement>& n) {
  std::set<std::string> had = names_of(old_req);
  const SecurityRequirement* subset = nullptr;
  const SecurityRequirement* overlap = nullptr;
  for (const SecurityRequirement& r : n) {
    std::set<std::string> names = names_of(r);
    if (names.empty()) continue;
    if (names == had) return &r;
    size_t shared = common(names, had);
    if (shared == names.size() && (!subset || names.size() > subset->schemes.size())) subset = &r;
    if (shared == 0) continue;
    if (!overlap) {
      overlap = &r;
      continue;
    }
    size_t best = common(names_of(*overlap), had);
    if (shared > best || (shared == best && names.size() < overlap->schemes.size())) overlap = &r;
  }
  return subset ? subset : overlap;
}

}  // namespace accord::diff::asyncapi
