// Turning one operation of an OpenAPI document into the request `accord test`
// sends, or into the reason it cannot be sent.
//
// The rule: an operation that has examples (for a parameter, the request body
// or a response) is called with every parameter and body that has an example;
// if a required input has none, it is skipped with that reason. An operation
// without any example is called bare only when it needs no input and is a GET
// or HEAD (safe to call blindly); anything else is skipped.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "contracts/http/http_types.h"
#include "core/refs.h"
#include "diff/openapi/model.h"

namespace accord::contracts::spec_test {

struct PlannedRequest {
  std::string method;  // upper case
  std::string path;    // template with its parameters substituted (percent-encoded)
  std::vector<std::pair<std::string, std::vector<std::string>>> query;
  http::HeaderList headers;
  std::string body;
  bool has_body = false;
};

struct Plan {
  std::optional<PlannedRequest> request;
  std::string skip_reason;  // set when `request` is empty
};

Plan plan_request(core::DocumentSet& set, const diff::openapi::Api& api, const diff::openapi::Operation& operation);

}  // namespace accord::contracts::spec_test
