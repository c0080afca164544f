// The protobuf compiler's view of a version's files, read through the
// version's core::SourceReader (the file system, or a git revision with
// --against git:REF) instead of protobuf's DiskSourceTree, which can only
// open files on disk. Roots are searched in order, as DiskSourceTree's
// MapPath("", root) mappings are, and a file's path is named the same way.
#pragma once

#include <google/protobuf/compiler/importer.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/source.h"

namespace accord::diff::proto {

namespace pb = google::protobuf;

class ReaderSourceTree final : public pb::compiler::SourceTree {
 public:
  explicit ReaderSourceTree(const core::SourceReader& reader) : reader_(reader) {}
  // A root searched after the earlier ones ("" = the proto path as it is).
  void add_root(std::string root) { roots_.push_back(std::move(root)); }
  // A file already read (the single input file): served without reading it again.
  void preload(const std::string& proto_path, std::string path, std::string text);

  // The first root holding `proto_path`, as a stream over its bytes; null
  // when none does (GetLastErrorMessage says why).
  pb::io::ZeroCopyInputStream* Open(const std::string& proto_path) override;
  std::string GetLastErrorMessage() override { return last_error_; }
  // The path (as the reader names it) a proto path was opened from; false
  // when it was never opened.
  bool opened_path(const std::string& proto_path, std::string* path) const;

 private:
  const core::SourceReader& reader_;
  std::vector<std::string> roots_;
  std::map<std::string, std::string> opened_;  // proto path -> its root joined with it
  std::map<std::string, std::pair<std::string, std::string>> preloaded_;  // proto path -> {path, text}
  std::string last_error_;
};

// Where a proto path lies under a root, named as DiskSourceTree names it
// ("" = the proto path itself; "." gives "./a.proto").
std::string path_under_root(const std::string& root, const std::string& proto_path);

// The .proto files under `directory` (recursively, through `reader`), as
// paths relative to it, in no particular order. A directory reached twice
// (a symlink loop) is walked once.
core::Expected<std::vector<std::string>> proto_files_under(const core::SourceReader& reader,
                                                           const std::string& directory);

}  // namespace accord::diff::proto
