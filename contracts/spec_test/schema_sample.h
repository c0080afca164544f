// A value that fits a schema, for when a document gives no example: the
// schema's own `example`, `default`, `const` or first `enum` value, else one
// built from its type and format (a date-time that parses, a uuid, an email),
// objects with their properties, arrays with one item, allOf merged.
#pragma once

#include <string>

#include "core/schema.h"
#include "diff/openapi/model.h"

namespace accord::contracts::spec_test {

// Which side the sample travels on: a response leaves out writeOnly
// properties, a request leaves out readOnly ones.
enum class SampleFor { response, request };

// JSON text of a sample instance; "" when the schema cannot be read.
std::string sample_json(core::SchemaGraph& graph, const diff::openapi::NodeRef& schema,
                        SampleFor direction = SampleFor::response);

// A sample for a string of `format` ("date-time", "uuid", ...; "" for none).
std::string sample_string(std::string_view format);

}  // namespace accord::contracts::spec_test
