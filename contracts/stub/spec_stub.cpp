#include "diff/openapi/schema_profile.h"
#include "contracts/stub/spec_stub.h"

#include "contracts/pact/body_codec.h"
#include "contracts/spec_test/response_check.h"
#include "contracts/spec_test/schema_sample.h"
#include "core/json_writer.h"
#include "core/loader.h"
#include "core/schema_validate.h"

namespace accord::contracts::stub {

namespace {

using diff::openapi::Operation;

std::string error_json(const std::string& error, const std::string& operation, const std::vector<std::string>& why) {
  core::JsonWriter w(false);
  w.begin_object().key("error").value(error);
  if (!operation.empty()) w.key("operation").value(operation);
  if (!why.empty()) {
    w.key("problems").begin_array();
    for (const auto& y : why) w.value(y);
    w.end_array();
  }
  w.end_object();
  return w.take();
}

// The first 2XX-class response (exact codes before ranges), else the first declared.
const diff::openapi::Response* success_response(const Operation& op) {
  for (const auto& r : op.responses)
    if (r.status.size() == 3 && r.status[0] == '2' && r.status[1] != 'X') return &r;
  for (const auto& r : op.responses)
    if (r.status[0] == '2') return &r;
  return op.responses.empty() ? nullptr : &op.responses.front();
}

int status_of(const diff::openapi::Response& r, int fallback) {
  if (r.status.size() == 3 && std::isdigit(static_cast<unsigned char>(r.status[1]))) return std::stoi(r.status);
  if (r.status.size() == 3 && r.status[1] == 'X') return (r.status[0] - '0') * 100;
  return fallback;
}

// The declared error answer for a request the operation rejects: 400, 422, then any 4XX.
const diff::openapi::Response* error_response(const Operation& op) {
  for (const char* code : {"400", "422"})
    for (const auto& r : op.responses)
      if (r.status == code) return &r;
  for (const auto& r : op.responses)
    if (r.status[0] == '4') return &r;
  return nullptr;
}

// Named examples of a media type: name -> value node.
std::vector<std::pair<std::string, const core::Node*>> named_examples(core::DocumentSet& set, const diff::openapi::MediaType& m) {
  std::vector<std::pair<std::string, const core::Node*>> out;
  const core::Node* node = m.node.node;
  if (!node || !node->is_object()) return out;
  if (const core::Node* examples = node->get("examples"); examples && examples->is_object())
    for (const auto& e : examples->children()) {
      auto resolved = set.resolve(e.value);
      const core::Node* ex = resolved ? resolved->node : nullptr;
      if (ex && ex->is_object() && ex->get("value")) out.emplace_back(std::string(e.key), ex->get("value"));
    }
  if (out.empty())
    if (const core::Node* e = node->get("example")) out.emplace_back("", e);
  return out;
}

}  // namespace

SpecStub::SpecStub(std::unique_ptr<spec_test::LoadedSpec> spec) : spec_(std::move(spec)) {
  index_ = std::make_unique<spec_test::OperationIndex>(spec_->api);
  graph_ = std::make_unique<core::SchemaGraph>(spec_->documents, diff::openapi_schema_vocabulary());
}

core::Expected<std::unique_ptr<SpecStub>> SpecStub::load(const std::string& path) {
  auto spec = spec_test::load_spec(path);
  if (!spec) return spec.error();
  return std::unique_ptr<SpecStub>(new SpecStub(std::move(*spec)));
}

StubAnswer SpecStub::answer(const StubRequest& request) const {
  std::lock_guard<std::mutex> lock(mutex_);
  StubAnswer a;
  a.headers.emplace_back("Content-Type", "application/json");
  auto found = index_->find(request.method, request.path);
  if (!found.operation) {
    a.status = found.why.find("not for method") != std::string::npos ? 405 : 404;
    a.body = error_json(found.why, "", {});
    return a;
  }
  const Operation& op = *found.operation;
  // What the operation would reject.
  std::vector<std::string> problems;
  auto query = pact::parse_query_string(request.raw_query);
  for (const auto& p : op.parameters) {
    if (!p.required) continue;
    bool present = false;
    if (p.in == "query") for (const auto& q : query) present |= q.first == p.name;
    else if (p.in == "header") present = http::find_header(request.headers, p.name) != nullptr;
    else present = true;
    if (!present) problems.push_back("missing required " + p.in + " parameter '" + p.name + "'");
  }
  std::string request_example;  // the name of the request body example the body equals
  if (op.request_body) {
    if (request.body.empty() && op.request_body->required) problems.push_back("missing required request body");
    if (!request.body.empty() && !op.request_body->content.empty()) {
      const std::string* ct = http::find_header(request.headers, "Content-Type");
      const diff::openapi::MediaType* media = nullptr;
      for (const auto& m : op.request_body->content)
        if (!media && spec_test::media_type_matches(m.name, ct ? *ct : "application/json")) media = &m;
      auto body = core::load_text("request body", request.body, core::Syntax::json);
      if (!media) {
        problems.push_back("request content type '" + (ct ? *ct : std::string("(none)")) + "' is not declared");
      } else if (body && (*body)->root()) {
        if (media->schema) {
          core::ValidateOptions vo;
          vo.direction = core::ValidateOptions::Direction::request;
          auto errors = core::validate_instance(*graph_, media->schema.node, media->schema.pointer, (*body)->root(), vo);
          if (errors)
            for (const auto& e : *errors) problems.push_back("body" + e.instance_pointer + ": " + e.message);
        }
        std::string text = pact::to_json_text((*body)->root());
        for (const auto& [name, value] : named_examples(spec_->documents, *media))
          if (pact::to_json_text(value) == text) request_example = name;
      }
    }
  }
  if (!problems.empty()) {
    const diff::openapi::Response* err = error_response(op);
    a.status = err ? status_of(*err, 400) : 400;
    a.body = error_json("the request does not fit " + op.label, op.label, problems);
    return a;
  }
  const diff::openapi::Response* ok = success_response(op);
  if (!ok) {
    a.status = 501;
    a.body = error_json("the operation declares no response", op.label, {});
    return a;
  }
  a.status = status_of(*ok, 200);
  a.matched = op.label + " -> " + ok->status;
  a.headers.clear();
  if (ok->content.empty()) return a;
  const diff::openapi::MediaType& media = ok->content.front();
  a.headers.emplace_back("Content-Type", media.name.find('*') == std::string::npos ? media.name : "application/json");
  auto examples = named_examples(spec_->documents, media);
  for (const auto& [name, value] : examples)
    if (!request_example.empty() && name == request_example) {
      a.body = pact::to_json_text(value);
      a.matched += " (example " + name + ")";
      return a;
    }
  if (!examples.empty()) {
    a.body = examples.front().second->is_string() && pact::body_kind(pact::media_type(media.name)) != pact::BodyKind::json
                 ? std::string(examples.front().second->text())
                 : pact::to_json_text(examples.front().second);
    if (!examples.front().first.empty()) a.matched += " (example " + examples.front().first + ")";
    return a;
  }
  a.body = spec_test::sample_json(*graph_, media.schema);
  a.matched += " (generated from the schema)";
  return a;
}

}  // namespace accord::contracts::stub
