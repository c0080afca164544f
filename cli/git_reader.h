// `--against git:REF` without exporting anything: one git revision as a
// core::SourceReader, each file read from REF only when loading first asks
// for it (the root document, then each $ref'd file as a $ref is followed).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/source.h"

namespace accord::cli {

// One git revision as a core::SourceReader: each file is read from REF when
// loading first asks for it (`git cat-file blob REF:path`), nothing is
// exported, and `reads()` says how many files were read. Paths are the
// working tree's, as the user and the referring documents name them
// (relative to the current directory, or absolute), inside the repository.
class GitSourceReader final : public core::SourceReader {
 public:
  // The repository holding `directory`. Errors: git missing, not a
  // repository, REF not a commit.
  static core::Expected<std::unique_ptr<GitSourceReader>> open(const std::string& ref,
                                                               const std::string& directory = ".");

  core::Expected<std::string> read(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  core::Expected<std::vector<std::string>> list(const std::string& directory) const override;

  const std::string& ref() const { return ref_; }
  // Every path read so far, in order (one entry per read).
  const std::vector<std::string>& reads() const { return reads_; }

 private:
  GitSourceReader(std::string ref, std::string toplevel);
  // "REF:<path inside the repository>", or empty for a path outside it.
  std::string object_name(const std::string& path) const;

  std::string ref_;
  std::string toplevel_;  // the repository's root, absolute
  mutable std::vector<std::string> reads_;
};

}  // namespace accord::cli
