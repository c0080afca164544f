// Loading one version: sources parsed over a source tree read through the
// version's SourceReader (the input root first, then -I roots, then the
// system's well-known types) into a
// DescriptorPool, or a binary FileDescriptorSet through a descriptor
// database. Every error is collected, never printed.
#include "diff/proto/image.h"

#include <google/protobuf/arena.h>
#include <google/protobuf/compiler/importer.h>
#include <google/protobuf/compiler/parser.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/descriptor_database.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <unordered_set>

#include <google/protobuf/stubs/logging.h>

#include "core/loader.h"
#include "diff/proto/descriptor_set.h"
#include "diff/proto/position_filter.h"
#include "diff/proto/source_paths.h"
#include "diff/proto/source_tree.h"
#include "diff/proto/protolock.h"

namespace accord::diff::proto {

namespace fs = std::filesystem;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Where the well-known types live when the tree does not carry them.
constexpr const char* kSystemInclude = "/usr/include";

struct Collected {
  std::string file;
  int line = -1;
  int column = -1;
  std::string message;
};

class ErrorCollector : public pb::compiler::MultiFileErrorCollector {
 public:
  void AddError(const std::string& filename, int line, int column, const std::string& message) override {
    errors.push_back({filename, line, column, message});
  }
  std::vector<Collected> errors;
};

class DescriptorSetErrors : public pb::DescriptorPool::ErrorCollector {
 public:
  void AddError(const std::string& filename, const std::string& element_name, const pb::Message*, ErrorLocation,
                const std::string& message) override {
    if (first.empty()) first = filename + ": " + element_name + ": " + message;
  }
  std::string first;
};

bool is_excluded(const std::string& rel, const std::vector<std::string>& excludes) {
  for (const std::string& e : excludes) {
    if (rel == e) return true;
    if (rel.size() > e.size() && rel.compare(0, e.size(), e) == 0 && (e.back() == '/' || rel[e.size()] == '/'))
      return true;
  }
  return false;
}

std::string join_display(const std::string& dir, const std::string& rel) {
  if (dir.empty() || dir == ".") return rel;
  return dir.back() == '/' ? dir + rel : dir + "/" + rel;
}

}  // namespace

// Destroyed bottom-up: the importer reads the tree and its errors,
// the pool the database.
struct Image::Holder {
  std::unique_ptr<ReaderSourceTree> tree;
  std::unique_ptr<pb::SimpleDescriptorDatabase> database;
  std::unique_ptr<pb::DescriptorPoolDatabase> well_known;  // a lock's fallback for google/protobuf/*
  std::unique_ptr<pb::MergedDescriptorDatabase> merged;    // the lock's files, then well_known
  std::unique_ptr<DescriptorSetErrors> set_errors;
  std::unique_ptr<pb::DescriptorPool> pool;
  std::unique_ptr<ErrorCollector> errors;               // the slow path's
  std::unique_ptr<pb::compiler::Importer> importer;     // the slow path's own pool
};

Image::Image() = default;
Image::~Image() = default;
Image::Image(Image&&) noexcept = default;
Image& Image::operator=(Image&&) noexcept = default;

std::string Image::display_path(const pb::FileDescriptor* file) const {
  if (!lock_path_.empty()) return lock_path_;  // every file of a proto.lock is in the lock
  if (auto it = display_prefix_of_import_.find(file); it != display_prefix_of_import_.end()) return it->second + file->name();
  return display_prefix_ + file->name();
}

bool is_descriptor_set_path(const std::string& path) {
  return ends_with(path, ".binpb") || ends_with(path, ".pb") || ends_with(path, ".desc") ||
         ends_with(path, ".protoset") || ends_with(path, ".bin");
}

