#include "contracts/spec_test/pact_vs_asyncapi.h"

#include <chrono>

#include "contracts/pact/body_codec.h"
#include "contracts/spec_test/spec_errors.h"
#include "contracts/spec_test/undeclared_fields.h"
#include "core/json_writer.h"
#include "core/loader.h"
#include "core/schema_validate.h"
#include "diff/asyncapi/schema_profile.h"

namespace accord::contracts::spec_test {

namespace {

using diff::asyncapi::Message;
using diff::asyncapi::Operation;
using matching::Mismatches;

// Metadata keys that route a message rather than travel in its headers.
bool routing_key(std::string_view key) {
  return key == "channel" || key == "topic" || key == "destination" || key == "contentType" || key == "content-type" ||
         key == "Content-Type";
}

std::string routing_channel(const pact::MessageSpec& m) {
  for (const auto& [key, value] : m.metadata)
    if ((key == "channel" || key == "topic" || key == "destination") && value && value->is_scalar())
      return std::string(value->text());
  return "";
}

struct Match {
  const Operation* operation = nullptr;
  const Message* message = nullptr;
  std::string why;  // when nothing matched
};

bool names_message(const Message& m, const std::string& name) {
  for (const auto& n : m.names)
    if (n == name) return true;
  return m.name == name;
}

// By channel first (then the message named by the description among the
// channel's, else its first); by description alone otherwise.
Match find_message(const diff::asyncapi::Model& model, const std::string& channel, const std::string& description) {
  Match found;
  for (const auto& op : model.operations) {
    bool on_channel = !channel.empty() && (op.channel.key == channel || op.channel.address == channel);
    if (!channel.empty() && !on_channel) continue;
    for (const auto& m : op.messages)
      if (names_message(m, description)) return {&op, &m, ""};
    if (channel.empty() && op.id == description && !op.messages.empty()) return {&op, &op.messages.front(), ""};
    if (on_channel && !found.operation && !op.messages.empty()) found = {&op, &op.messages.front(), ""};
  }
  if (found.operation) return found;
  found.why = channel.empty() ? "no message or operation of the spec is named '" + description +
                                    "' (and the message's metadata names no channel/topic)"
                              : "no operation of the spec uses channel '" + channel + "'";
  return found;
}

core::ValidateOptions sent_by_provider() {
  core::ValidateOptions o;
  o.direction = core::ValidateOptions::Direction::response;
  return o;
}

// Contents are validated only against schemas of the JSON Schema family
// (AsyncAPI's own dialect, JSON Schema drafts, OpenAPI schema objects).
bool json_schema_payload(std::string_view schema_format) {
  return diff::asyncapi::payload_format(schema_format).kind == diff::asyncapi::PayloadFormat::json_schema;
}

// The payload schema's `type` when it is a single string ("" otherwise).
std::string single_type(core::SchemaGraph& graph, const diff::asyncapi::At& payload) {
  auto resolved = graph.documents().resolve(payload.node, payload.pointer);
  if (!resolved || !resolved->node || !resolved->node->is_object()) return "";
  const core::Node* type = resolved->node->get("type");
  return type && type->is_string() ? std::string(type->text()) : "";
}

// Text contents as the JSON string instance a `type: string` schema validates.
core::Expected<std::unique_ptr<core::Document>> as_json_string(const std::string& where, const pact::Body& body) {
  return core::load_text(where, "\"" + core::json_escape(body.bytes()) + "\"", core::Syntax::json);
}

// What the contents are: the pact's declared type; else JSON when the pact
// holds a JSON value; else the spec message's content type; else JSON (the
// Pact default for messages).
std::string contents_type(const Message& spec, const pact::MessageSpec& m) {
  if (!m.contents.content_type.empty()) return m.contents.content_type;
  if (m.contents.json || spec.content_type.empty()) return "application/json";
  return spec.content_type;
}

// Validates the contents against the payload schema. Contents accord cannot
// validate (not JSON, or a payload schema that is not JSON Schema) are not
// passed: the reason goes to `unchecked`, and the interaction is SKIPPED.
void check_contents(core::SchemaGraph& graph, const Message& spec, pact::MessageSpec& m, const std::string& where,
                    Mismatches& out, Mismatches& unchecked) {
  if (!spec.payload || !m.contents.present()) return;
  auto not_checked = [&](const std::string& why) {
    unchecked.push_back({where, "", "", "not verified: " + why + at_spec(spec.payload.pointer)});
  };
  if (!json_schema_payload(spec.schema_format)) {
    not_checked("message '" + spec.name + "' declares its payload with schemaFormat '" + spec.schema_format +
                "'; accord validates contents only against JSON Schema payloads");
    return;
  }
  std::string type = contents_type(spec, m);
  pact::BodyKind kind = pact::body_kind(pact::media_type(type));
  if (kind == pact::BodyKind::text) {
    std::string schema_type = single_type(graph, spec.payload);
    if (schema_type != "string") {
      not_checked("the contents are " + type + " and the payload schema is " +
                  (schema_type.empty() ? std::string("not a single type") : "of type '" + schema_type + "'") +
                  "; text is validated only against a payload of type 'string'");
      return;
    }
    auto text = as_json_string(where, m.contents);
    if (!text || !(*text)->root()) {
      not_checked("the " + type + " contents are not readable as text (not UTF-8?)");
      return;
    }
    add_schema_errors(out, where, core::validate_instance(graph, spec.payload.node, spec.payload.pointer, (*text)->root(), sent_by_provider()));
    return;
  }
  if (kind != pact::BodyKind::json) {
    not_checked("the contents are " + type + " (" + std::to_string(m.contents.bytes().size()) +
                " bytes); accord validates JSON contents, and text against a 'string' payload, only");
    return;
  }
  auto json = pact::json_of(m.contents);
  if (!json) {
    out.push_back({where, "JSON", "unparseable", "the message contents are not valid JSON"});
    return;
  }
  add_schema_errors(out, where, core::validate_instance(graph, spec.payload.node, spec.payload.pointer, *json, sent_by_provider()));
  report_undeclared_fields(graph, {spec.payload.node, spec.payload.pointer}, *json, where, out);
}

// The non-routing metadata as one JSON object, held to the headers schema.
void check_metadata(core::SchemaGraph& graph, const Message& spec, const pact::MessageSpec& m, const std::string& where,
                    Mismatches& out, Mismatches& unchecked) {
  core::JsonWriter w(false);
  w.begin_object();
  size_t headers = 0;
  for (const auto& [key, value] : m.metadata) {
    if (routing_key(key) || !value) continue;
    ++headers;
    w.key(key).raw(pact::to_json_text(value));
  }
  w.end_object();
  if (headers == 0) return;
  if (!spec.headers) {
    out.push_back({where, "(no headers declared)", std::to_string(headers) + " header(s)",
                   "the consumer expects message headers the spec does not declare" + at_spec(spec.at.pointer)});
    return;
  }
  if (!json_schema_payload(spec.headers_format)) {
    unchecked.push_back({where, "", "",
                         "not verified: message '" + spec.name + "' declares its headers with schemaFormat '" +
                             spec.headers_format + "'; accord validates headers only against JSON Schema" +
                             at_spec(spec.headers.pointer)});
    return;
  }
  auto instance = core::load_text(where, w.take(), core::Syntax::json);
  if (!instance || !(*instance)->root()) return;
  const core::Node* root = (*instance)->root();
  add_schema_errors(out, where, core::validate_instance(graph, spec.headers.node, spec.headers.pointer, root, sent_by_provider()));
  report_undeclared_fields(graph, {spec.headers.node, spec.headers.pointer}, root, where, out);
}

void check_message(core::SchemaGraph& graph, const diff::asyncapi::Model& model, const std::string& description,
                   pact::MessageSpec& m, const std::string& prefix, Mismatches& out, Mismatches& unchecked) {
  Match match = find_message(model, routing_channel(m), description);
  if (!match.message) {
    out.push_back({prefix.empty() ? "message" : prefix, "a message of the spec", description, match.why + at_spec("/channels")});
    return;
  }
  check_contents(graph, *match.message, m, prefix + "contents", out, unchecked);
  check_metadata(graph, *match.message, m, prefix + "metadata", out, unchecked);
}

verify::InteractionResult check_one(pact::Pact& pact, pact::Interaction& in, const diff::asyncapi::Model& model,
                                    core::SchemaGraph& graph) {
  auto started = std::chrono::steady_clock::now();
  verify::InteractionResult r = verify::result_for(pact, in);
  r.kind = "message";
  if (in.kind == pact::Interaction::Kind::http || in.kind == pact::Interaction::Kind::unsupported) {
    r.kind = in.kind == pact::Interaction::Kind::http ? "http" : "unsupported";
    r.outcome = verify::Outcome::skipped;
    std::string why = in.kind == pact::Interaction::Kind::http
                          ? "HTTP interactions are checked against an OpenAPI document (--openapi), not AsyncAPI"
                          : in.unsupported_reason;
    r.mismatches.push_back({"interaction", "", "", "not verified: " + why});
    return r;
  }
  Mismatches unchecked;
  check_message(graph, model, in.description, in.message, "", r.mismatches, unchecked);
  for (size_t i = 0; i < in.responses.size(); ++i)
    check_message(graph, model, in.description, in.responses[i], "response[" + std::to_string(i) + "].", r.mismatches,
                  unchecked);
  // A failure stays a failure (what was not checked is listed after it); with
  // no failure, anything left unchecked makes the interaction SKIPPED, never PASS.
  if (!r.mismatches.empty()) r.outcome = in.pending ? verify::Outcome::pending_fail : verify::Outcome::fail;
  else r.outcome = unchecked.empty() ? verify::Outcome::pass : verify::Outcome::skipped;
  r.mismatches.insert(r.mismatches.end(), unchecked.begin(), unchecked.end());
  r.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return r;
}

}  // namespace

core::Expected<std::unique_ptr<LoadedAsyncApi>> load_asyncapi(const std::string& path) {
  auto spec = std::make_unique<LoadedAsyncApi>();
  spec->path = path;
  auto doc = spec->documents.load(path);
  if (!doc) return doc.error();
  const core::Node* root = (*doc)->root();
  if (!root || !root->is_object() || !root->get("asyncapi"))
    return core::make_error("not an AsyncAPI document: no top-level 'asyncapi' field", path, 1, 1);
  auto model = diff::asyncapi::build_model(spec->documents, **doc);
  if (!model) return model.error();
  spec->model = std::move(*model);
  return spec;
}

std::vector<verify::InteractionResult> check_pacts_against_asyncapi(std::vector<pact::Pact>& pacts, LoadedAsyncApi& spec,
                                                                    const verify::VerifyOptions& filters) {
  core::SchemaGraph graph(spec.documents, diff::asyncapi_schema_vocabulary());
  std::vector<verify::InteractionResult> results;
  for (auto& p : pacts)
    for (auto& in : p.interactions)
      if (verify::selected(p, in, filters)) results.push_back(check_one(p, in, spec.model, graph));
  return results;
}

}  // namespace accord::contracts::spec_test
