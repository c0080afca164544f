// Pact field paths and the diff's schema paths, compared exactly.
// A pact records what a consumer reads or sends as a JSON path
// ("$.items[*].display_name"); the schema comparator names a property by its
// path through the schema ("items/items/display_name", where `items` after an
// array is its element). Pact fields of requests carry a prefix saying where
// in the request they are: "request:$.name" (body), "query:limit", "header:X-Trace".
#pragma once

#include <string>
#include <string_view>

namespace accord::registry {

enum class PactPart { response_body, request_body, query, header };

struct PactField {
  PactPart part = PactPart::response_body;
  std::string name;  // JSON path for bodies, the parameter's name otherwise
};

PactField parse_pact_field(std::string_view stored);
std::string pact_field_text(PactPart part, std::string_view name);

// "$.items[*].display_name" -> "items/items/display_name"; "$['x-y'].z" -> "x-y/z".
std::string schema_path_of(std::string_view json_path);

// Whether a body field at `json_path` is the property at `schema_path` or lies inside it.
bool reads_schema_path(std::string_view json_path, std::string_view schema_path);

}  // namespace accord::registry
