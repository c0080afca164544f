// The SDL entry points: parse a schema and check it is valid enough to
// compare (no name defined twice, no reference to an unknown type or
// directive). Errors name file:line:col.
#pragma once

#include <string>
#include <string_view>

#include "core/expected.h"
#include "diff/graphql/ast.h"

namespace accord::diff::graphql {

core::Expected<Schema> parse_sdl(const std::string& file, std::string_view text);

// Checks names and references once every definition and extension is in.
core::Status validate_schema(const Schema& schema);

}  // namespace accord::diff::graphql
