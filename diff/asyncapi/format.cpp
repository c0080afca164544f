// AsyncAPI behind the format interface (diff/format/format.h).
#include "diff/asyncapi/compare.h"
#include "diff/jsonschema/unresolved.h"

namespace accord::diff {

namespace {

class AsyncApiFormat final : public ContractFormat {
 public:
  Format id() const override { return Format::asyncapi; }
  std::string_view display_name() const override { return "AsyncAPI"; }
  std::string_view expected_input() const override {
    return "an AsyncAPI document (a top-level `asyncapi` key, 2.x or 3.x)";
  }
  bool reads_documents() const override { return true; }
  Claim claim_path(const ContractInput&) const override { return Claim::no; }
  Claim claim_document(const core::Document& doc) const override {
    const core::Node* root = doc.root();
    return root && root->is_object() && root->get("asyncapi") ? Claim::yes : Claim::no;
  }

  core::Expected<std::unique_ptr<LoadedContract>> load(const ContractInput& input, std::unique_ptr<core::Document> document,
                                                       const CompareOptions& options) const override {
    return std::unique_ptr<LoadedContract>(adopt_version(std::move(document), options.remote, input.source));
  }

  core::Expected<std::vector<Finding>> compare(LoadedContract& old_version, LoadedContract& new_version,
                                               const CompareOptions&) const override {
    auto& o = static_cast<DocumentVersion&>(old_version);
    auto& n = static_cast<DocumentVersion&>(new_version);
    auto findings = compare_asyncapi(*o.documents, *o.root, *n.documents, *n.root);
    if (!findings) return findings;
    FindingSink sink;
    report_unresolved(*o.remotes, *o.root, *n.remotes, *n.root, "asyncapi.ref-not-resolved", sink);
    for (Finding& f : sink.take()) findings->push_back(std::move(f));
    return findings;
  }

  std::span<const RuleInfo> rules() const override { return asyncapi_rule_table(); }
};

}  // namespace

const ContractFormat& asyncapi_format() {
  static const AsyncApiFormat format;
  return format;
}

}  // namespace accord::diff
