#include "cli/git_reader.h"

#include <algorithm>
#include <filesystem>

#include "cli/process.h"

namespace accord::cli {

core::Expected<std::unique_ptr<GitSourceReader>> GitSourceReader::open(const std::string& ref,
                                                                     const std::string& directory) {
  if (ref.empty() || ref.front() == '-')
    return core::make_error("--against git:REF needs a commit, branch or tag after 'git:'");
  ProcessResult top = run_process({"git", "-C", directory, "rev-parse", "--show-toplevel"});
  if (top.exit_code == 127 || top.exit_code < 0) return core::make_error("cannot run git: is it installed?");
  if (top.exit_code != 0)
    return core::make_error("--against git:" + ref + " needs a git repository (" + git_says(top) + ")");
  const std::string toplevel = trim(top.out);
  ProcessResult commit = run_process({"git", "-C", toplevel, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"});
  if (commit.exit_code != 0)
    return core::make_error("unknown git ref '" + ref + "' (not a commit, branch or tag in " + toplevel + ")");
  return std::unique_ptr<GitSourceReader>(new GitSourceReader(trim(commit.out), toplevel));
}

GitSourceReader::GitSourceReader(std::string ref, std::string toplevel)
    : ref_(std::move(ref)), toplevel_(std::move(toplevel)) {}

std::string GitSourceReader::object_name(const std::string& path) const {
  namespace fs = std::filesystem;
  // Canonical like git's toplevel (a symlinked /tmp, say); the file itself
  // need not exist in the working tree.
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path), ec);
  if (ec) return {};
  std::string rel = absolute.lexically_relative(toplevel_).generic_string();
  if (rel.empty() || rel == "." || rel.starts_with("..")) return {};
  while (!rel.empty() && rel.back() == '/') rel.pop_back();
  return ref_ + ":" + rel;
}

core::Expected<std::string> GitSourceReader::read(const std::string& path) const {
  const std::string object = object_name(path);
  if (object.empty()) return core::make_error("outside the git repository " + toplevel_, path);
  reads_.push_back(path);
  ProcessResult blob = run_process({"git", "-C", toplevel_, "cat-file", "blob", object});
  if (blob.exit_code == 0) return std::move(blob.out);
  core::Error e = core::make_error("cannot read at git ref " + ref_.substr(0, 12) + ": " + git_says(blob), path);
  // Absent at the ref (or a tree): the same value a missing working-tree file gives.
  if (!is_directory(path)) e.missing_file = path;
  return e;
}

bool GitSourceReader::is_directory(const std::string& path) const {
  const std::string object = object_name(path);
  if (object.empty()) return false;
  ProcessResult type = run_process({"git", "-C", toplevel_, "cat-file", "-t", object});
  return type.exit_code == 0 && trim(type.out) == "tree";
}

core::Expected<std::vector<std::string>> GitSourceReader::list(const std::string& directory) const {
  const std::string object = object_name(directory);
  if (object.empty() || !is_directory(directory)) return core::make_error("not a directory at the git ref", directory);
  ProcessResult tree = run_process({"git", "-C", toplevel_, "ls-tree", "--name-only", object});
  if (tree.exit_code != 0) return core::make_error(git_says(tree), directory);
  std::vector<std::string> names;
  for (size_t start = 0; start < tree.out.size();) {
    size_t end = tree.out.find('\n', start);
    if (end == std::string::npos) end = tree.out.size();
    if (end > start) names.push_back(tree.out.substr(start, end - start));
    start = end + 1;
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace accord::cli
