// Remote `$ref`s (http(s), or another scheme such as `ory://`) that accord
// may not fetch without --allow-remote-refs. Rather than refusing the whole
// comparison, each stands in as `{}` (accepts anything) and is reported as a
// finding of its own, an error by default: what was not checked fails the
// gate until the user allows it (accord.yaml `rules: ...ref-not-resolved: off`)
// or lets accord fetch it.
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>

#include "core/refs.h"
#include "diff/format/format.h"
#include "diff/model/sink.h"

namespace accord::diff {

class OpaqueRemotes : public core::RemoteSource {
 public:
  explicit OpaqueRemotes(core::RemoteSource* inner) : inner_(inner) {}
  core::Expected<std::string> fetch(const std::string& url) override {
    if (inner_) return inner_->fetch(url);
    refused_.insert(url);
    return std::string("{}");
  }
  const std::set<std::string>& refused() const { return refused_; }

 private:
  core::RemoteSource* inner_;
  std::set<std::string> refused_;
};

// One `rule_id` finding per refused location, at the first `$ref` to it in
// each version (old side, new side).
void report_unresolved(const OpaqueRemotes& old_remotes, const core::Document& old_doc,
                       const OpaqueRemotes& new_remotes, const core::Document& new_doc, std::string_view rule_id,
                       FindingSink& sink);

// One version of a document-shaped contract: its documents, with remote
// `$ref`s answered by an OpaqueRemotes over the --allow-remote-refs fetcher.
struct DocumentVersion : LoadedContract {
  std::unique_ptr<OpaqueRemotes> remotes;
  std::unique_ptr<core::DocumentSet> documents;
  const core::Document* root = nullptr;
};

// `source`: where $ref'd files are read (null = the file system).
std::unique_ptr<DocumentVersion> adopt_version(std::unique_ptr<core::Document> document, core::RemoteSource* remote,
                                               const core::SourceReader* source);

}  // namespace accord::diff
