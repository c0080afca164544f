// One version of a protobuf contract, loaded into a DescriptorPool with its
// source positions: a `.proto` file, a directory of them, a binary
// FileDescriptorSet, or a proto.lock (protolock.h). The walker compares two of these.
#pragma once

#include <google/protobuf/descriptor.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/expected.h"
#include "core/source.h"

namespace accord::diff::proto {

namespace pb = google::protobuf;

struct ImageSource {
  std::string path;                        // what the user named
  std::vector<std::string> include_paths;  // -I roots, searched after the input's own root
  std::vector<std::string> excludes;       // paths (relative to the root) left out, from buf.yaml
  // Import roots whose files are compared too when the input imports them:
  // the other modules of a buf workspace (buf checks those under this module's config).
  std::vector<std::string> compared_import_roots;
  // A proto.lock records no syntax: each file's, from the version it is compared with.
  std::function<std::string(const std::string& proto_path)> lock_syntax;
  // Where every file of the version is read from: a git revision with
  // --against git:REF; null = the file system.
  const core::SourceReader* reader = nullptr;
};

// Fast lookups the pairing walker needs, built once per version.
struct ImageIndex {
  std::unordered_map<std::string_view, const pb::FileDescriptor*> file_by_path;
  std::unordered_map<std::string_view, const pb::Descriptor*> message_by_name;  // incl. nested and map entries
  std::unordered_map<std::string_view, const pb::EnumDescriptor*> enum_by_name;
  std::unordered_map<std::string_view, const pb::ServiceDescriptor*> service_by_name;
  // extendee full name -> number -> extension
  std::unordered_map<std::string_view, std::unordered_map<int, const pb::FieldDescriptor*>> extensions;
  // package -> files declaring it (sorted by path)
  std::unordered_map<std::string_view, std::vector<const pb::FileDescriptor*>> files_by_package;
};

class Image {
 public:
  Image();
  ~Image();
  Image(Image&&) noexcept;
  Image& operator=(Image&&) noexcept;
  struct Holder;  // owns the pool and whatever backs it (image.cpp)

  // The files being compared (imports from outside the input are not), sorted by path.
  const std::vector<const pb::FileDescriptor*>& files() const { return files_; }
  const ImageIndex& index() const { return index_; }
  // What findings call a file: the input directory joined with the proto path.
  std::string display_path(const pb::FileDescriptor* file) const;
  // The directory a buf.yaml would sit in ("" for descriptor sets).
  const std::string& root() const { return root_; }
  // Lets a file be found under another version's name (two single files compared).
  void alias_file(std::string_view name, const pb::FileDescriptor* file) { index_.file_by_path[name] = file; }
  // A descriptor set without buf's import marks (protoc --include_imports)
  // holds its -I dependencies as files too: those only other files import
  // are imports unless `other` (the other version) has them as well.
  void drop_unnamed_imports(const Image& other);

 private:
  friend core::Expected<Image> load_image(const ImageSource& source);
  std::unique_ptr<Holder> holder_;
  std::vector<const pb::FileDescriptor*> files_;
  ImageIndex index_;
  std::string root_;
  std::string display_prefix_;  // "new/" or "" for descriptor sets
  std::string lock_path_;       // a proto.lock's path: what findings name for all its files
  std::vector<const pb::FileDescriptor*> dependency_only_;  // see drop_unnamed_imports
  // Compared files from another workspace module: their own root's prefix.
  std::unordered_map<const pb::FileDescriptor*, std::string> display_prefix_of_import_;
};

// Loads and indexes one version. Parse failures (including editions files,
// which protobuf 3.21 cannot read) and unresolved imports come back as one
// Error naming the file, line and column.
core::Expected<Image> load_image(const ImageSource& source);

// True when the input is read as a binary FileDescriptorSet.
bool is_descriptor_set_path(const std::string& path);

}  // namespace accord::diff::proto
