#include "diff/engine.h"

#include <sys/stat.h>

#include "core/loader.h"
#include "diff/model/sink.h"
#include "diff/openapi/compare.h"
#include "diff/proto/compare.h"

namespace accord::diff {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

core::Expected<std::unique_ptr<core::Document>> load_input(const ContractInput& in) {
  if (in.text) return core::load_text(in.path, *in.text);
  return core::load_file(in.path);
}

}  // namespace

std::string_view contract_kind_name(ContractKind k) {
  switch (k) {
    case ContractKind::openapi: return "OpenAPI";
    case ContractKind::asyncapi: return "AsyncAPI";
    case ContractKind::jsonschema: return "JSON Schema";
    case ContractKind::proto: return "protobuf";
  }
  return "unknown";
}

core::Expected<ContractKind> detect_kind(const ContractInput& input) {
  if (ends_with(input.path, ".proto") || ends_with(input.path, ".binpb") || ends_with(input.path, ".pb") ||
      ends_with(input.path, ".desc") || (!input.text && is_directory(input.path)))
    return ContractKind::proto;
  auto doc = load_input(input);
  if (!doc) return doc.error();
  const core::Node* root = (*doc)->root();
  if (root && root->is_object()) {
    if (root->get("openapi") || root->get("swagger")) return ContractKind::openapi;
    if (root->get("asyncapi")) return ContractKind::asyncapi;
    return ContractKind::jsonschema;
  }
  return core::make_error("not a contract: expected an OpenAPI, AsyncAPI or JSON Schema document", input.path, 1, 1);
}

core::Expected<std::vector<Finding>> compare_contracts(const ContractInput& old_input, const ContractInput& new_input,
                                                       const CompareOptions& options) {
  auto old_kind = detect_kind(old_input);
  if (!old_kind) return old_kind.error();
  auto new_kind = detect_kind(new_input);
  if (!new_kind) return new_kind.error();
  if (*old_kind != *new_kind)
    return core::make_error("cannot compare a " + std::string(contract_kind_name(*old_kind)) + " document with a " +
                            std::string(contract_kind_name(*new_kind)) + " document");
  core::Expected<std::vector<Finding>> result = std::vector<Finding>{};
  switch (*old_kind) {
    case ContractKind::proto:
      result = compare_proto(old_input, new_input, options);
      break;
    case ContractKind::openapi: {
      core::DocumentSet old_set(options.remote), new_set(options.remote);
      auto old_doc = load_input(old_input);
      if (!old_doc) return old_doc.error();
      auto new_doc = load_input(new_input);
      if (!new_doc) return new_doc.error();
      const core::Document* o = old_set.adopt(std::move(*old_doc));
      const core::Document* n = new_set.adopt(std::move(*new_doc));
      result = compare_openapi(old_set, *o, new_set, *n);
      break;
    }
    default:
      return core::make_error(std::string(contract_kind_name(*old_kind)) + " comparison is not available yet",
                              old_input.path);
  }
  if (!result) return result.error();
  finalize_findings(*result);
  return result;
}

}  // namespace accord::diff
