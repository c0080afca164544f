// AsyncAPI behind the format interface (diff/format/format.h).
#include "diff/asyncapi/compare.h"
#include "diff/jsonschema/unresolved.h"

namespace accord::diff {

namespace {

// A loaded document and where its files are read (the source also lists the
// directories searched for .avsc files defining Avro payloads' named types).
struct AsyncApiVersion : LoadedContract {
  std::unique_ptr<DocumentVersion> documents;
  const core::SourceReader* source = nullptr;
};

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
    auto version = std::make_unique<AsyncApiVersion>();
    version->source = input.source;
    version->documents = adopt_version(std::move(document), options.remote, input.source);
    return std::unique_ptr<LoadedContract>(std::move(version));
  }

  core::Expected<std::vector<Finding>> compare(LoadedContract& old_version, LoadedContract& new_version,
                                               const CompareOptions& options) const override {
    auto& ov = static_cast<AsyncApiVersion&>(old_version);
    auto& nv = static_cast<AsyncApiVersion&>(new_version);
    DocumentVersion& o = *ov.documents;
    DocumentVersion& n = *nv.documents;
    AsyncApiSources sources{options.include_paths, ov.source, nv.source};
    auto findings = compare_asyncapi(*o.documents, *o.root, *n.documents, *n.root, sources);
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
