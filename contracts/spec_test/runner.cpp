#include "diff/openapi/schema_profile.h"
#include "contracts/spec_test/runner.h"

#include <cctype>
#include <chrono>
#include <filesystem>

#include "contracts/spec_test/request_plan.h"
#include "contracts/spec_test/response_check.h"
#include "contracts/verify/verifier.h"
#include "core/schema.h"

namespace accord::contracts::spec_test {

namespace {

using diff::openapi::Operation;

core::Status check_is_openapi(const core::Document& doc) {
  const core::Node* root = doc.root();
  if (!root || !root->is_object())
    return core::make_error("not an OpenAPI document: the root is not an object", doc.path(), 1, 1);
  const core::Node* version = root->get("openapi");
  if (!version) version = root->get("swagger");
  if (!version)
    return core::make_error("not an OpenAPI document: no 'openapi' or 'swagger' field", doc.path(), 1, 1);
  std::string_view v = version->text();
  if (!version->is_scalar() || !(v.rfind("2.", 0) == 0 || v.rfind("3.0", 0) == 0 || v.rfind("3.1", 0) == 0)) {
    auto at = version->location();
    return core::make_error("unsupported OpenAPI version '" + std::string(v) + "' (expected 2.0, 3.0.x or 3.1.x)",
                            doc.path(), at.line, at.column);
  }
  const core::Node* paths = root->get("paths");
  if (paths && !paths->is_object()) {
    auto at = paths->location();
    return core::make_error("'paths' must be an object", doc.path(), at.line, at.column);
  }
  return core::ok_status();
}

// Resolving every schema an answer is checked against up front turns a broken
// `$ref` into an unusable-spec error instead of a failure per call.
core::Status check_schemas(LoadedSpec& spec, core::SchemaGraph& graph) {
  auto need = [&](const diff::openapi::NodeRef& schema) -> core::Status {
    if (!schema) return core::ok_status();
    auto s = graph.get(schema.node, schema.pointer);
    if (!s) return s.error();
    return core::ok_status();
  };
  for (const Operation& op : spec.api.operations)
    for (const auto& response : op.responses) {
      for (const auto& media : response.content)
        if (auto st = need(media.schema); !st) return st;
      for (const auto& header : response.headers)
        if (auto st = need(header.schema); !st) return st;
    }
  return core::ok_status();
}

bool selected(const Operation& op, const SpecTestOptions& options) {
  if (!options.operation_filter) return true;
  return std::regex_search(op.label, *options.operation_filter) ||
         (!op.operation_id.empty() && std::regex_search(op.operation_id, *options.operation_filter));
}

bool method_allowed(const Operation& op, const SpecTestOptions& options) {
  if (options.methods.empty()) return true;
  std::string method = op.method;
  for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& m : options.methods)
    if (m == method) return true;
  return false;
}

http::Request to_http(const PlannedRequest& planned, const SpecTestOptions& options) {
  http::Request req;
  req.method = planned.method;
  req.url = verify::build_url(options.base_url, planned.path, planned.query);
  req.headers = planned.headers;
  for (const auto& [name, value] : options.extra_headers) {
    bool replaced = false;
    for (auto& [existing, old_value] : req.headers)
      if (http::iequals(existing, name)) {
        old_value = value;
        replaced = true;
      }
    if (!replaced) req.headers.emplace_back(name, value);
  }
  req.body = planned.body;
  req.has_body = planned.has_body;
  return req;
}

OperationResult call_planned(core::SchemaGraph& graph, const Operation& op, const Plan& plan,
                             const SpecTestOptions& options, http::Client& client) {
  OperationResult result;
  result.label = op.label + (plan.example.empty() ? "" : " (example '" + plan.example + "')");
  if (!plan.request) {
    result.verdict = Verdict::skipped;
    result.skip_reason = plan.skip_reason;
    return result;
  }
  http::Request request = to_http(*plan.request, options);
  auto started = std::chrono::steady_clock::now();
  auto response = client.send(request);
  result.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (!response) {
    result.mismatches.push_back({"request", "a response to " + request.method + " " + plan.request->path, "none",
                                 "no response: " + response.error().message});
  } else {
    result.received_status = response->status;
    result.mismatches = check_response(graph, op, *response, request.method == "HEAD");
    const diff::openapi::Response* declared = declared_response(op, response->status);
    if (response->status >= 400 && declared && declared->status == "default")
      result.warnings.push_back("HTTP " + std::to_string(response->status) +
                                " is accepted only by the 'default' response: the spec declares no error status for it");
  }
  result.verdict = result.mismatches.empty() ? Verdict::pass : Verdict::fail;
  return result;
}

}  // namespace

core::Expected<std::unique_ptr<LoadedSpec>> load_spec(const std::string& path) {
  auto spec = std::make_unique<LoadedSpec>();
  spec->path = path;
  auto doc = spec->documents.load(path);
  if (!doc) return doc.error();
  spec->document = *doc;
  if (auto st = check_is_openapi(**doc); !st) return st.error();
  auto api = diff::openapi::build_api(spec->documents, **doc);
  if (!api) return api.error();
  spec->api = std::move(*api);
  const core::Node* info = (*doc)->root()->get("info");
  spec->title = info ? std::string(info->get_text("title")) : "";
  if (spec->title.empty()) spec->title = std::filesystem::path(path).filename().string();
  core::SchemaGraph graph(spec->documents, diff::openapi_schema_vocabulary());
  if (auto st = check_schemas(*spec, graph); !st) return st.error();
  return spec;
}

const std::vector<std::string>& safe_methods() {
  static const std::vector<std::string> safe{"GET", "HEAD", "OPTIONS", "TRACE"};
  return safe;
}

size_t count_selected(const LoadedSpec& spec, const SpecTestOptions& options) {
  size_t n = 0;
  for (const Operation& op : spec.api.operations) n += selected(op, options);
  return n;
}

TestRun run_spec_tests(LoadedSpec& spec, const SpecTestOptions& options, http::Client& client) {
  TestRun run;
  run.spec = spec.path;
  run.title = spec.title;
  run.base_url = options.base_url;
  core::SchemaGraph graph(spec.documents, diff::openapi_schema_vocabulary());
  for (const Operation& op : spec.api.operations) {
    if (!selected(op, options)) continue;
    ++run.operation_count;
    if (!method_allowed(op, options)) {
      OperationResult skipped;
      skipped.label = op.label;
      skipped.verdict = Verdict::skipped;
      skipped.skip_reason = options.methods_hint;
      run.operations.push_back(std::move(skipped));
      continue;
    }
    for (const Plan& plan : plan_requests(spec.documents, graph, spec.api, op))
      run.operations.push_back(call_planned(graph, op, plan, options, client));
  }
  return run;
}

}  // namespace accord::contracts::spec_test