namespace {

void index_message(ImageIndex& ix, const pb::Descriptor* m) {
  ix.message_by_name.emplace(m->full_name(), m);
  for (int i = 0; i < m->nested_type_count(); ++i) index_message(ix, m->nested_type(i));
  for (int i = 0; i < m->enum_type_count(); ++i) ix.enum_by_name.emplace(m->enum_type(i)->full_name(), m->enum_type(i));
  for (int i = 0; i < m->extension_count(); ++i)
    ix.extensions[m->extension(i)->containing_type()->full_name()].emplace(m->extension(i)->number(), m->extension(i));
}

ImageIndex build_index(const std::vector<const pb::FileDescriptor*>& files) {
  ImageIndex ix;
  for (const pb::FileDescriptor* f : files) {
    ix.file_by_path.emplace(f->name(), f);
    ix.files_by_package[f->package()].push_back(f);
    for (int i = 0; i < f->message_type_count(); ++i) index_message(ix, f->message_type(i));
    for (int i = 0; i < f->enum_type_count(); ++i) ix.enum_by_name.emplace(f->enum_type(i)->full_name(), f->enum_type(i));
    for (int i = 0; i < f->service_count(); ++i) ix.service_by_name.emplace(f->service(i)->full_name(), f->service(i));
    for (int i = 0; i < f->extension_count(); ++i)
      ix.extensions[f->extension(i)->containing_type()->full_name()].emplace(f->extension(i)->number(), f->extension(i));
  }
  return ix;
}

core::Error import_error(const std::vector<Collected>& errors, const std::string& root_dir,
                         const ReaderSourceTree& tree, const core::SourceReader& reader) {
  // Prefer an error with a position (the importing line) over "File not found.".
  const Collected* chosen = &errors.front();
  for (const Collected& c : errors)
    if (c.line >= 0) {
      chosen = &c;
      break;
    }
  const Collected& e = *chosen;
  std::string disk;
  tree.opened_path(e.file, &disk);
  std::string shown = disk.empty() ? join_display(root_dir, e.file) : disk;
  auto text = disk.empty() ? core::Expected<std::string>(core::make_error("")) : reader.read(disk);
  if (int line = 0, column = 0; text && edition_declaration(*text, line, column))
    return core::make_error(editions_unsupported(), shown, static_cast<uint32_t>(line), static_cast<uint32_t>(column));
  std::string message = e.message;
  if (errors.size() > 1) message += " (and " + std::to_string(errors.size() - 1) + " more error(s))";
  return core::make_error(message, shown, e.line >= 0 ? static_cast<uint32_t>(e.line + 1) : 0,
                          e.column >= 0 ? static_cast<uint32_t>(e.column + 1) : 0);
}

// The fast path. Each file is parsed into a FileDescriptorProto that is freed
// once the pool has built the file from it, imports first. compiler::Importer
// would also record every element's position in a table that is only read
// when there is an error (on googleapis: a fifth of the CPU time and much of
// the memory).
// Any failure is only noted: the slow path below parses again to say where.
class FastLoader {
 public:
  explicit FastLoader(Image::Holder& holder) : holder_(holder) {}

  const pb::FileDescriptor* load(const std::string& name) {
    if (const pb::FileDescriptor* built = holder_.pool->FindFileByName(name)) return built;
    if (!in_progress_.insert(name).second) return nullptr;  // an import cycle
    std::unique_ptr<pb::io::ZeroCopyInputStream> input(holder_.tree->Open(name));
    if (!input) return nullptr;
    // On the heap, not in an arena: the parser builds SourceCodeInfo on the
    // heap and swaps it into the file at the end, and a swap across arenas
    // is a deep copy both ways (15% of the run on googleapis).
    auto owned = std::make_unique<pb::FileDescriptorProto>();
    pb::FileDescriptorProto* proto = owned.get();
    pb::io::Tokenizer tokenizer(input.get(), &parse_errors_);
    pb::compiler::Parser parser;
    parser.RecordErrorsTo(&parse_errors_);
    if (!parser.Parse(&tokenizer, proto) || parse_errors_.failed) return nullptr;
    proto->set_name(name);
    keep_queried_positions(*proto->mutable_source_code_info());
    for (const std::string& import : proto->dependency())
      if (!load(import)) return nullptr;
    in_progress_.erase(name);
    return holder_.pool->BuildFileCollectingErrors(*proto, &build_errors_);
  }

