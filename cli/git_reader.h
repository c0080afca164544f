// `--against git:REF` without exporting anything: one git revision as a
// core::SourceReader, each file read from REF only when loading first asks
// for it (the root document, then each $ref'd file as a $ref is followed,
// each .proto as an import reaches it).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/source.h"

namespace accord::cli {

// "git:REF" -> "REF"; empty when `against` does not start with "git:".
std::string parse_git_against(const std::string& against);

// One git revision as a core::SourceReader: each file is read from REF when
// loading first asks for it (`git cat-file blob REF:path`), once (a second
// read is served from memory), nothing is exported, and `reads()` says which
// files git was asked for. Paths are the working tree's, as the user and the
// referring documents name them (relative to the current directory, or
// absolute); each maps to `REF:<path from the repository root>`, through the
// current directory and symlinks. A path outside the repository has no
// version at REF: it is read from the file system (the well-known protos in
// /usr/include, an absolute $ref), as an export of the tree would have left it.
class GitSourceReader final : public core::SourceReader {
 public:
  // The repository holding `directory` (NEW's directory, as the user spelled
  // it: display names keep that spelling). Errors: git missing, not a
  // repository, REF not a commit. `ref` is kept as written for display names.
  static core::Expected<std::unique_ptr<GitSourceReader>> open(const std::string& ref,
                                                               const std::string& directory = ".");

  core::Expected<std::string> read(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  core::Expected<std::vector<std::string>> list(const std::string& directory) const override;
  // "REF:path" with REF as the user wrote it: the user's spelling for a file
  // in the directory given to open() when that is relative and does not climb
  // ("main:api/schemas/pet.yaml" for `--against git:main api/openapi.yaml`),
  // the path from the repository root, as git names it, for any other
  // ("main:shared/error.yaml" reached by "../shared/error.yaml"). Unchanged
  // outside the repository, and for a path this reader was never asked about
  // (it is not one of this version's files).
  std::string display_name(const std::string& path) const override;

  const std::string& ref() const { return ref_; }
  // Every path git was asked for, in order (a file read twice appears once).
  std::vector<std::string> reads() const;
  // The text of a file already read, by its display name (SARIF counts
  // columns on it); nothing is read from git for it.
  std::optional<std::string> text_named(const std::string& display) const;

 private:
  GitSourceReader(std::string name, std::string ref, std::string toplevel, std::string spelled_root);
  // The path from the repository root ("api/openapi.yaml"; "" for the root
  // itself), or nothing for a path outside the repository.
  std::optional<std::string> in_repository(const std::string& path) const;
  // The git object type at REF ("blob", "tree"), or "" when absent.
  std::string type_at_ref(const std::string& repo_path) const;
  void note_asked(const std::string& path) const;

  std::string name_;      // REF as written ("main", "HEAD~1")
  std::string ref_;       // the commit it names
  std::string toplevel_;  // the repository's root, absolute
  std::string spelled_root_;  // open()'s directory, normalised ("api", "."), or "" when absolute or climbing
  mutable std::mutex mutex_;
  mutable std::vector<std::string> reads_;
  mutable std::set<std::string> asked_;  // every path read, listed or asked about, as spelled
  mutable std::map<std::string, std::string> texts_;  // repository path -> bytes read
  mutable std::map<std::string, std::string> types_;  // repository path -> git type, as learnt
};

}  // namespace accord::cli
