// Turning one operation of an OpenAPI document into the requests `accord test`
// sends, or into the reason it cannot be sent.
//
// The rule: every parameter and request body with an example is sent with it;
// a required one without an example gets a value built from its schema (the
// schema's example, default, const or first enum value, else one of its type
// and format); an optional one without an example or default is left out.
// Each named example (OpenAPI 3 `examples`) of a parameter or body is one
// request, the other inputs taking their same-named example or their usual
// value. Only an input with neither example nor schema, or a path template
// naming a parameter the operation does not declare, skips the operation.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "contracts/http/http_types.h"
#include "core/refs.h"
#include "core/schema.h"
#include "diff/openapi/model.h"

namespace accord::contracts::spec_test {

struct PlannedRequest {
  std::string method;  // upper case
  std::string path;    // template with its parameters substituted (percent-encoded)
  std::vector<std::pair<std::string, std::vector<std::string>>> query;
  http::HeaderList headers;
  std::string body;
  bool has_body = false;
  std::vector<std::string> generated;  // inputs whose value came from the schema, not an example
};

struct Plan {
  std::string example;  // the named example this request exercises ("" when there is none)
  std::optional<PlannedRequest> request;
  std::string skip_reason;  // set when `request` is empty
};

// One plan per named example of the operation's inputs, or one plan when
// they have none.
std::vector<Plan> plan_requests(core::DocumentSet& set, core::SchemaGraph& graph, const diff::openapi::Api& api,
                                const diff::openapi::Operation& operation);

}  // namespace accord::contracts::spec_test