 private:
  struct ParseFailed : pb::io::ErrorCollector {
    void AddError(int, pb::io::ColumnNumber, const std::string&) override { failed = true; }
    bool failed = false;
  };
  struct BuildFailed : pb::DescriptorPool::ErrorCollector {
    void AddError(const std::string&, const std::string&, const pb::Message*, ErrorLocation,
                  const std::string&) override {}
  };
  Image::Holder& holder_;
  ParseFailed parse_errors_;
  BuildFailed build_errors_;
  std::unordered_set<std::string> in_progress_;
};

bool parse_all(Image::Holder& holder, const std::vector<std::string>& targets,
               std::vector<const pb::FileDescriptor*>& files) {
  holder.pool = std::make_unique<pb::DescriptorPool>();
  FastLoader loader(holder);
  for (const std::string& t : targets) {
    const pb::FileDescriptor* f = loader.load(t);
    if (!f) return false;
    files.push_back(f);
  }
  return true;
}

// The slow path, after the fast one failed: compiler::Importer names the
// file, line and column of each error. Should it build everything after all
// (the fast path is stricter than it means to be), its files are used.
bool import_slowly(Image::Holder& holder, const std::vector<std::string>& targets,
                   std::vector<const pb::FileDescriptor*>& files) {
  files.clear();
  holder.pool.reset();
  holder.errors = std::make_unique<ErrorCollector>();
  holder.importer = std::make_unique<pb::compiler::Importer>(holder.tree.get(), holder.errors.get());
  for (const std::string& t : targets)
    if (const pb::FileDescriptor* f = holder.importer->Import(t)) files.push_back(f);
  return holder.errors->errors.empty() && files.size() == targets.size();
}

const core::SourceReader& reader_of(const ImageSource& source) {
  return source.reader ? *source.reader : core::file_source();
}

core::Status load_sources(const ImageSource& source, std::unique_ptr<Image::Holder>& holder,
                                   std::vector<const pb::FileDescriptor*>& files, std::string& root,
                                   std::string& prefix) {
  const core::SourceReader& reader = reader_of(source);
  holder->tree = std::make_unique<ReaderSourceTree>(reader);
  std::vector<std::string> targets;
  if (reader.is_directory(source.path)) {
    root = include_root_of(source.path, source.include_paths).value_or(source.path);
    prefix = join_display(root, "");
    // Excludes are relative to the directory (buf.yaml's); names to the root.
    const std::string under_root =
        fs::weakly_canonical(source.path).lexically_relative(fs::weakly_canonical(root)).generic_string();
    auto found = proto_files_under(reader, source.path);
    if (!found) return found.error();
    for (std::string& rel : *found) {
      if (is_excluded(rel, source.excludes)) continue;
      targets.push_back(under_root == "." || under_root.empty() ? std::move(rel) : join_display(under_root, rel));
    }
    if (targets.empty()) return core::make_error("no .proto files in directory", source.path);
  } else {
    auto text = reader.read(source.path);
    if (!text && !text.error().missing_file.empty()) return core::make_error("no such file or directory", source.path);
    if (!text) return text.error();
    auto [dir, rel] = split_single_file(source.path, source.include_paths);
    root = dir;
    prefix = join_display(dir, "");
    holder->tree->preload(rel, path_under_root(dir, rel), std::move(*text));
    targets.push_back(rel);
  }
  std::sort(targets.begin(), targets.end());

  holder->tree->add_root(root);
  for (const std::string& inc : source.include_paths) holder->tree->add_root(inc);
  holder->tree->add_root(kSystemInclude);
  if (parse_all(*holder, targets, files)) return core::ok_status();
  // Something failed: parse again the slow way, which knows where.
  if (import_slowly(*holder, targets, files)) return core::ok_status();
  std::vector<Collected> errors = holder->errors->errors;
  if (errors.empty()) errors.push_back({"", -1, -1, "the files did not build"});
  return import_error(errors, root, *holder->tree, reader);
}

// Adds the files the targets import (transitively) from `source.compared_import_roots`,
// recording the root each came from for its display path.
void add_compared_imports(const ImageSource& source, const ReaderSourceTree& tree,
                          std::vector<const pb::FileDescriptor*>& files,
                          std::unordered_map<const pb::FileDescriptor*, std::string>& prefix_of) {
  if (source.compared_import_roots.empty()) return;
  std::unordered_set<const pb::FileDescriptor*> seen(files.begin(), files.end());
  std::vector<const pb::FileDescriptor*> pending(files.begin(), files.end());
  while (!pending.empty()) {
    const pb::FileDescriptor* f = pending.back();
    pending.pop_back();
    for (int i = 0; i < f->dependency_count(); ++i) {
      const pb::FileDescriptor* dep = f->dependency(i);
      if (!seen.insert(dep).second) continue;
      pending.push_back(dep);
      std::string disk;
      if (!tree.opened_path(dep->name(), &disk)) continue;
      for (const std::string& root : source.compared_import_roots) {
        std::string prefix = join_display(root, "");
        if (disk.compare(0, prefix.size(), prefix) != 0) continue;
        files.push_back(dep);
        prefix_of.emplace(dep, prefix);
        break;
      }
    }
  }
  std::sort(files.begin(), files.end(), [](auto* a, auto* b) { return a->name() < b->name(); });
}

core::Status load_descriptor_set(const ImageSource& source, std::unique_ptr<Image::Holder>& holder,
                                 std::vector<const pb::FileDescriptor*>& files,
                                 std::vector<const pb::FileDescriptor*>& dependency_only) {
  auto bytes = reader_of(source).read(source.path);
  if (!bytes) return core::make_error("cannot open descriptor set", source.path);
  pb::FileDescriptorSet set;
  if (!set.ParseFromString(*bytes))
    return core::make_error("not a binary FileDescriptorSet (protoc --descriptor_set_out / buf build -o)", source.path);
  if (auto editions = reject_editions(set, source.path); !editions) return editions.error();
  holder->database = std::make_unique<pb::SimpleDescriptorDatabase>();
  for (const pb::FileDescriptorProto& f : set.file())
    if (!holder->database->Add(f)) return core::make_error("duplicate file " + f.name() + " in descriptor set", source.path);
  holder->pool = std::make_unique<pb::DescriptorPool>(holder->database.get());
  const std::vector<SetFileRole> roles = classify_set_files(set);
  for (int i = 0; i < set.file_size(); ++i) {
    const pb::FileDescriptorProto& f = set.file(i);
    if (roles[i] == SetFileRole::import || is_excluded(f.name(), source.excludes)) continue;
    const pb::FileDescriptor* fd = holder->pool->FindFileByName(f.name());
    if (!fd) return core::make_error("descriptor set file " + f.name() + " does not build (missing dependency?)", source.path);
    files.push_back(fd);
    if (roles[i] == SetFileRole::dependency_only) dependency_only.push_back(fd);
  }
  std::sort(files.begin(), files.end(), [](auto* a, auto* b) { return a->name() < b->name(); });
  return core::ok_status();
}

// A proto.lock: its files built over the well-known types, any other import
// it does not hold left as placeholders (a lock records no imported file).
core::Status load_protolock(const ImageSource& source, std::unique_ptr<Image::Holder>& holder,
                            std::vector<const pb::FileDescriptor*>& files) {
  auto text = reader_of(source).read(source.path);
  if (!text) return text.error();
  auto doc = core::load_text(source.path, std::move(*text));
  if (!doc) return doc.error();
  auto set = read_protolock(**doc, source.lock_syntax);
  if (!set) return set.error();
  holder->database = std::make_unique<pb::SimpleDescriptorDatabase>();
  for (const pb::FileDescriptorProto& f : set->file())
    if (!holder->database->Add(f)) return core::make_error("file " + f.name() + " is listed twice", source.path);
  holder->well_known = std::make_unique<pb::DescriptorPoolDatabase>(*pb::DescriptorPool::generated_pool());
  holder->merged = std::make_unique<pb::MergedDescriptorDatabase>(holder->database.get(), holder->well_known.get());
  holder->set_errors = std::make_unique<DescriptorSetErrors>();
  holder->pool = std::make_unique<pb::DescriptorPool>(holder->merged.get(), holder->set_errors.get());
  holder->pool->AllowUnknownDependencies();
  for (const pb::FileDescriptorProto& f : set->file()) {
    if (is_excluded(f.name(), source.excludes)) continue;
    const pb::FileDescriptor* fd = holder->pool->FindFileByName(f.name());
    if (!fd) return core::make_error("the lock's " + f.name() + " does not build: " + holder->set_errors->first, source.path);
    files.push_back(fd);
  }
  std::sort(files.begin(), files.end(), [](auto* a, auto* b) { return a->name() < b->name(); });
  return core::ok_status();
}

}  // namespace

