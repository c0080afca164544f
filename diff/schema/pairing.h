// Pairing the subschemas of one schema pair: properties by name, items by
// position, pattern properties by pattern, composition branches by $ref,
// equivalence or position. The walker (compare.cpp) recurses into each pair.
#pragma once

#include "diff/schema/internal.h"

namespace accord::diff::schema_detail {

class PairWalker {
 public:
  virtual ~PairWalker() = default;
  // nullptr after an error (the walker keeps the first one).
  virtual const core::Schema* old_schema(const core::SchemaHandle& h) = 0;
  virtual const core::Schema* new_schema(const core::SchemaHandle& h) = 0;
  // A `true` schema standing for an absent subschema of `parent`.
  virtual const core::Schema* any_like(const core::Schema* parent) = 0;
  // `tracked`: reached through a $ref (cycle check); `cacheable`: worth caching.
  virtual void compare_pair(const core::Schema* o, const core::Schema* n, bool tracked, bool cacheable,
                            const std::string& path, FrameOut& out) = 0;

  Direction direction = Direction::request;
};

// Everything below one schema pair: properties, required, additional and
// pattern properties, items, allOf/anyOf/oneOf, not.
void compare_children(PairWalker& walker, const core::Schema* o, const core::Schema* n, const std::string& path,
                      FrameOut& out);

}  // namespace accord::diff::schema_detail
