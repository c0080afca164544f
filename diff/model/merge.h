// One finding per change at one place. A schema reached from many operations
// is compared once per operation, so without this pass one enum change on a
// shared schema would be reported once for every operation that reaches it
// (6,036 times for one Stripe schema). The pass runs after the comparison,
// so comparators stay simple: they report per operation, this joins them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diff/model/finding.h"

namespace accord::diff {

// Arguments that say how an operation reaches a place, not what changed there:
// the schema comparator's `subject` ("response 200 (application/json)"),
// `property` (the path from that root, "customer/tax_ids/data/items/type") and
// `where` (both). Reached from two operations, one change has two of each.
bool is_route_arg(std::string_view name);

// Joins findings with the same rule, the same old and new places (file and
// pointer) and the same structured arguments (route arguments aside) into one
// whose `operations` lists every operation, sorted and unique; `operation`
// becomes the first of them. The joined finding is that of its first
// operation (its message names that operation's route; its fingerprint stays
// valid for ignores written for it). Order is that of each change's first
// occurrence.
void merge_same_change(std::vector<Finding>& findings);

// "GET /a, POST /b, PUT /c and 4 more": at most `shown` operations, for renderers.
std::string operations_summary(const Finding& f, size_t shown = 3);

}  // namespace accord::diff
