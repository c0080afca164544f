// Avro (.avsc) behind the format interface: schema-registry compatibility
// modes over OLD, NEW and (transitive modes) the versions before OLD.
#pragma once

#include <span>

#include "diff/format/format.h"

namespace accord::diff {

// The format, as registered in diff/format/formats.def.
const ContractFormat& avro_format();

std::span<const RuleInfo> avro_rule_table();  // rule_table.cpp

}  // namespace accord::diff
