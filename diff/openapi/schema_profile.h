// What OpenAPI (2.0, 3.0, 3.1) reads into its schema objects, for the shared
// schema comparator (diff/schema/profile.h).
#pragma once

#include <span>

#include "diff/model/rules.h"
#include "diff/schema/profile.h"

namespace accord::diff {

// openapi.request-/openapi.response- rule IDs; OpenAPI 3.0 and Swagger 2.0
// schema objects read as OpenAPI 3.0's subset, 3.1 as `jsonSchemaDialect`
// or 2020-12; readOnly/writeOnly as direction filters; discriminator;
// x-sunset, x-stability-level; int32/int64 and float/double; `nullable` /
// `x-nullable`; `example`, `externalDocs`, `xml` and `x-*` as annotations.
const SchemaProfile& openapi_schema_profile();

// What OpenAPI adds to core's schema model: `nullable` / `x-nullable` (also
// beside a 3.0 `$ref`), `discriminator`, its annotations. For anything that
// builds a core::SchemaGraph over an OpenAPI document (validation, samples).
const core::SchemaVocabulary& openapi_schema_vocabulary();

// The schema comparator's rows under openapi.request-/openapi.response-.
std::span<const RuleInfo> openapi_schema_rule_table();

// The OpenAPI part of the dialect rule: by the document's `openapi` /
// `swagger` version, else `fallback`.
core::Dialect openapi_container_dialect(const core::Document* doc, core::Dialect fallback);

}  // namespace accord::diff
