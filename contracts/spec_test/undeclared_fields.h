// Fields a consumer expects that the provider's schema never declares: JSON
// Schema lets an object carry extra members, but the provider made no
// promise to send them, so a consumer relying on one is not covered.
#pragma once

#include <string>

#include "contracts/matching/mismatch.h"
#include "core/schema.h"
#include "diff/openapi/model.h"

namespace accord::contracts::spec_test {

// Walks `instance` with `schema` (allOf/anyOf/oneOf merged, items and
// properties followed); each member no schema declares (and no
// additionalProperties/patternProperties allows) becomes a mismatch at `where`.
void report_undeclared_fields(core::SchemaGraph& graph, const diff::openapi::NodeRef& schema, const core::Node* instance,
                              const std::string& where, matching::Mismatches& out);

}  // namespace accord::contracts::spec_test
