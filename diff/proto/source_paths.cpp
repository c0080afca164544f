#include "diff/proto/source_paths.h"

#include <filesystem>

namespace accord::diff::proto {

namespace fs = std::filesystem;

// The proto path of a single file: relative to the -I root that contains it, else its own directory.
std::pair<std::string, std::string> split_single_file(const std::string& path, const std::vector<std::string>& includes) {
  fs::path abs = fs::weakly_canonical(fs::path(path));
  for (const std::string& inc : includes) {
    fs::path root = fs::weakly_canonical(fs::path(inc));
    auto rel = abs.lexically_relative(root);
    if (!rel.empty() && *rel.begin() != "..") return {inc, rel.generic_string()};
  }
  fs::path p(path);
  std::string dir = p.parent_path().string();
  return {dir.empty() ? "." : dir, p.filename().string()};
}

// The -I root a target directory lies in, so that its files get the names
// protoc gives them (relative to that root) and an import of one of them is
// that same file, not a second copy. A relative -I found inside the path
// names each version's own copy: `-I protos old/protos/x` is old/protos.
std::optional<std::string> include_root_of(const std::string& dir, const std::vector<std::string>& includes) {
  const fs::path abs = fs::weakly_canonical(fs::path(dir));
  for (const std::string& inc : includes) {
    auto rel = abs.lexically_relative(fs::weakly_canonical(fs::path(inc)));
    if (!rel.empty() && *rel.begin() != ".." && rel != ".") return inc;
  }
  const fs::path given = fs::path(dir).lexically_normal();
  for (const std::string& inc : includes) {
    const fs::path root = fs::path(inc).lexically_normal();
    if (root.is_absolute() || root.empty() || root == ".") continue;
    const std::string wanted = root.generic_string();
    fs::path prefix;
    for (const fs::path& part : given) {
      prefix /= part;
      if (prefix == given) break;  // the directory itself is the root: nothing to map
      const std::string head = prefix.generic_string();
      if (head.size() >= wanted.size() && head.compare(head.size() - wanted.size(), wanted.size(), wanted) == 0 &&
          (head.size() == wanted.size() || head[head.size() - wanted.size() - 1] == '/'))
        return head;
    }
  }
  return std::nullopt;
}

}  // namespace accord::diff::proto
