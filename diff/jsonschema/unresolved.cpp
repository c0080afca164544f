#include "diff/jsonschema/unresolved.h"

#include "core/json_pointer.h"

namespace accord::diff {

namespace {

// The first `$ref` whose target starts with `location`, depth first in document order.
std::optional<Place> first_ref_to(const core::Node* node, const std::string& pointer, const std::string& location) {
  if (!node) return std::nullopt;
  if (node->is_object())
    if (const core::Node* ref = node->get("$ref"); ref && ref->is_string() && ref->text().find(location) != std::string_view::npos)
      return place_of(ref, pointer + "/$ref");
  if (node->is_scalar()) return std::nullopt;
  size_t i = 0;
  for (const core::Member& m : node->children()) {
    std::string child = node->is_array() ? core::pointer_append(pointer, i) : core::pointer_append(pointer, m.key);
    ++i;
    if (auto found = first_ref_to(m.value, child, location)) return found;
  }
  return std::nullopt;
}

// "https://x/y.json" as written in a $ref may be relative; match on the last path segment at least.
std::string tail_of(const std::string& location) {
  size_t sep = location.find("://");
  return sep == std::string::npos ? location : location.substr(sep + 3);
}

}  // namespace

void report_unresolved(const OpaqueRemotes& old_remotes, const core::Document& old_doc,
                       const OpaqueRemotes& new_remotes, const core::Document& new_doc, std::string_view rule_id,
                       FindingSink& sink) {
  std::set<std::string> all = old_remotes.refused();
  all.insert(new_remotes.refused().begin(), new_remotes.refused().end());
  for (const std::string& location : all) {
    std::string key = tail_of(location);
    auto o = old_remotes.refused().count(location) ? first_ref_to(old_doc.root(), "", key) : std::nullopt;
    auto n = new_remotes.refused().count(location) ? first_ref_to(new_doc.root(), "", key) : std::nullopt;
    sink.add(rule_id, {{"location", location}}, "", std::move(o), std::move(n));
  }
}

std::unique_ptr<DocumentVersion> adopt_version(std::unique_ptr<core::Document> document, core::RemoteSource* remote,
                                               const core::SourceReader* source) {
  auto version = std::make_unique<DocumentVersion>();
  version->remotes = std::make_unique<OpaqueRemotes>(remote);
  version->documents = std::make_unique<core::DocumentSet>(version->remotes.get(), source);
  version->root = version->documents->adopt(std::move(document));
  return version;
}

}  // namespace accord::diff
