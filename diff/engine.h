// The one entry point the CLI (and the usage planner) calls to compare two
// versions of a contract, whatever its format. The formats themselves sit
// behind diff/format/format.h; none of them includes this header.
#pragma once

#include <vector>

#include "core/expected.h"
#include "diff/format/format.h"
#include "diff/model/finding.h"

namespace accord::diff {

// Detects each version's format (or takes options.kind), loads both in
// parallel, compares them and returns finalized findings (messages,
// fingerprints, sorted).
core::Expected<std::vector<Finding>> compare_contracts(const ContractInput& old_input, const ContractInput& new_input,
                                                       const CompareOptions& options);

}  // namespace accord::diff
