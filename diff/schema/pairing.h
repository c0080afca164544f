// Pairing the subschemas of one schema pair: properties by name, items by
// position, pattern properties by pattern, composition branches by meaning
// (branch_pairing.h). The walker (walker.h) recurses into each pair.
#pragma once

#include "diff/schema/internal.h"
#include "diff/schema/profile.h"

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

  // Whether two branches are the same schema once $refs are followed
  // (annotations ignored): cheap, bounded, reports nothing.
  virtual bool equivalent(const core::SchemaHandle& o, const core::SchemaHandle& n) = 0;
  // What equivalent() compares first, for one side's branch: branches whose
  // shapes differ are not equivalent (a null handle: 0).
  virtual uint64_t branch_shape(const core::SchemaHandle& h, bool old_side) = 0;
  // Whether a subschema holds no reference anywhere (an absent one: true).
  virtual bool ref_free(const core::SchemaHandle& h) = 0;
  // Keeps the first error (a handler refused: checks.h).
  virtual void keep_error(const core::Status& status) = 0;

  Direction direction = Direction::request;
  const SchemaProfile* profile = nullptr;  // what the contract's format reads into its schemas
};

// A schema that only wraps another: `allOf`/`anyOf`/`oneOf` with one branch,
// or `oneOf`/`anyOf` of `{type: 'null'}` and one other branch (how 2020-12
// says nullable), with nothing but annotations beside it. Returns
// the wrapped branch, or nullptr; `adds_null` tells whether the wrapper
// also accepts null.
const core::SchemaHandle* wrapped_branch(PairWalker& walker, const core::Schema& s, bool old_side, bool& adds_null);

// dependentSchemas, propertyNames, contains, unevaluated*, if/then/else
// (applicators.cpp).
void compare_applicators(PairWalker& walker, const core::Schema* o, const core::Schema* n, const std::string& path,
                         FrameOut& out);

struct UnpairedBranch;
// The branches-level handlers of the rule table on one unpaired branch.
void run_unpaired_branch(PairWalker& walker, const UnpairedBranch& branch, FrameOut& out);
struct DecidedPair;
// The decided-level handlers on a pair decided whole.
void run_decided(PairWalker& walker, const DecidedPair& pair, FrameOut& out);

// Everything below one schema pair: properties, required, additional and
// pattern properties, items, allOf/anyOf/oneOf, not, and the applicators above.
void compare_children(PairWalker& walker, const core::Schema* o, const core::Schema* n, const std::string& path,
                      FrameOut& out);

}  // namespace accord::diff::schema_detail
