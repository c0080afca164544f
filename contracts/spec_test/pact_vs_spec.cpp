#include "diff/openapi/schema_profile.h"
#include "contracts/spec_test/pact_vs_spec.h"

#include <cctype>
#include <chrono>

#include "contracts/pact/body_codec.h"
#include "contracts/spec_test/operation_index.h"
#include "contracts/spec_test/response_check.h"
#include "contracts/spec_test/spec_errors.h"
#include "contracts/spec_test/undeclared_fields.h"
#include "core/json_pointer.h"
#include "core/json_writer.h"
#include "core/loader.h"
#include "core/schema_validate.h"

namespace accord::contracts::spec_test {

namespace {

using diff::openapi::NodeRef;
using diff::openapi::Operation;
using matching::Mismatches;

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

core::ValidateOptions direction(core::ValidateOptions::Direction d) {
  core::ValidateOptions o;
  o.direction = d;
  return o;
}

// A parameter or header value (text) as the JSON instance its schema expects.
std::string text_instance(core::SchemaGraph& graph, const NodeRef& schema, const std::string& value) {
  std::string quoted = "\"" + core::json_escape(value) + "\"";
  auto s = graph.get(schema.node, schema.pointer);
  if (!s || !*s) return quoted;
  auto parsed = core::load_text("value", value, core::Syntax::json);
  if (!parsed || !(*parsed)->root()) return quoted;
  const core::Node* root = (*parsed)->root();
  uint8_t types = (*s)->types;
  if (root->is_number() && (types & (core::type_number | core::type_integer))) return value;
  if (root->is_bool() && (types & core::type_boolean)) return value;
  return quoted;
}

void validate_text(core::SchemaGraph& graph, const NodeRef& schema, const std::string& value, const std::string& where,
                   core::ValidateOptions::Direction d, Mismatches& out) {
  if (!schema) return;
  auto instance = core::load_text(where, text_instance(graph, schema, value), core::Syntax::json);
  if (!instance) return;
  add_schema_errors(out, where, core::validate_instance(graph, schema.node, schema.pointer, (*instance)->root(), direction(d)));
}

const std::vector<std::string>* query_values(const pact::RequestSpec& r, const std::string& name) {
  for (const auto& [k, v] : r.query)
    if (k == name) return &v;
  return nullptr;
}

void check_parameters(core::SchemaGraph& graph, const Operation& op, const pact::RequestSpec& req,
                      const std::vector<std::pair<std::string, std::string>>& path_values, Mismatches& out) {
  const auto dir = core::ValidateOptions::Direction::request;
  for (const auto& p : op.parameters) {
    std::string ptr = p.node.pointer;
    if (p.in == "path") {
      for (const auto& [name, value] : path_values)
        if (name == p.name) validate_text(graph, p.schema, value, "path." + name, dir, out);
    } else if (p.in == "query") {
      const auto* values = query_values(req, p.name);
      if (!values) {
        if (p.required) out.push_back({"query." + p.name, "present (required)", "absent", "the request lacks a required query parameter" + at_spec(ptr)});
        continue;
      }
      for (const auto& v : *values) {
        if (p.is_collection) continue;  // style/explode serialisations are not decoded here
        validate_text(graph, p.schema, v, "query." + p.name, dir, out);
      }
    } else if (p.in == "header") {
      const std::string* value = http::find_header(req.headers, p.name);
      if (!value) {
        if (p.required) out.push_back({"header." + p.name, "present (required)", "absent", "the request lacks a required header" + at_spec(ptr)});
        continue;
      }
      validate_text(graph, p.schema, *value, "header." + p.name, dir, out);
    }
  }
}

const diff::openapi::MediaType* find_media(const std::vector<diff::openapi::MediaType>& content, const std::string& type) {
  for (const auto& m : content)
    if (media_type_matches(m.name, type)) return &m;
  return nullptr;
}

std::string media_list(const std::vector<diff::openapi::MediaType>& content) {
  std::string out;
  for (const auto& m : content) out += (out.empty() ? "" : ", ") + m.name;
  return out;
}

// A JSON body of the pact (its example) against the media type's schema.
void check_json_body(core::SchemaGraph& graph, pact::Body body, const diff::openapi::MediaType& media,
                     core::ValidateOptions::Direction d, const std::string& where, bool undeclared_fail, Mismatches& out) {
  if (!media.schema) return;
  auto json = pact::json_of(body);
  if (!json) {
    out.push_back({where, "JSON", "unparseable", "the pact's body is not valid JSON"});
    return;
  }
  add_schema_errors(out, where, core::validate_instance(graph, media.schema.node, media.schema.pointer, *json, direction(d)));
  if (undeclared_fail) report_undeclared_fields(graph, media.schema, *json, where, out);
}

void check_request_body(core::SchemaGraph& graph, const Operation& op, const pact::RequestSpec& req, Mismatches& out) {
  if (!req.body.present()) {
    if (op.request_body && op.request_body->required)
      out.push_back({"request.body", "a body (required)", "absent", "the operation requires a request body" + at_spec(op.request_body->node.pointer)});
    return;
  }
  if (!op.request_body || op.request_body->content.empty()) {
    out.push_back({"request.body", "no body", "a body", "the operation declares no request body" + at_spec(op.node.pointer)});
    return;
  }
  std::string type = pact::effective_content_type(req.body, req.headers);
  const auto* media = find_media(op.request_body->content, type);
  if (!media) {
    out.push_back({"request.header.Content-Type", media_list(op.request_body->content), type,
                   "request content type not declared" + at_spec(op.request_body->node.pointer)});
    return;
  }
  if (pact::body_kind(pact::media_type(type)) == pact::BodyKind::json)
    check_json_body(graph, req.body, *media, core::ValidateOptions::Direction::request, "request.body", false, out);
}

void check_response(core::SchemaGraph& graph, const Operation& op, const pact::ResponseSpec& res, Mismatches& out) {
  int status = res.has_status ? res.status : 200;
  const diff::openapi::Response* declared = declared_response(op, status);
  if (!declared) {
    std::string list;
    for (const auto& r : op.responses) list += (list.empty() ? "" : ", ") + r.status;
    out.push_back({"response.status", list, std::to_string(status), "status not declared for this operation" + at_spec(op.node.pointer + "/responses")});
    return;
  }
  for (const auto& [name, value] : res.headers) {
    if (http::iequals(name, "Content-Type")) continue;
    const diff::openapi::Header* h = nullptr;
    for (const auto& d : declared->headers)
      if (http::iequals(d.name, name)) h = &d;
    if (!h) {
      out.push_back({"response.header." + name, "(not declared)", value,
                     "the consumer expects a header the spec does not declare: the provider made no promise to send it" + at_spec(declared->node.pointer)});
      continue;
    }
    if (!res.rules.header.for_name(name, true))
      validate_text(graph, h->schema, value, "response.header." + name, core::ValidateOptions::Direction::response, out);
  }
  if (!res.body.present()) return;
  if (declared->content.empty()) {
    out.push_back({"response.body", "no body", "a body", "the spec declares no body for HTTP " + declared->status + at_spec(declared->node.pointer)});
    return;
  }
  std::string type = pact::effective_content_type(res.body, res.headers);
  const auto* media = find_media(declared->content, type);
  if (!media) {
    out.push_back({"response.header.Content-Type", media_list(declared->content), type,
                   "content type not declared for HTTP " + declared->status + at_spec(declared->node.pointer)});
    return;
  }
  if (pact::body_kind(pact::media_type(type)) == pact::BodyKind::json)
    check_json_body(graph, res.body, *media, core::ValidateOptions::Direction::response, "response.body", true, out);
}

verify::InteractionResult check_one(const pact::Pact& pact, const pact::Interaction& in, const OperationIndex& index,
                                    core::SchemaGraph& graph) {
  auto started = std::chrono::steady_clock::now();
  verify::InteractionResult r = verify::result_for(pact, in);
  if (in.kind != pact::Interaction::Kind::http) {
    r.kind = in.kind == pact::Interaction::Kind::unsupported ? "unsupported" : "message";
    r.outcome = verify::Outcome::skipped;
    std::string why = in.kind == pact::Interaction::Kind::unsupported
                          ? in.unsupported_reason
                          : "message interactions are checked against an AsyncAPI document (--asyncapi), not OpenAPI";
    r.mismatches.push_back({"interaction", "", "", "not verified: " + why});
    return r;
  }
  auto found = index.find(in.request.method, in.request.path);
  if (!found.operation) {
    r.mismatches.push_back({"request", "an operation of the spec", upper(in.request.method) + " " + in.request.path,
                            found.why + at_spec("/paths")});
  } else {
    check_parameters(graph, *found.operation, in.request, found.path_values, r.mismatches);
    check_request_body(graph, *found.operation, in.request, r.mismatches);
    check_response(graph, *found.operation, in.response, r.mismatches);
  }
  r.outcome = r.mismatches.empty() ? verify::Outcome::pass : in.pending ? verify::Outcome::pending_fail : verify::Outcome::fail;
  r.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return r;
}

}  // namespace

std::vector<verify::InteractionResult> check_pacts_against_spec(std::vector<pact::Pact>& pacts, LoadedSpec& spec,
                                                                const verify::VerifyOptions& filters) {
  OperationIndex index(spec.api);
  core::SchemaGraph graph(spec.documents, diff::openapi_schema_vocabulary());
  std::vector<verify::InteractionResult> results;
  for (const auto& p : pacts)
    for (const auto& in : p.interactions)
      if (verify::selected(p, in, filters)) results.push_back(check_one(p, in, index, graph));
  return results;
}

}  // namespace accord::contracts::spec_test
