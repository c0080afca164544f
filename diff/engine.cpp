#include "diff/engine.h"

#include <sys/stat.h>

#include <future>

#include "core/loader.h"
#include "diff/model/sink.h"
#include "diff/openapi/compare.h"
#include "diff/proto/compare.h"
#include "diff/avro/compare.h"
#include "diff/graphql/compare.h"

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
    case ContractKind::avro: return "Avro";
    case ContractKind::graphql: return "GraphQL";
  }
  return "unknown";
}

namespace {

bool is_proto_input(const ContractInput& input) {
  return ends_with(input.path, ".proto") || ends_with(input.path, ".binpb") || ends_with(input.path, ".pb") ||
         ends_with(input.path, ".desc") || (!input.text && is_directory(input.path));
}

core::Expected<ContractKind> kind_of_document(const ContractInput& input, const core::Document& doc) {
  const core::Node* root = doc.root();
  if (root && root->is_object()) {
    if (root->get("openapi") || root->get("swagger")) return ContractKind::openapi;
    if (root->get("asyncapi")) return ContractKind::asyncapi;
    return ContractKind::jsonschema;
  }
  return core::make_error("not a contract: expected an OpenAPI, AsyncAPI or JSON Schema document", input.path, 1, 1);
}

// A document-shaped contract, parsed once: its kind is read off the tree
// that the comparison then uses.
struct LoadedContract {
  ContractKind kind = ContractKind::proto;
  std::unique_ptr<core::Document> document;  // null for proto inputs (parsed by the proto loader)
};

core::Expected<LoadedContract> load_contract(const ContractInput& input) {
  if (is_avro_input(input)) return LoadedContract{ContractKind::avro, nullptr};
  if (is_graphql_input(input)) return LoadedContract{ContractKind::graphql, nullptr};
  if (is_proto_input(input)) return LoadedContract{};
  auto doc = load_input(input);
  if (!doc) return doc.error();
  auto kind = kind_of_document(input, **doc);
  if (!kind) return kind.error();
  return LoadedContract{*kind, std::move(*doc)};
}

}  // namespace

core::Expected<ContractKind> detect_kind(const ContractInput& input) {
  auto loaded = load_contract(input);
  if (!loaded) return loaded.error();
  return loaded->kind;
}

core::Expected<std::vector<Finding>> compare_contracts(const ContractInput& old_input, const ContractInput& new_input,
                                                       const CompareOptions& options) {
  // The two versions are independent until compared: parse them on two cores.
  auto pending_old = std::async(std::launch::async, [&] { return load_contract(old_input); });
  auto new_loaded = load_contract(new_input);
  auto old_loaded = pending_old.get();
  if (!old_loaded) return old_loaded.error();
  if (!new_loaded) return new_loaded.error();
  if (old_loaded->kind != new_loaded->kind)
    return core::make_error("cannot compare a " + std::string(contract_kind_name(old_loaded->kind)) +
                            " document with a " + std::string(contract_kind_name(new_loaded->kind)) + " document");
  if (!options.earlier_versions.empty() && old_loaded->kind != ContractKind::avro)
    return core::make_error("a history of more than two versions is only for Avro (--mode ...-transitive)");
  core::Expected<std::vector<Finding>> result = std::vector<Finding>{};
  switch (old_loaded->kind) {
    case ContractKind::proto:
      result = compare_proto(old_input, new_input, options);
      break;
    case ContractKind::avro:
      result = compare_avro(old_input, new_input, options);
      break;
    case ContractKind::graphql:
      result = compare_graphql(old_input, new_input);
      break;
    case ContractKind::openapi: {
      auto old_set = std::make_unique<core::DocumentSet>(options.remote);
      auto new_set = std::make_unique<core::DocumentSet>(options.remote);
      const core::Document* o = old_set->adopt(std::move(old_loaded->document));
      const core::Document* n = new_set->adopt(std::move(new_loaded->document));
      result = compare_openapi(*old_set, *o, *new_set, *n, options.min_deprecation_days);
      if (options.disable_free) {  // intentionally never freed (see CompareOptions::disable_free)
        old_set.release();
        new_set.release();
      }
      break;
    }
    default:
      return core::make_error(std::string(contract_kind_name(old_loaded->kind)) + " comparison is not available yet",
                              old_input.path);
  }
  if (!result) return result.error();
  finalize_findings(*result);
  return result;
}

}  // namespace accord::diff
