// OpenAPI (Swagger 2.0, OpenAPI 3.0, 3.1) behind the format interface.
#pragma once

#include <span>

#include "diff/format/format.h"

namespace accord::diff {

// The format, as registered in diff/format/formats.def.
const ContractFormat& openapi_format();

// The non-schema rows (rule_table.cpp); the schema rows are
// openapi_schema_rule_table() (diff/openapi/schema_profile.h). openapi_format().rules() is both.
std::span<const RuleInfo> openapi_rule_table();

}  // namespace accord::diff
