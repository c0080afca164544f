// A small JSON Schema (draft-04) checker for tests: enough of the vocabulary
// to hold a renderer's output against a published schema (the SARIF 2.1.0
// schema uses $ref, type, enum, required, properties, additionalProperties,
// items, minItems, uniqueItems, minimum, maximum, pattern, anyOf and oneOf).
// `format` is not checked. It reports every violation with its JSON Pointer.
#pragma once

#include <string>
#include <vector>

#include "core/node.h"

namespace accord::test {

std::vector<std::string> check_against_schema(const core::Node& schema_root, const core::Node& instance);

}  // namespace accord::test
