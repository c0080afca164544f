// Pairing the branches of two compositions (anyOf / oneOf / allOf) by what
// they mean, not where they stand: the same `$ref` target first, then the
// same schema once `$ref`s are followed, the same discriminator value, the
// same const/enum tag, then the most similar structure; only what is left
// pairs by position (when both sides have as many left).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff/schema/pairing.h"

namespace accord::diff::schema_detail {

// One side's branches as the pairing sees them.
struct BranchList {
  const std::vector<core::SchemaHandle>& handles;
  const core::Schema* parent;  // the schema holding the composition (its discriminator)
  bool old_side;
  // A schema standing alone against a composition (one handle: itself); its
  // pointer is the target a `$ref` branch on the other side names.
  bool lone = false;
};

struct BranchPairing {
  std::vector<std::pair<size_t, size_t>> pairs;  // (old index, new index), by old index
  std::vector<size_t> old_left, new_left;        // unpaired, in list order
};

BranchPairing pair_branches(PairWalker& walker, const BranchList& old_list, const BranchList& new_list);

// How a finding names a branch: its $ref's last segment, its title, or "#<index>".
std::string branch_name(const core::SchemaHandle& h, size_t index);

// The branches of a schema that is only an anyOf or a oneOf (nothing but
// annotations and a discriminator beside it), else nullptr; `keyword` is
// "any-of" or "one-of" then. (A discriminator beside it only where the profile has one.)
const std::vector<core::SchemaHandle>* alternatives_of(const core::Schema& s, const SchemaProfile& profile,
                                                      std::string_view& keyword);

// Whether a key beside a composition changes nothing it accepts.
bool inert_beside_composition(std::string_view key, const SchemaProfile& profile);

}  // namespace accord::diff::schema_detail
