// Helpers for the end-to-end tests: run the built `accord` (or git, or a
// script) without a shell and capture what it says, and build throwaway git
// repositories that never touch the project's own.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace accord::test {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs argv (argv[0] looked up in PATH unless it contains '/') in `cwd`
// (empty: the current directory) with `extra_env` ("NAME=value") added.
Run run(const std::vector<std::string>& argv, const std::string& cwd = {},
        const std::vector<std::string>& extra_env = {});
// `accord ARGS...` from the project root.
Run run_accord(const std::vector<std::string>& args, const std::string& cwd = {});

// A temporary directory, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// A git repository in a temporary directory with a local identity.
class TempRepo : public TempDir {
 public:
  TempRepo();
  // Runs git in the repository; REQUIREs success.
  std::string git(const std::vector<std::string>& args) const;
  void write(const std::string& relative, const std::string& content) const;
  void copy_in(const std::string& source, const std::string& relative) const;
  void commit_all(const std::string& message) const;
  // ci/pre-commit/accord-pre-commit as the repository's plain git pre-commit hook.
  void install_pre_commit_hook() const;
};

std::string read_text(const std::string& path);

// A `git` put first in PATH that logs each call, then runs the real one:
// what `accord --against git:REF` asked git for.
class GitLog {
 public:
  GitLog();
  // "cat-file blob REF:<path>" calls: path from the repository root -> how many.
  std::map<std::string, int> blob_reads() const;
  // Whether any call ran this git subcommand ("archive").
  bool ran(const std::string& subcommand) const;
  // `accord ARGS...` in `cwd` with this git first in PATH.
  Run accord(const std::vector<std::string>& args, const std::string& cwd) const;

 private:
  std::string log() const { return dir_.str() + "/calls.log"; }
  TempDir dir_;
};

}  // namespace accord::test
