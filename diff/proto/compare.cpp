// compare_proto: load both versions in parallel, pick the rules (command
// line categories, buf.yaml), walk the matched pairs, filter by buf.yaml.
// A buf.work.yaml workspace is compared module by module, as buf does: each
// module with its own buf.yaml, the other modules as import roots.
#include "diff/proto/compare.h"

#include <filesystem>
#include <memory>
#include <unordered_set>
#include <thread>

#include "diff/proto/config.h"
#include "diff/proto/image.h"
#include "diff/proto/protolock.h"
#include "diff/proto/rules.h"

namespace accord::diff {

namespace {

using namespace accord::diff::proto;

core::Expected<BreakingConfig> config_for(const ContractInput& new_input, const CompareOptions& options) {
  if (!options.proto_config.empty()) return load_breaking_config(options.proto_config);
  if (new_input.is_directory()) return find_breaking_config(new_input.path);
  return BreakingConfig{};
}

// Two single files are one file in two versions, whatever they are called.
bool both_single_files(const ContractInput& a, const ContractInput& b) {
  return !a.is_directory() && !b.is_directory() && !is_descriptor_set_path(a.path) &&
         !is_descriptor_set_path(b.path);
}

std::vector<const RuleHandler*> handlers_for(const std::vector<const RuleInfo*>& rules) {
  std::vector<const RuleHandler*> out;
  for (const RuleInfo* r : rules)
    for (const RuleHandler* h : all_rule_handlers())
      if (h->id == r->id) out.push_back(h);
  return out;
}

// buf.yaml's ignores, dropped where accord.yaml's are (diff::drop_ignored),
// and counted in a note so that nothing is left out silently.
void drop_buf_ignored(const BreakingConfig& cfg, std::vector<Finding>& findings, std::vector<std::string>* notes) {
  const std::vector<Ignore> ignores = buf_ignores(cfg);
  std::vector<const Ignore*> active;
  for (const Ignore& i : ignores) active.push_back(&i);
  const size_t dropped = drop_ignored(findings, active);
  if (dropped && notes) notes->push_back(std::to_string(dropped) + " finding(s) ignored by " + active.front()->where);
}

std::string syntax_name(const pb::FileDescriptor* file) {
  switch (file->syntax()) {
    case pb::FileDescriptor::SYNTAX_PROTO2: return "proto2";
    case pb::FileDescriptor::SYNTAX_PROTO3: return "proto3";
    default: return "";
  }
}

// A proto.lock records no syntax, so the other version loads first and lends
// each file's syntax to the lock (both locks: each guesses on its own).
void load_lock_after_other(ImageSource& old_source, ImageSource& new_source, core::Expected<Image>& old_image,
                           core::Expected<Image>& new_image) {
  const bool old_is_lock = is_protolock_path(old_source.path);
  ImageSource& other_source = old_is_lock ? new_source : old_source;
  ImageSource& lock_source = old_is_lock ? old_source : new_source;
  core::Expected<Image>& other = old_is_lock ? new_image : old_image;
  core::Expected<Image>& lock = old_is_lock ? old_image : new_image;
  other = load_image(other_source);
  if (other && !is_protolock_path(other_source.path)) {
    const Image* image = &*other;
    lock_source.lock_syntax = [image](const std::string& proto_path) {
      auto it = image->index().file_by_path.find(proto_path);
      return it == image->index().file_by_path.end() ? std::string() : syntax_name(it->second);
    };
  }
  lock = load_image(lock_source);
}

// Where each version is read from (ContractInput::source; null = the file system).
struct Readers {
  const core::SourceReader* old_version = nullptr;
  const core::SourceReader* new_version = nullptr;
};

// The -I roots for a version read through its own source (a git revision):
// absolute, as cli names that version's path, so its files are never named
// like the working tree's (the engine names them "main:..." by that).
std::vector<std::string> includes_for(const ContractInput& input, const std::vector<std::string>& includes) {
  if (!input.source) return includes;
  std::vector<std::string> out;
  for (const std::string& inc : includes) out.push_back(std::filesystem::absolute(inc).lexically_normal().string());
  return out;
}

// One old/new pair of roots under one breaking config.
core::Expected<std::vector<Finding>> compare_roots(const Readers& readers, const std::string& old_path,
                                                   const std::string& new_path,
                                                   const std::vector<std::string>& old_includes,
                                                   const std::vector<std::string>& new_includes,
                                                   const BreakingConfig& cfg, const CompareOptions& options,
                                                   const std::vector<std::string>& old_compared_roots = {},
                                                   const std::vector<std::string>& new_compared_roots = {}) {
  auto rules = select_rules(cfg, options.proto_categories, options.notes);
  if (!rules) return rules.error();

  // The two versions are independent: parse them on both cores, each thread
  // with its own source tree, importer and pool (none of them is thread-safe).
  ImageSource old_source{old_path, old_includes, cfg.excludes, old_compared_roots, {}, readers.old_version};
  ImageSource new_source{new_path, new_includes, cfg.excludes, new_compared_roots, {}, readers.new_version};
  core::Expected<Image> old_image = core::make_error("not loaded");
  core::Expected<Image> new_image = core::make_error("not loaded");
  if (is_protolock_path(old_path) || is_protolock_path(new_path)) {
    load_lock_after_other(old_source, new_source, old_image, new_image);
  } else {
    std::thread old_loader([&] { old_image = load_image(old_source); });
    new_image = load_image(new_source);
    old_loader.join();
  }
  if (!old_image) return old_image.error();
  if (!new_image) return new_image.error();
  // Each side's unmarked dependencies are judged against the other's files as loaded.
  old_image->drop_unnamed_imports(*new_image);
  new_image->drop_unnamed_imports(*old_image);

  if (both_single_files({old_path, std::nullopt}, {new_path, std::nullopt}) && old_image->files().size() == 1 &&
      new_image->files().size() == 1)
    new_image->alias_file(old_image->files().front()->name(), new_image->files().front());

  Reporter reporter(*old_image, *new_image);
  std::vector<const RuleHandler*> handlers = handlers_for(*rules);
  walk(*old_image, *new_image, handlers, reporter);
  std::vector<Finding> findings = reporter.take();
  drop_buf_ignored(cfg, findings, options.notes);
  if (options.disable_free) {
    new Image(std::move(*old_image));  // intentionally never freed (see CompareOptions::disable_free)
    new Image(std::move(*new_image));
    return findings;
  }
  // Freeing a pool of thousands of files takes seconds too: both at once.
  std::thread old_release([&old_image] { Image released = std::move(*old_image); });
  { Image released = std::move(*new_image); }
  old_release.join();
  return findings;
}

std::string join_path(const std::string& dir, const std::string& rel) {
  return dir.empty() || dir.back() == '/' ? dir + rel : dir + "/" + rel;
}

// Two modules' checks can find one change (a file one imports from the other).
std::string finding_key(const Finding& f) {
  std::string key = f.rule;
  for (const Arg& a : f.args) key += '\0' + a.value;
  for (const std::optional<Place>* p : {&f.new_place, &f.old_place})
    if (*p) key += '\0' + (*p)->file + ':' + std::to_string((*p)->line) + ':' + std::to_string((*p)->column);
  return key;
}

// buf.work.yaml: every module directory of NEW against the same directory of
// OLD, under the module's own buf.yaml. A module OLD does not have is all
// additions, so nothing in it can break. Like buf, a module's check covers
// the files it imports from other modules too; a change found by two
// modules' checks is reported once.
core::Expected<std::vector<Finding>> compare_workspace(const ContractInput& old_input, const ContractInput& new_input,
                                                       const BreakingConfig& workspace, const CompareOptions& options) {
  const Readers readers{old_input.source, new_input.source};
  auto is_directory = [](const ContractInput& input, const std::string& path) {
    return (input.source ? *input.source : core::file_source()).is_directory(path);
  };
  auto other_modules = [&](const std::string& side, const std::string& except) {
    std::vector<std::string> roots;
    for (const std::string& dir : workspace.workspace_directories)
      if (dir != except) roots.push_back(join_path(side, dir));
    return roots;
  };
  auto with_includes = [&](const ContractInput& input, std::vector<std::string> roots) {
    const std::vector<std::string> includes = includes_for(input, options.include_paths);
    roots.insert(roots.begin(), includes.begin(), includes.end());
    return roots;
  };
  std::vector<Finding> all;
  std::unordered_set<std::string> reported;
  for (const std::string& dir : workspace.workspace_directories) {
    std::string old_dir = join_path(old_input.path, dir), new_dir = join_path(new_input.path, dir);
    if (!is_directory(new_input, new_dir))
      return core::make_error("workspace directory '" + dir + "' does not exist", workspace.source);
    if (!is_directory(old_input, old_dir)) continue;
    auto module_config = find_breaking_config(new_dir);
    if (!module_config) return module_config.error();
    std::vector<std::string> old_others = other_modules(old_input.path, dir), new_others = other_modules(new_input.path, dir);
    auto found = compare_roots(readers, old_dir, new_dir, with_includes(old_input, old_others), with_includes(new_input, new_others), *module_config,
                               options, old_others, new_others);
    if (!found) return found.error();
    for (Finding& f : *found)
      if (reported.insert(finding_key(f)).second) all.push_back(std::move(f));
  }
  return all;
}

core::Expected<std::vector<Finding>> compare_inputs(const ContractInput& old_input, const ContractInput& new_input,
                                                   const CompareOptions& options) {
  if (old_input.text || new_input.text)
    return core::make_error("protobuf comparison reads files and directories, not text supplied in memory",
                            new_input.path);
  auto config = config_for(new_input, options);
  if (!config) return config.error();
  if (!config->workspace_directories.empty() && new_input.is_directory() && old_input.is_directory())
    return compare_workspace(old_input, new_input, *config, options);
  return compare_roots({old_input.source, new_input.source}, old_input.path, new_input.path,
                       includes_for(old_input, options.include_paths), includes_for(new_input, options.include_paths),
                       *config, options);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A proto version is read by the image loader, which needs the whole module
// (imports, buf.yaml) around it: load() only keeps the input, compare() loads
// both versions together (in parallel) once it knows the workspace layout.
struct ProtoInput : LoadedContract {
  ContractInput input;
};

class ProtoFormat final : public ContractFormat {
 public:
  Format id() const override { return Format::proto; }
  std::string_view display_name() const override { return "protobuf"; }
  std::string_view expected_input() const override {
    return "protobuf (a .proto file, a directory of them, or a descriptor set: .binpb, .pb, .desc)";
  }
  bool reads_documents() const override { return false; }
  Claim claim_path(const ContractInput& input) const override {
    const std::string& p = input.path;
    if (ends_with(p, ".proto") || ends_with(p, ".binpb") || ends_with(p, ".pb") || ends_with(p, ".desc") ||
        is_protolock_path(p))
      return Claim::yes;
    return !input.text && input.is_directory() ? Claim::yes : Claim::no;
  }
  Claim claim_document(const core::Document&) const override { return Claim::no; }

  core::Expected<std::unique_ptr<LoadedContract>> load(const ContractInput& input, std::unique_ptr<core::Document>,
                                                       const CompareOptions&) const override {
    auto loaded = std::make_unique<ProtoInput>();
    loaded->input = input;
    return std::unique_ptr<LoadedContract>(std::move(loaded));
  }
  core::Expected<std::vector<Finding>> compare(LoadedContract& old_version, LoadedContract& new_version,
                                               const CompareOptions& options) const override {
    return compare_inputs(static_cast<ProtoInput&>(old_version).input, static_cast<ProtoInput&>(new_version).input,
                          options);
  }
  std::span<const RuleInfo> rules() const override { return proto_rule_table(); }
};

}  // namespace

const ContractFormat& proto_format() {
  static const ProtoFormat format;
  return format;
}

}  // namespace accord::diff
