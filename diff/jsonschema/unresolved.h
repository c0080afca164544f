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

using DocumentComparison = std::function<core::Expected<std::vector<Finding>>(
    core::DocumentSet&, const core::Document&, core::DocumentSet&, const core::Document&)>;

// Puts each version in a DocumentSet whose remote `$ref`s go through an
// OpaqueRemotes (over `remote`, the --allow-remote-refs fetcher or null),
// runs `compare`, and adds one `rule_id` finding per location not fetched.
core::Expected<std::vector<Finding>> compare_with_opaque_remotes(std::unique_ptr<core::Document> old_doc,
                                                                 std::unique_ptr<core::Document> new_doc,
                                                                 core::RemoteSource* remote, std::string_view rule_id,
                                                                 const DocumentComparison& compare);

}  // namespace accord::diff
