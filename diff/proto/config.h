// buf's configuration, as far as breaking-change detection reads it:
// buf.yaml (v1 and v2) or buf.work.yaml, the `breaking:` section (use,
// except, ignore, ignore_only, ignore_unstable_packages) and the build
// excludes that keep files out of the comparison.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/expected.h"
#include "diff/config/config.h"
#include "diff/model/rules.h"

namespace accord::diff {
// Every proto rule row (rule_table.cpp).
std::span<const RuleInfo> proto_rule_table();
}  // namespace accord::diff

namespace accord::diff::proto {

struct BreakingConfig {
  std::string source;                 // the file it came from ("" = defaults)
  // buf.yaml's `version`: v1 (also with no buf.yaml, as buf) or v2. The
  // rules and categories differ: v1 lacks CSR and three v2 rules, and takes
  // deprecated IDs (rule_versions.cpp).
  std::string version = "v1";
  std::vector<std::string> use;       // buf IDs or categories, as written
  std::vector<std::string> except;
  std::vector<std::string> ignore;    // paths relative to the module root
  std::map<std::string, std::vector<std::string>> ignore_only;  // rule or category -> paths
  bool ignore_unstable_packages = false;
  std::vector<std::string> excludes;  // build.excludes (v1) / modules[].excludes (v2)
  // buf.work.yaml's `directories`: module roots relative to each input
  // directory; every module is compared on its own with its own buf.yaml.
  std::vector<std::string> workspace_directories;
};

// Reads one config file (any of buf.yaml, buf.work.yaml, or a file in their format).
core::Expected<BreakingConfig> load_breaking_config(const std::string& path);

// Looks for buf.yaml, then buf.work.yaml, in `dir`; defaults when neither exists.
core::Expected<BreakingConfig> find_breaking_config(const std::string& dir);

// "FIELD_NO_DELETE", "field-no-delete" and "proto.field-no-delete" all name proto.field-no-delete.
std::string rule_id_from_buf(std::string_view name);
bool is_category(std::string_view name);

// The rules a run checks: `use` (or `categories` when given on the command
// line, which win), minus `except`, in the config's version. Unknown names
// are an error; deprecated ones add a warning naming their replacements.
core::Expected<std::vector<const RuleInfo*>> select_rules(const BreakingConfig& config,
                                                          const std::vector<std::string>& categories,
                                                          std::vector<std::string>* warnings = nullptr);

// The config's `ignore`, `ignore_only` and `ignore_unstable_packages` as
// accord's ignores, which diff::drop_ignored applies (diff/config/config.h)
// to the places' module paths (relative to the root) and packages.
std::vector<Ignore> buf_ignores(const BreakingConfig& config);

}  // namespace accord::diff::proto
