#include "contracts/spec_test/response_check.h"

#include <cctype>

#include "contracts/pact/body_codec.h"
#include "core/json_writer.h"
#include "core/loader.h"
#include "core/schema_validate.h"

namespace accord::contracts::spec_test {

namespace {

using diff::openapi::Operation;
using matching::Mismatch;
using matching::Mismatches;

std::string declared_statuses(const Operation& op) {
  std::string out;
  for (const auto& r : op.responses) out += (out.empty() ? "" : ", ") + r.status;
  return out.empty() ? "(none)" : out;
}

std::string strip_parameters(std::string_view media) {
  std::string out = http::to_lower(media.substr(0, media.find(';')));
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
  size_t start = 0;
  while (start < out.size() && std::isspace(static_cast<unsigned char>(out[start]))) ++start;
  return out.substr(start);
}

// Schema failures named by where they are in the instance and which keyword
// of the spec they break, so a reader can find both.
void add_validation_errors(Mismatches& out, const std::string& where,
                           const core::Expected<std::vector<core::ValidationError>>& errors) {
  if (!errors) {
    out.push_back({where, "", "", "cannot validate: " + errors.error().render()});
    return;
  }
  for (const auto& e : *errors) {
    std::string pointer = e.instance_pointer.empty() ? "/" : e.instance_pointer;
    out.push_back({where + (e.instance_pointer.empty() ? "" : e.instance_pointer), "schema #" + e.schema_pointer, "",
                   "at JSON pointer " + pointer + ": " + e.message});
  }
}

core::ValidateOptions response_direction() {
  core::ValidateOptions o;
  o.direction = core::ValidateOptions::Direction::response;
  return o;
}

// A header value as a JSON instance: numbers and booleans when the schema
// allows them and the text is one, otherwise a string.
std::string header_instance_json(core::SchemaGraph& graph, const diff::openapi::NodeRef& schema, const std::string& value) {
  std::string quoted(1, '"');
  quoted.append(core::json_escape(value)).push_back('"');
  auto s = graph.get(schema.node, schema.pointer);
  if (!s || !*s) return quoted;
  uint8_t types = (*s)->types;
  auto parsed = core::load_text("header", value, core::Syntax::json);
  if (!parsed || !(*parsed)->root()) return quoted;
  const core::Node* root = (*parsed)->root();
  if (root->is_number() && (types & (core::type_number | core::type_integer))) return value;
  if (root->is_bool() && (types & core::type_boolean)) return value;
  return quoted;
}

void check_headers(core::SchemaGraph& graph, const diff::openapi::Response& declared, const http::Response& response,
                   Mismatches& out) {
  for (const auto& h : declared.headers) {
    if (h.key == "content-type") continue;  // OpenAPI: a Content-Type header definition is ignored
    const std::string* value = http::find_header(response.headers, h.name);
    if (!value) {
      if (h.required) out.push_back({"header." + h.name, "present (required)", "absent", "missing required response header"});
      continue;
    }
    if (!h.schema) continue;
    auto instance = core::load_text(std::string("header ").append(h.name), header_instance_json(graph, h.schema, *value), core::Syntax::json);
    if (!instance) continue;
    add_validation_errors(out, "header." + h.name,
                          core::validate_instance(graph, h.schema.node, h.schema.pointer, (*instance)->root(),
                                                  response_direction()));
  }
}

void check_body(core::SchemaGraph& graph, const diff::openapi::Response& declared, const http::Response& response,
                Mismatches& out) {
  if (declared.content.empty()) return;  // nothing declared: nothing to hold the body to
  const std::string* content_type = http::find_header(response.headers, "Content-Type");
  if (!content_type) {
    if (!response.body.empty())
      out.push_back({"header.Content-Type", "one of the declared media types", "absent", "response has a body but no Content-Type"});
    else
      out.push_back({"body", "a body", "empty", "the spec declares content for HTTP " + declared.status + " but the body is empty"});
    return;
  }
  const diff::openapi::MediaType* media = nullptr;
  std::string declared_list;
  for (const auto& m : declared.content) {
    declared_list += (declared_list.empty() ? "" : ", ") + m.name;
    if (!media && media_type_matches(m.name, *content_type)) media = &m;
  }
  if (!media) {
    out.push_back({"header.Content-Type", declared_list, *content_type, "content type not declared for HTTP " + declared.status});
    return;
  }
  std::string actual = strip_parameters(*content_type);
  if (!media->schema || pact::body_kind(actual) != pact::BodyKind::json) return;
  auto body = core::load_text("response body", response.body, core::Syntax::json);
  if (!body || !(*body)->root()) {
    out.push_back({"body", "JSON", "unparseable", "body is not valid JSON: " + (body ? std::string("empty") : body.error().message)});
    return;
  }
  add_validation_errors(out, "body",
                        core::validate_instance(graph, media->schema.node, media->schema.pointer, (*body)->root(),
                                                response_direction()));
}

bool structured_date(std::string_view v) {
  if (v.size() < 2 || v[0] != '@') return false;
  size_t i = v[1] == '-' ? 2 : 1;
  if (i >= v.size()) return false;
  for (; i < v.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  return true;
}

// RFC 9745 only where the spec promises the header: a `Deprecation` header
// declared on the answered response. Its presence is required when the
// header is required or the operation is deprecated; its value must be a
// structured date ("@<unix seconds>"). A deprecated operation whose spec
// declares no such header is not held to it.
void check_deprecation(const Operation& op, const diff::openapi::Response* declared, const http::Response& response,
                       Mismatches& out) {
  const diff::openapi::Header* promised = nullptr;
  if (declared)
    for (const auto& h : declared->headers)
      if (h.key == "deprecation") promised = &h;
  if (promised) {
    const std::string* d = http::find_header(response.headers, "Deprecation");
    if (!d && op.deprecated && !promised->required)  // a required one is already reported as missing
      out.push_back({"header.Deprecation", "present (operation is deprecated and declares it)", "absent",
                     "deprecated operation answered without its declared Deprecation header (RFC 9745)"});
    else if (d && !structured_date(*d))
      out.push_back({"header.Deprecation", "@<unix seconds>", *d, "Deprecation header is not an RFC 9745 date"});
  }
  if (!op.sunset.empty() && !http::find_header(response.headers, "Sunset"))
    out.push_back({"header.Sunset", "present (x-sunset: " + op.sunset + ")", "absent",
                   "operation with x-sunset answered without a Sunset header (RFC 8594)"});
}

}  // namespace

const diff::openapi::Response* declared_response(const Operation& op, int status) {
  std::string code = std::to_string(status);
  std::string range = code.size() == 3 ? std::string(1, code[0]) + "XX" : "";
  const diff::openapi::Response* by_range = nullptr;
  const diff::openapi::Response* fallback = nullptr;
  for (const auto& r : op.responses) {
    if (r.status == code) return &r;
    if (r.status == range) by_range = &r;
    if (r.status == "default") fallback = &r;
  }
  return by_range ? by_range : fallback;
}

bool media_type_matches(std::string_view declared, std::string_view actual) {
  std::string d = strip_parameters(declared), a = strip_parameters(actual);
  if (d == "*/*" || d == a) return true;
  size_t slash = d.find('/');
  if (slash == std::string::npos || d.substr(slash + 1) != "*") return false;
  return a.compare(0, slash + 1, d, 0, slash + 1) == 0;
}

Mismatches check_response(core::SchemaGraph& graph, const Operation& op, const http::Response& response, bool head) {
  Mismatches out;
  const diff::openapi::Response* declared = declared_response(op, response.status);
  if (!declared) {
    std::string actual = std::to_string(response.status);
    out.push_back({"status", declared_statuses(op), actual, "status code not declared for this operation"});
  } else {
    check_headers(graph, *declared, response, out);
    if (!head) check_body(graph, *declared, response, out);
  }
  check_deprecation(op, declared, response, out);
  return out;
}

}  // namespace accord::contracts::spec_test
