// Where a contract's files are read from: the working tree, or one git
// revision read on demand. Loading asks a SourceReader for each file it
// reaches (the root document, then each $ref'd file when a $ref is first
// followed), so a comparison reads exactly the files it needs and nothing is
// copied out beforehand. core never runs git itself: cli/ implements the git
// reader and hands it in (ContractInput::source, DocumentSet).
#pragma once

#include <string>
#include <vector>

#include "core/expected.h"

namespace accord::core {

class SourceReader {
 public:
  virtual ~SourceReader() = default;
  // The file's bytes. A file that does not exist is an Error with
  // `missing_file` set to `path`.
  virtual Expected<std::string> read(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  // The names (not paths) of the entries of a directory, sorted.
  virtual Expected<std::vector<std::string>> list(const std::string& directory) const = 0;
  // What reports call a file read from here: the path itself for the file
  // system, "main:api/openapi.yaml" for a git revision. The engine names the
  // places and load errors of a version with it, so a version read from git
  // and the working tree's one, which share paths, are told apart.
  virtual std::string display_name(const std::string& path) const { return path; }
};

// The file system, as the user's paths name it.
class FileSourceReader final : public SourceReader {
 public:
  Expected<std::string> read(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  Expected<std::vector<std::string>> list(const std::string& directory) const override;
};

// The one file system reader (stateless), for callers that name no source.
const SourceReader& file_source();

}  // namespace accord::core
