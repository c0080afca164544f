#include "cli/git_source.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "cli/process.h"

namespace accord::cli {

namespace {

bool is_directory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

GitSnapshot::GitSnapshot(std::string ref, std::string temp_root, std::string spec_path, std::string temp_prefix,
                         std::string display_prefix, bool whole_tree)
    : ref_(std::move(ref)),
      temp_root_(std::move(temp_root)),
      spec_path_(std::move(spec_path)),
      temp_prefix_(std::move(temp_prefix)),
      display_prefix_(std::move(display_prefix)),
      whole_tree_(whole_tree) {}

GitSnapshot::~GitSnapshot() {
  std::error_code ignored;
  std::filesystem::remove_all(temp_root_, ignored);
}

namespace {
bool is_path_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-' || c == '/';
}
}  // namespace

std::string GitSnapshot::display(const std::string& text) const {
  // The spec's directory with and without its trailing slash (a directory
  // spec is named without it).
  const std::string bare = temp_prefix_.substr(0, temp_prefix_.size() - 1);
  const std::string bare_display =
      display_prefix_.back() == '/' ? display_prefix_.substr(0, display_prefix_.size() - 1) : display_prefix_;
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t hit = text.find(temp_root_, pos);
    if (hit == std::string::npos) break;
    out.append(text, pos, hit - pos);
    auto at = [&](const std::string& s) { return text.compare(hit, s.size(), s) == 0; };
    const size_t after_bare = hit + bare.size();
    if (at(temp_prefix_)) {
      out += display_prefix_;
      pos = hit + temp_prefix_.size();
    } else if (at(bare) && (after_bare >= text.size() || !is_path_char(text[after_bare]))) {
      out += bare_display;
      pos = after_bare;
    } else {
      // Elsewhere in the tree: git's own REF:path-from-the-top.
      out += ref_ + ":";
      pos = hit + temp_root_.size() + (at(temp_root_ + "/") ? 1 : 0);
    }
  }
  out.append(text, pos, std::string::npos);
  return out;
}

bool GitSnapshot::needs_whole_tree(const core::Error& error) const {
  const std::string& missing = error.missing_file;
  return !whole_tree_ && missing.starts_with(temp_root_ + "/") && !missing.starts_with(temp_prefix_);
}

std::string parse_git_against(const std::string& against) {
  return against.rfind("git:", 0) == 0 ? against.substr(4) : std::string();
}

core::Expected<std::unique_ptr<GitSnapshot>> snapshot_at_ref(const std::string& ref, const std::string& path,
                                                             bool whole_tree) {
  if (ref.empty() || ref.front() == '-')
    return core::make_error("--against git:REF needs a commit, branch or tag after 'git:'");
  const bool spec_is_dir = is_directory(path);
  // The directory holding the spec, as the user spelled it ("" = current).
  std::string user_dir, name;
  if (spec_is_dir) {
    user_dir = path.back() == '/' ? path : path + "/";
  } else if (size_t slash = path.rfind('/'); slash != std::string::npos) {
    user_dir = path.substr(0, slash + 1);
    name = path.substr(slash + 1);
  } else {
    name = path;
  }
  const std::string dir = user_dir.empty() ? "." : user_dir;
  if (!is_directory(dir)) return core::make_error("no such directory: " + dir, path);

  ProcessResult top = run_process({"git", "-C", dir, "rev-parse", "--show-toplevel", "--show-prefix"});
  if (top.exit_code == 127 || top.exit_code < 0) return core::make_error("cannot run git: is it installed?");
  if (top.exit_code != 0)
    return core::make_error("--against git:" + ref + " needs a git repository, but " + dir + " is not in one (" +
                            git_says(top) + ")");
  const std::string top_level = top.out.substr(0, top.out.find('\n'));
  const std::string repo_prefix = trim(top.out.substr(top.out.find('\n') + 1));  // "api/" or ""

  ProcessResult commit = run_process({"git", "-C", dir, "rev-parse", "--verify", "--quiet", "--end-of-options",
                                      ref + "^{commit}"});
  if (commit.exit_code != 0)
    return core::make_error("unknown git ref '" + ref + "' (not a commit, branch or tag in " + top_level + ")");
  const std::string sha = trim(commit.out);

  if (!spec_is_dir) {
    ProcessResult exists = run_process({"git", "-C", top_level, "cat-file", "-e", sha + ":" + repo_prefix + name});
    if (exists.exit_code != 0)
      return core::make_error(path + " does not exist at git ref '" + ref + "' (as " + repo_prefix + name + ")");
  }

  std::string temp_template = (std::filesystem::temp_directory_path() / "accord-git-XXXXXX").string();
  if (!::mkdtemp(temp_template.data())) return core::make_error("cannot create a temporary directory for git:" + ref);
  const std::string temp_root = temp_template;
  // The snapshot owns the directory from here on, so every error path removes it.
  const std::string temp_prefix = temp_root + "/" + repo_prefix;
  // A directory spec is named without its trailing slash.
  std::string spec_path = name.empty() ? temp_prefix.substr(0, temp_prefix.size() - 1) : temp_prefix + name;
  auto snapshot =
      std::make_unique<GitSnapshot>(ref, temp_root, spec_path, temp_prefix, ref + ":" + user_dir, whole_tree);
  const std::string tar_path = temp_root + "/.accord-snapshot.tar";
  std::vector<std::string> archive = {"git", "-C", top_level, "archive", "--format=tar", "--output=" + tar_path, sha};
  if (!repo_prefix.empty() && !whole_tree) {  // else the whole tree
    archive.push_back("--");
    archive.push_back(repo_prefix);
  }
  ProcessResult archived = run_process(archive);
  if (archived.exit_code != 0) {
    if (spec_is_dir)
      return core::make_error(path + " does not exist at git ref '" + ref + "' (" + git_says(archived) + ")");
    return core::make_error("cannot read " + path + " at git ref '" + ref + "': " + git_says(archived));
  }
  ProcessResult extracted = run_process({"tar", "-x", "-f", tar_path, "-C", temp_root});
  if (extracted.exit_code != 0)
    return core::make_error("cannot unpack " + path + " at git ref '" + ref + "': " + git_says(extracted));
  std::error_code ignored;
  std::filesystem::remove(tar_path, ignored);
  if (spec_is_dir && !is_directory(snapshot->spec_path()))
    return core::make_error(path + " does not exist at git ref '" + ref + "'");
  return snapshot;
}

}  // namespace accord::cli
