// Where an OpenAPI document keeps example values, across Swagger 2.0 and
// OpenAPI 3.x: `example`, the first entry of `examples`, Swagger's
// `x-example` / `x-examples`, and as a last resort the schema's own `example`
// or `default`. `accord test` builds its requests from these.
#pragma once

#include <string>
#include <vector>

#include "core/node.h"
#include "core/refs.h"
#include "diff/openapi/model.h"

namespace accord::contracts::spec_test {

// The example value of a parameter (nullptr when the document gives none).
const core::Node* parameter_example(core::DocumentSet& set, const diff::openapi::Parameter& parameter, int major);

// The example value of one request-body media type (nullptr when none).
const core::Node* media_example(core::DocumentSet& set, const diff::openapi::MediaType& media, int major);

// OpenAPI 3 named examples (`examples: {name: {value: ...}}`) of a parameter
// (or its first `content` media type) or of a media type, every entry with an
// inline value, in document order. Empty for Swagger 2.0.
struct NamedExample {
  std::string name;
  const core::Node* value = nullptr;
};
std::vector<NamedExample> named_examples(core::DocumentSet& set, const core::Node* holder, int major);

// Whether any response of the operation carries an example.
bool has_response_example(core::DocumentSet& set, const diff::openapi::Operation& operation, int major);

// A parameter's value as it travels in a path, query or header: scalars as
// written, arrays joined with commas, anything else as compact JSON.
std::string parameter_text(const core::Node* value);

}  // namespace accord::contracts::spec_test
