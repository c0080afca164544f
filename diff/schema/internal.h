// Shared pieces of the schema comparator (not part of its interface).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema.h"
#include "diff/model/finding.h"
#include "diff/model/hash.h"
#include "diff/schema/compare.h"
#include "diff/schema/profile.h"

namespace accord::diff::schema_detail {

// What one change is, apart from the path that reached it: made once where
// a check reports it and shared by every copy the walker makes (a cached
// pair's findings are replayed under every path and operation that reaches
// the pair: copying the arguments and places each time cost a fifth of a
// large comparison, vector's schema).
struct ChangeFacts {
  std::string_view change;  // "property-removed" (a static string from the rule table)
  std::vector<Arg> args;    // change-specific arguments (old, new, value...)
  std::optional<Place> old_place;
  std::optional<Place> new_place;
  size_t identity = 0;  // a hash of all of the above: equal facts, equal identity (identity_of)
};

size_t identity_of(const ChangeFacts& facts);

// A finding before it knows its operation, subject and rule prefix: what a
// component schema pair yields, cached and replayed for every operation
// that uses the pair. `path` is relative to the pair it was computed for.
struct RawFinding {
  RawFinding(std::string_view change, std::string path, std::vector<Arg> args, std::optional<Place> old_place,
             std::optional<Place> new_place)
      : path(std::move(path)),
        facts(make_facts(change, std::move(args), std::move(old_place), std::move(new_place))) {}
  // A copy of `found` reached under another path.
  RawFinding(std::string path, const RawFinding& found) : path(std::move(path)), facts(found.facts) {}
  std::string_view change() const { return facts->change; }

  std::string path;  // "address/street"; "" for the schema itself
  std::shared_ptr<const ChangeFacts> facts;

 private:
  static std::shared_ptr<const ChangeFacts> make_facts(std::string_view change, std::vector<Arg> args,
                                                       std::optional<Place> old_place, std::optional<Place> new_place) {
    auto facts = std::make_shared<ChangeFacts>(
        ChangeFacts{change, std::move(args), std::move(old_place), std::move(new_place), 0});
    facts->identity = identity_of(*facts);
    return facts;
  }
};

// "a" + "b" -> "a/b"; either may be empty.
std::string join_path(std::string_view base, std::string_view segment);

// The place of a schema node (nullptr: no place).
std::optional<Place> place_of_schema(const core::Schema* s);

// Collects findings for one comparison frame.
struct FrameOut {
  std::vector<RawFinding> findings;
  uint32_t lowest_cut = UINT32_MAX;  // stack depth of the shallowest pair this frame ran into again
  std::vector<uint32_t> footprint;   // ids of the tracked pairs entered (for cache validity)
};

// One change at one place of both documents is reported once per compare()
// call, at the shortest property path that reaches it (then the smallest);
// the others go, and the survivors keep the order they were found in.
void keep_shortest_paths(std::vector<RawFinding>& findings);

// Whether the walker reports `change` in `direction`: its row in the rule
// table (rules.cpp) declares it the walker's and has a rule in that
// direction (some changes only matter one way). A change whose row names
// only a keyword check is not the walker's to report: it is dropped, and
// that row's fixture fails.
bool walker_reports(std::string_view change, Direction direction);

}  // namespace accord::diff::schema_detail
