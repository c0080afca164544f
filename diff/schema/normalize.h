// Normalisation before comparison: an `allOf` is merged into one schema, so
// that two schemas are compared by what they accept, not by how they are
// split. `$ref X`, `allOf: [$ref X]` and `allOf: [$ref X, {}]` normalise to
// the same schema (X itself); an object split into `allOf` halves normalises
// to the object. A merge that cannot be expressed as one schema (conflicting
// types, two different patterns...) keeps the `allOf` and says why.
#pragma once

#include <deque>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/schema.h"
#include "diff/schema/profile.h"

namespace accord::diff::schema_detail {

struct Normalized {
  const core::Schema* schema = nullptr;  // the input itself when there was nothing to merge
  std::string_view not_merged;           // why an allOf was kept ("" when merged or no allOf)
};

class AllOfMerger {
 public:
  AllOfMerger(core::SchemaGraph& graph, const SchemaProfile& profile) : graph_(graph), profile_(profile) {}
  AllOfMerger(const AllOfMerger&) = delete;
  AllOfMerger& operator=(const AllOfMerger&) = delete;

  // Memoised: the same input yields the same Schema object, so pair caching
  // and cycle detection in the comparator keep working on merged schemas.
  Normalized normalize(const core::Schema* s);

 private:
  const core::Schema* load(const core::SchemaHandle& h);
  // Folds `part` into `into`; "" on success, else why it cannot be merged.
  std::string_view fold(core::Schema& into, const core::Schema& part);
  std::string_view fold_applicators(core::Schema& into, const core::Schema& part);
  // A schema standing for the intersection of two subschemas (a lazy allOf).
  core::SchemaHandle both(const core::SchemaHandle& a, const core::SchemaHandle& b);

  core::SchemaGraph& graph_;
  const SchemaProfile& profile_;
  core::StablePool<core::Schema> made_;
  std::unordered_map<const core::Schema*, Normalized> memo_;
  std::unordered_set<const core::Schema*> merging_;
};

}  // namespace accord::diff::schema_detail
