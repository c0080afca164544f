// GraphQL SDL behind the format interface (graphql-inspector's change classes).
#pragma once

#include <span>

#include "diff/format/format.h"

namespace accord::diff {

// The format, as registered in diff/format/formats.def.
const ContractFormat& graphql_format();

std::span<const RuleInfo> graphql_rule_table();  // rule_table.cpp

}  // namespace accord::diff
