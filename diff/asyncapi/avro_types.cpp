// Where an Avro payload's named types are defined when the payload does not
// define them itself: the -I roots (as for .avsc inputs), then the directory
// of the .avsc file the payload `$ref`s, then the AsyncAPI document's own
// directory. In each, `<full name>.avsc` is tried first, then every other
// .avsc, in name order; the first file that defines the name wins. Files are
// read only when a name is not found otherwise, so an -I given for other
// inputs costs an Avro payload that needs none nothing.
#include <algorithm>
#include <filesystem>

#include "core/loader.h"
#include "diff/asyncapi/internal.h"
#include "diff/avro/schema.h"

namespace accord::diff::asyncapi {

namespace {

bool is_avsc(const std::string& name) { return name.size() > 5 && name.compare(name.size() - 5, 5, ".avsc") == 0; }

std::string join(const std::string& dir, const std::string& name) {
  return dir.empty() || dir == "." ? name : (std::filesystem::path(dir) / name).string();
}

std::string parent_of(const std::string& location) {
  std::string dir = std::filesystem::path(location).parent_path().string();
  return dir.empty() ? "." : dir;
}

bool defines(const core::Node* root, const std::string& full_name) {
  for (const std::string& name : avro::defined_names(root))
    if (name == full_name) return true;
  return false;
}

// `<full name>.avsc` first: the conventional file for one type.
std::vector<std::string> in_search_order(std::vector<std::string> files, const std::string& full_name) {
  std::stable_partition(files.begin(), files.end(), [&](const std::string& path) {
    return std::filesystem::path(path).filename() == full_name + ".avsc";
  });
  return files;
}

}  // namespace

AvroTypeSearch::AvroTypeSearch(std::vector<std::string> include_roots) : roots_(std::move(include_roots)) {}

const std::vector<std::string>& AvroTypeSearch::include_files() {
  if (include_files_) return *include_files_;
  include_files_.emplace();
  const core::SourceReader& disk = core::file_source();
  for (const std::string& root : roots_) {
    if (!disk.is_directory(root)) {
      include_files_->push_back(root);  // an -I naming one file
      continue;
    }
    std::vector<std::string> pending{root};
    while (!pending.empty()) {
      std::string dir = pending.back();
      pending.pop_back();
      auto names = disk.list(dir);
      if (!names) continue;
      for (const std::string& name : *names) {
        std::string path = join(dir, name);
        if (disk.is_directory(path)) pending.push_back(path);
        else if (is_avsc(name)) include_files_->push_back(path);
      }
    }
  }
  return *include_files_;
}

core::Expected<const core::Node*> AvroTypeSearch::in_includes(const std::string& full_name) {
  for (const std::string& path : in_search_order(include_files(), full_name)) {
    std::unique_ptr<core::Document>& doc = includes_[path];
    if (!doc) {
      // -I files are the user's: one that does not parse is an error, as for .avsc inputs.
      auto loaded = core::load_file(path, core::Syntax::json);
      if (!loaded) return loaded.error();
      doc = std::move(*loaded);
    }
    if (defines(doc->root(), full_name)) return doc->root();
  }
  return nullptr;
}

core::Expected<const core::Node*> AvroTypeSearch::in_directory(core::DocumentSet& set, const core::SourceReader& source,
                                                               const std::string& dir, const std::string& full_name) {
  auto names = source.list(dir);
  if (!names) return nullptr;
  std::vector<std::string> files;
  for (const std::string& name : *names)
    if (is_avsc(name)) files.push_back(join(dir, name));
  std::optional<core::Error> unreadable;
  for (const std::string& path : in_search_order(files, full_name)) {
    auto doc = set.load(path);
    if (!doc) {
      // Another file may still define the name; if none does, this one is why.
      if (!unreadable) unreadable = doc.error();
      continue;
    }
    if (defines((*doc)->root(), full_name)) return (*doc)->root();
  }
  if (unreadable) return *unreadable;
  return nullptr;
}

std::vector<std::string> AvroTypeSearch::directories(core::DocumentSet& set, const core::Node* asyncapi_root,
                                                     const core::Node* payload) {
  std::vector<std::string> dirs;
  for (const core::Node* node : {payload, asyncapi_root}) {
    const core::Document* doc = set.document_of(node);
    if (!doc) continue;
    std::string dir = parent_of(set.location_of(doc));
    if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) dirs.push_back(dir);
  }
  return dirs;
}

avro::TypeFinder AvroTypeSearch::finder(core::DocumentSet& set, const core::SourceReader* source,
                                        const core::Node* asyncapi_root, const core::Node* payload) {
  std::vector<std::string> dirs = directories(set, asyncapi_root, payload);
  std::string searched;
  for (const std::string& root : roots_) searched += (searched.empty() ? "-I " : ", -I ") + root;
  for (const std::string& dir : dirs) searched += (searched.empty() ? "" : ", ") + dir + "/";
  const core::SourceReader& reader = source ? *source : core::file_source();
  auto find = [this, &set, &reader, dirs](const std::string& full_name) -> core::Expected<const core::Node*> {
    auto found = in_includes(full_name);
    if (!found || *found) return found;
    for (const std::string& dir : dirs) {
      found = in_directory(set, reader, dir, full_name);
      if (!found || *found) return found;
    }
    return nullptr;
  };
  return {std::move(find), std::move(searched)};
}

}  // namespace accord::diff::asyncapi
