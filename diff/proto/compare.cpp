// compare_proto: load both versions in parallel, pick the rules (command
// line categories, buf.yaml), walk the matched pairs, filter by buf.yaml.
#include "diff/proto/compare.h"

#include <filesystem>
#include <thread>

#include "diff/proto/config.h"
#include "diff/proto/image.h"
#include "diff/proto/rules.h"

namespace accord::diff {

namespace {

namespace fs = std::filesystem;
using namespace accord::diff::proto;

core::Expected<BreakingConfig> config_for(const ContractInput& new_input, const CompareOptions& options) {
  if (!options.proto_config.empty()) return load_breaking_config(options.proto_config);
  std::error_code ec;
  if (fs::is_directory(new_input.path, ec)) return find_breaking_config(new_input.path);
  return BreakingConfig{};
}

// Two single files are one file in two versions, whatever they are called.
bool both_single_files(const ContractInput& a, const ContractInput& b) {
  std::error_code ec;
  return !fs::is_directory(a.path, ec) && !fs::is_directory(b.path, ec) && !is_descriptor_set_path(a.path) &&
         !is_descriptor_set_path(b.path);
}

std::vector<const RuleHandler*> handlers_for(const std::vector<const RuleInfo*>& rules) {
  std::vector<const RuleHandler*> out;
  for (const RuleInfo* r : rules)
    for (const RuleHandler* h : all_rule_handlers())
      if (h->id == r->id) out.push_back(h);
  return out;
}

}  // namespace

core::Expected<std::vector<Finding>> compare_proto(const ContractInput& old_input, const ContractInput& new_input,
                                                   const CompareOptions& options) {
  if (old_input.text || new_input.text)
    return core::make_error("protobuf comparison reads files and directories, not text supplied in memory",
                            new_input.path);
  auto config = config_for(new_input, options);
  if (!config) return config.error();
  auto rules = select_rules(*config, options.proto_categories);
  if (!rules) return rules.error();

  // The two versions are independent: parse them on both cores.
  ImageSource old_source{old_input.path, options.include_paths, config->excludes};
  ImageSource new_source{new_input.path, options.include_paths, config->excludes};
  core::Expected<Image> old_image = core::make_error("not loaded");
  std::thread old_loader([&] { old_image = load_image(old_source); });
  core::Expected<Image> new_image = load_image(new_source);
  old_loader.join();
  if (!old_image) return old_image.error();
  if (!new_image) return new_image.error();

  if (both_single_files(old_input, new_input) && old_image->files().size() == 1 && new_image->files().size() == 1)
    new_image->alias_file(old_image->files().front()->name(), new_image->files().front());

  const BreakingConfig& cfg = *config;
  Reporter reporter(*old_image, *new_image, [&cfg](std::string_view rule, const Loc& n, const Loc& o) {
    std::vector<std::string_view> paths, packages;
    for (const Loc* l : {&n, &o})
      if (l->file) {
        paths.push_back(l->file->name());
        packages.push_back(l->file->package());
      }
    return is_ignored(cfg, rule, paths, packages);
  });
  std::vector<const RuleHandler*> handlers = handlers_for(*rules);
  walk(*old_image, *new_image, handlers, reporter);
  return reporter.take();
}

}  // namespace accord::diff
