// `accord test`: loads an OpenAPI document (Swagger 2.0, OpenAPI 3.0/3.1),
// calls each selected operation of a running service with the document's
// examples and checks every answer against the declaration.
#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "contracts/http/http_types.h"
#include "contracts/spec_test/report.h"
#include "core/refs.h"
#include "diff/openapi/model.h"

namespace accord::contracts::spec_test {

struct LoadedSpec {
  std::string path;
  std::string title;  // info.title, else the file name
  core::DocumentSet documents;
  const core::Document* document = nullptr;
  diff::openapi::Api api;
};

// Errors (unreadable file, syntax error, not an OpenAPI document, a dangling
// `$ref`) carry file:line:col.
core::Expected<std::unique_ptr<LoadedSpec>> load_spec(const std::string& path);

struct SpecTestOptions {
  std::string base_url;  // replaces the document's servers / host + basePath
  http::HeaderList extra_headers;  // added to, or replacing, each request's headers
  std::optional<std::regex> operation_filter;  // on "GET /pets/{id}" labels and operationIds
  // Methods that are called (upper case); empty: every method. An operation
  // with another method is reported as skipped with `methods_hint` as why.
  std::vector<std::string> methods;
  std::string methods_hint;
};

// RFC 9110 9.2.1's safe methods: calling them changes nothing on the service.
const std::vector<std::string>& safe_methods();

// How many operations the filter lets through (to tell a filter that matches
// nothing from a document without operations).
size_t count_selected(const LoadedSpec& spec, const SpecTestOptions& options);

// Calls the operations in document order, one at a time.
TestRun run_spec_tests(LoadedSpec& spec, const SpecTestOptions& options, http::Client& client);

}  // namespace accord::contracts::spec_test
