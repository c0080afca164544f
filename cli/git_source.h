// `--against git:REF`: the old version of a contract taken from git. The
// spec's directory at REF is materialised into a temporary directory (so
// relative $refs and sibling .proto files resolve as they did at REF), and
// file names in findings and errors are mapped back to "REF:path" as the user
// would write it.
#pragma once

#include <memory>
#include <string>

#include "core/expected.h"

namespace accord::cli {

class GitSnapshot {
 public:
  GitSnapshot(std::string ref, std::string temp_root, std::string spec_path, std::string temp_prefix,
              std::string display_prefix, bool whole_tree);
  ~GitSnapshot();  // removes the temporary directory
  GitSnapshot(const GitSnapshot&) = delete;
  GitSnapshot& operator=(const GitSnapshot&) = delete;

  // The old spec (file or directory) inside the temporary tree.
  const std::string& spec_path() const { return spec_path_; }
  // Rewrites a temporary path (or any text mentioning one, such as an error
  // message) to the name the user knows: "main:api/openapi.yaml".
  // Files outside the spec's directory are named git's way, "main:shared/x.yaml".
  std::string display(const std::string& text) const;
  // True when only the spec's directory was materialised and `error` is a
  // file missing outside it (core::Error::missing_file): a $ref reaching up,
  // worth a second try with the whole tree.
  bool needs_whole_tree(const core::Error& error) const;

 private:
  std::string ref_;
  std::string temp_root_;
  std::string spec_path_;
  std::string temp_prefix_;     // "<temp_root>/api/"
  std::string display_prefix_;  // "main:api/"
  bool whole_tree_;
};

// "git:REF" -> "REF"; empty when `against` does not start with "git:".
std::string parse_git_against(const std::string& against);

// Materialises `path` (a file or directory in the working tree, as the user
// named it) at `ref`. Errors: not a git repository, unknown ref, path absent
// at the ref, git not installed.
// Only the spec's directory is materialised unless `whole_tree` is set.
core::Expected<std::unique_ptr<GitSnapshot>> snapshot_at_ref(const std::string& ref, const std::string& path,
                                                             bool whole_tree = false);

}  // namespace accord::cli
