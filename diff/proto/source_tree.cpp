#include "diff/proto/source_tree.h"

#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <filesystem>
#include <set>

namespace accord::diff::proto {

namespace fs = std::filesystem;

namespace {

// An ArrayInputStream that owns the bytes it streams.
class OwnedInputStream final : public pb::io::ZeroCopyInputStream {
 public:
  explicit OwnedInputStream(std::string text)
      : text_(std::move(text)), stream_(text_.data(), static_cast<int>(text_.size())) {}
  bool Next(const void** data, int* size) override { return stream_.Next(data, size); }
  void BackUp(int count) override { stream_.BackUp(count); }
  bool Skip(int count) override { return stream_.Skip(count); }
  int64_t ByteCount() const override { return stream_.ByteCount(); }

 private:
  std::string text_;
  pb::io::ArrayInputStream stream_;
};

// DiskSourceTree's rule: a virtual path is plain (no ".", "..", empty part or backslash).
bool is_plain(const std::string& proto_path) {
  if (proto_path.empty() || proto_path.find('\\') != std::string::npos) return false;
  for (size_t start = 0; start <= proto_path.size();) {
    size_t end = proto_path.find('/', start);
    if (end == std::string::npos) end = proto_path.size();
    const std::string part = proto_path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

// DiskSourceTree's ApplyMapping for a "" virtual prefix.
std::string path_under_root(const std::string& root, const std::string& proto_path) {
  if (root.empty()) return proto_path;
  return root.back() == '/' ? root + proto_path : root + "/" + proto_path;
}

void ReaderSourceTree::preload(const std::string& proto_path, std::string path, std::string text) {
  preloaded_[proto_path] = {std::move(path), std::move(text)};
}

pb::io::ZeroCopyInputStream* ReaderSourceTree::Open(const std::string& proto_path) {
  if (auto it = preloaded_.find(proto_path); it != preloaded_.end()) {
    opened_[proto_path] = it->second.first;
    std::string text = std::move(it->second.second);
    preloaded_.erase(it);
    return new OwnedInputStream(std::move(text));
  }
  if (!is_plain(proto_path)) {
    last_error_ = "Backslashes, consecutive slashes, \".\", or \"..\" are not allowed in the virtual path";
    return nullptr;
  }
  for (const std::string& root : roots_) {
    const std::string path = path_under_root(root, proto_path);
    auto text = reader_.read(path);
    if (!text) continue;
    opened_[proto_path] = path;
    return new OwnedInputStream(std::move(*text));
  }
  last_error_ = "File not found.";
  return nullptr;
}

bool ReaderSourceTree::opened_path(const std::string& proto_path, std::string* path) const {
  auto it = opened_.find(proto_path);
  if (it == opened_.end()) return false;
  *path = it->second;
  return true;
}

namespace {

core::Status walk(const core::SourceReader& reader, const std::string& directory, const std::string& relative,
                  std::set<std::string>& seen, std::vector<std::string>& out) {
  std::error_code ec;
  if (!seen.insert(fs::weakly_canonical(fs::absolute(directory), ec).string()).second) return core::ok_status();
  auto names = reader.list(directory);
  if (!names) return core::make_error("cannot read directory: " + names.error().message, directory);
  for (const std::string& name : *names) {
    const std::string path = path_under_root(directory, name), rel = relative.empty() ? name : relative + "/" + name;
    if (reader.is_directory(path)) {
      if (auto walked = walk(reader, path, rel, seen, out); !walked) return walked;
    } else if (fs::path(name).extension() == ".proto") {
      out.push_back(rel);
    }
  }
  return core::ok_status();
}

}  // namespace

core::Expected<std::vector<std::string>> proto_files_under(const core::SourceReader& reader,
                                                           const std::string& directory) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  if (auto walked = walk(reader, directory, "", seen, out); !walked) return walked.error();
  return out;
}

}  // namespace accord::diff::proto
