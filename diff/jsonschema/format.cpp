// JSON Schema behind the format interface (diff/format/format.h).
#include "diff/jsonschema/compare.h"
#include "diff/jsonschema/unresolved.h"

namespace accord::diff {

namespace {

class JsonSchemaFormat final : public ContractFormat {
 public:
  Format id() const override { return Format::jsonschema; }
  std::string_view display_name() const override { return "JSON Schema"; }
  std::string_view expected_input() const override {
    return "a JSON Schema (a `$schema` member, or schema keywords such as type, properties, $defs at the root)";
  }
  bool reads_documents() const override { return true; }
  Claim claim_path(const ContractInput&) const override { return Claim::no; }
  // `$schema` is a sure sign; bare schema keywords only a likely one (an
  // OpenAPI or AsyncAPI document's own marker wins over them).
  Claim claim_document(const core::Document& doc) const override {
    const core::Node* root = doc.root();
    if (!looks_like_jsonschema(root)) return Claim::no;
    return root->get("$schema") && !root->get("openapi") && !root->get("asyncapi") ? Claim::yes : Claim::maybe;
  }

  core::Expected<std::unique_ptr<LoadedContract>> load(const ContractInput& input, std::unique_ptr<core::Document> document,
                                                       const CompareOptions& options) const override {
    return std::unique_ptr<LoadedContract>(adopt_version(std::move(document), options.remote, input.source));
  }

  core::Expected<std::vector<Finding>> compare(LoadedContract& old_version, LoadedContract& new_version,
                                               const CompareOptions& options) const override {
    auto& o = static_cast<DocumentVersion&>(old_version);
    auto& n = static_cast<DocumentVersion&>(new_version);
    auto findings = compare_jsonschema(*o.documents, *o.root, *n.documents, *n.root, options.schema_mode,
                                       options.disable_free);
    if (!findings) return findings;
    FindingSink sink;
    report_unresolved(*o.remotes, *o.root, *n.remotes, *n.root, "jsonschema.ref-not-resolved", sink);
    for (Finding& f : sink.take()) findings->push_back(std::move(f));
    return findings;
  }

  std::span<const RuleInfo> rules() const override { return jsonschema_rule_table(); }
};

}  // namespace

const ContractFormat& jsonschema_format() {
  static const JsonSchemaFormat format;
  return format;
}

}  // namespace accord::diff
