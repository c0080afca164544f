#include "cli/git_reader.h"

#include <algorithm>
#include <filesystem>

#include "cli/process.h"

namespace accord::cli {

namespace fs = std::filesystem;

std::string parse_git_against(const std::string& against) {
  return against.rfind("git:", 0) == 0 ? against.substr(4) : std::string();
}

core::Expected<std::unique_ptr<GitSourceReader>> GitSourceReader::open(const std::string& ref,
                                                                     const std::string& directory) {
  if (ref.empty() || ref.front() == '-')
    return core::make_error("--against git:REF needs a commit, branch or tag after 'git:'");
  ProcessResult top = run_process({"git", "-C", directory, "rev-parse", "--show-toplevel"});
  if (top.exit_code == 127 || top.exit_code < 0) return core::make_error("cannot run git: is it installed?");
  if (top.exit_code != 0)
    return core::make_error("--against git:" + ref + " needs a git repository, but " + directory +
                            " is not in one (" + git_says(top) + ")");
  const std::string toplevel = trim(top.out);
  ProcessResult commit = run_process({"git", "-C", toplevel, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"});
  if (commit.exit_code != 0)
    return core::make_error("unknown git ref '" + ref + "' (not a commit, branch or tag in " + toplevel + ")");
  return std::unique_ptr<GitSourceReader>(new GitSourceReader(ref, trim(commit.out), toplevel, directory));
}

namespace {

// A relative path that does not climb, normalised ("api/x.yaml", "."), else "".
std::string plain_relative(const std::string& path) {
  const std::string normal = fs::path(path).lexically_normal().generic_string();
  if (normal.empty() || fs::path(path).is_absolute() || normal.starts_with("..")) return {};
  return normal.back() == '/' && normal.size() > 1 ? normal.substr(0, normal.size() - 1) : normal;
}

}  // namespace

GitSourceReader::GitSourceReader(std::string name, std::string ref, std::string toplevel, std::string spelled_root)
    : name_(std::move(name)),
      ref_(std::move(ref)),
      toplevel_(std::move(toplevel)),
      spelled_root_(plain_relative(spelled_root)) {}

std::optional<std::string> GitSourceReader::in_repository(const std::string& path) const {
  // Canonical like git's toplevel (a symlinked /tmp, say); the file itself
  // need not exist in the working tree.
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(path), ec);
  if (ec) return std::nullopt;
  std::string rel = absolute.lexically_relative(toplevel_).generic_string();
  if (rel.empty() || rel.starts_with("..")) return std::nullopt;
  if (rel == ".") return std::string();
  while (!rel.empty() && rel.back() == '/') rel.pop_back();
  return rel;
}

std::string GitSourceReader::type_at_ref(const std::string& repo_path) const {
  {
    std::lock_guard lock(mutex_);
    if (auto it = types_.find(repo_path); it != types_.end()) return it->second;
  }
  ProcessResult type = run_process({"git", "-C", toplevel_, "cat-file", "-t", ref_ + ":" + repo_path});
  std::string found = type.exit_code == 0 ? trim(type.out) : std::string();
  std::lock_guard lock(mutex_);
  types_.emplace(repo_path, found);
  return found;
}

void GitSourceReader::note_asked(const std::string& path) const {
  std::lock_guard lock(mutex_);
  asked_.insert(path);
}

core::Expected<std::string> GitSourceReader::read(const std::string& path) const {
  note_asked(path);
  const auto rel = in_repository(path);
  if (!rel) return core::file_source().read(path);
  {
    std::lock_guard lock(mutex_);
    if (auto it = texts_.find(*rel); it != texts_.end()) return it->second;
    reads_.push_back(path);
  }
  ProcessResult blob = run_process({"git", "-C", toplevel_, "cat-file", "blob", ref_ + ":" + *rel});
  if (blob.exit_code == 0) {
    std::lock_guard lock(mutex_);
    types_.emplace(*rel, "blob");
    return texts_.emplace(*rel, std::move(blob.out)).first->second;
  }
  const std::string type = type_at_ref(*rel);
  // Named as reports name this version's files: the message may be quoted
  // inside another error (a $ref that cannot be followed).
  if (type == "tree") return core::make_error("is a directory at git ref '" + name_ + "'", display_name(path));
  core::Error e = core::make_error("does not exist at git ref '" + name_ + "' (as " + *rel + ")", display_name(path));
  e.missing_file = path;  // the same value a missing working-tree file gives
  return e;
}

bool GitSourceReader::is_directory(const std::string& path) const {
  note_asked(path);
  const auto rel = in_repository(path);
  if (!rel) return core::file_source().is_directory(path);
  return rel->empty() || type_at_ref(*rel) == "tree";
}

core::Expected<std::vector<std::string>> GitSourceReader::list(const std::string& directory) const {
  note_asked(directory);
  const auto rel = in_repository(directory);
  if (!rel) return core::file_source().list(directory);
  if (!is_directory(directory)) return core::make_error("not a directory at git ref '" + name_ + "'", directory);
  // One ls-tree says each entry's type too, so walking a tree asks git once per directory.
  ProcessResult tree = run_process({"git", "-C", toplevel_, "ls-tree", "-z", ref_ + ":" + *rel});
  if (tree.exit_code != 0) return core::make_error(git_says(tree), directory);
  std::vector<std::string> names;
  std::lock_guard lock(mutex_);
  for (size_t start = 0; start < tree.out.size();) {
    size_t end = tree.out.find('\0', start);
    if (end == std::string::npos) end = tree.out.size();
    const std::string entry = tree.out.substr(start, end - start);  // "<mode> <type> <sha>\t<name>"
    start = end + 1;
    const size_t tab = entry.find('\t'), space = entry.find(' ');
    if (tab == std::string::npos || space == std::string::npos) continue;
    std::string name = entry.substr(tab + 1);
    types_.emplace(rel->empty() ? name : *rel + "/" + name, entry.substr(space + 1, entry.find(' ', space + 1) - space - 1));
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string GitSourceReader::display_name(const std::string& path) const {
  {
    std::lock_guard lock(mutex_);
    if (!asked_.count(path)) return path;  // not one of this version's files
  }
  const auto rel = in_repository(path);
  if (!rel) return path;
  // An absolute name (cli names OLD so, apart from NEW) is shown as the user
  // would spell it from the current directory.
  const std::string spelled =
      plain_relative(fs::path(path).is_absolute() ? fs::path(path).lexically_relative(fs::current_path()).string() : path);
  const bool in_root = !spelled.empty() && !spelled_root_.empty() &&
                       (spelled_root_ == "." || spelled == spelled_root_ || spelled.starts_with(spelled_root_ + "/"));
  return name_ + ":" + (in_root ? spelled : *rel);
}

std::vector<std::string> GitSourceReader::reads() const {
  std::lock_guard lock(mutex_);
  return reads_;
}

std::optional<std::string> GitSourceReader::text_named(const std::string& display) const {
  const std::string prefix = name_ + ":";
  if (!display.starts_with(prefix)) return std::nullopt;
  std::string rest = display.substr(prefix.size());
  // A display name is either the user's spelling or the path from the root.
  std::lock_guard lock(mutex_);
  for (const std::string& candidate : {rest, toplevel_ + "/" + rest}) {
    const auto rel = in_repository(candidate);
    if (!rel) continue;
    if (auto it = texts_.find(*rel); it != texts_.end()) return it->second;
  }
  return std::nullopt;
}

}  // namespace accord::cli
