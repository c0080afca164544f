// GraphQL SDL comparison (graphql-inspector's change classes).
#pragma once

#include <vector>

#include "core/expected.h"
#include "diff/engine.h"
#include "diff/model/finding.h"

namespace accord::diff {

core::Expected<std::vector<Finding>> compare_graphql(const ContractInput& old_input, const ContractInput& new_input);

bool is_graphql_input(const ContractInput& input);

}  // namespace accord::diff