void Image::drop_unnamed_imports(const Image& other) {
  if (dependency_only_.empty()) return;
  const auto& named = other.index().file_by_path;
  auto unnamed = [&](const pb::FileDescriptor* f) {
    return std::find(dependency_only_.begin(), dependency_only_.end(), f) != dependency_only_.end() &&
           !named.count(f->name());
  };
  files_.erase(std::remove_if(files_.begin(), files_.end(), unnamed), files_.end());
  dependency_only_.clear();
  index_ = build_index(files_);
}

core::Expected<Image> load_image(const ImageSource& source) {
  // The parser logs warnings (e.g. "No syntax specified") to stderr; nothing below cli/ prints.
  static std::once_flag quiet;
  std::call_once(quiet, [] { pb::SetLogHandler([](pb::LogLevel, const char*, int, const std::string&) {}); });
  Image image;
  image.holder_ = std::make_unique<Image::Holder>();
  const bool directory = reader_of(source).is_directory(source.path);
  const bool lock = !directory && is_protolock_path(source.path);
  const bool descriptor_set = lock || (!directory && is_descriptor_set_path(source.path));
  core::Status result = lock             ? load_protolock(source, image.holder_, image.files_)
                        : descriptor_set ? load_descriptor_set(source, image.holder_, image.files_, image.dependency_only_)
                                         : load_sources(source, image.holder_, image.files_, image.root_,
                                                        image.display_prefix_);
  if (!result) return result.error();
  if (lock) image.lock_path_ = source.path;
  if (descriptor_set) image.root_.clear();
  else add_compared_imports(source, *image.holder_->tree, image.files_, image.display_prefix_of_import_);
  image.index_ = build_index(image.files_);
  return image;
}

}  // namespace accord::diff::proto
