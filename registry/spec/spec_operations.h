// The operations of an OpenAPI/Swagger document as the registry sees them:
// method + path template, deprecation and sunset, and the base paths of the
// servers (stripped from logged request paths before matching).
#pragma once

#include <string>
#include <vector>

#include "core/expected.h"

namespace accord::registry {

struct SpecOperation {
  std::string method;  // upper case
  std::string path;    // as written in the spec
  std::string key;     // "GET /users/{}" (parameter names ignored), shared with the diff engine
  std::string label;   // "GET /users/{id}"
  bool deprecated = false;
  std::string sunset;  // `x-sunset` as written (a date), or empty
};

struct SpecOperations {
  std::string source;                   // file the spec was read from
  std::string title;                    // info.title ("" when absent)
  std::string version;                  // info.version as written
  std::vector<SpecOperation> operations;
  std::vector<std::string> base_paths;  // "/api/v3"; never "/" (nothing to strip)
};

core::Expected<SpecOperations> load_spec_operations(const std::string& path);

// The API a spec's usage is recorded under: `explicit_name` when given, else
// info.title + " v" + the major of info.version ("Users API v2"), so two
// majors of one API, or two APIs, never share evidence in one registry.
core::Expected<std::string> api_name_of(const SpecOperations& spec, const std::string& explicit_name);

// "GET /users/{id}" or ("get", "/users/{id}") -> "GET /users/{}"
std::string operation_key(std::string_view method, std::string_view path);
std::string operation_key_from_label(std::string_view label);

}  // namespace accord::registry
