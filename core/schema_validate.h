// Validating an instance (a Node: a live HTTP response body, an example...)
// against a JSON Schema, with OpenAPI 3.0 semantics (boolean exclusiveMaximum,
// readOnly/writeOnly by direction; `nullable` and the discriminator when the
// graph was built with OpenAPI's vocabulary) and OpenAPI 3.1 /
// JSON Schema 2020-12 semantics (type arrays, prefixItems, const, numeric
// exclusive limits) read through the same core::Schema model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/expected.h"
#include "core/node.h"
#include "core/schema.h"

namespace accord::core {

struct ValidationError {
  std::string instance_pointer;  // JSON Pointer into the instance ("" is the whole instance)
  std::string schema_pointer;    // JSON Pointer of the failing keyword in the schema's document
  std::string message;           // "expected integer, got string", "missing required property 'id'"
};

struct ValidateOptions {
  // Which way the instance travels: readOnly properties need not be sent in a
  // request, writeOnly ones are not expected in (and not required of) a response.
  enum class Direction { none, request, response } direction = Direction::none;
  bool check_formats = true;  // date, date-time, email, uuid, uri, int32, int64
  size_t max_errors = 100;    // stop collecting after this many
};

// Validates `instance` against the schema at `schema` (a node of a document
// held by `graph`'s DocumentSet; it may be a `$ref`). An empty list means
// valid. Errors (not validation failures): a dangling `$ref`, a schema node
// that is not a schema, an invalid `pattern`.
Expected<std::vector<ValidationError>> validate_instance(SchemaGraph& graph, const Node* schema,
                                                         const std::string& schema_pointer, const Node* instance,
                                                         const ValidateOptions& options = {});

// Format checks (exposed for tests). Unknown formats pass.
bool format_known(std::string_view format);
bool string_matches_format(std::string_view format, std::string_view value);
bool number_matches_format(std::string_view format, const Node& number);

}  // namespace accord::core
