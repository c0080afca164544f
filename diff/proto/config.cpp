#include "diff/proto/config.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>

#include "core/loader.h"
#include "diff/proto/rule_versions.h"

namespace accord::diff::proto {

namespace {

std::vector<std::string> strings_of(const core::Node* list) {
  std::vector<std::string> out;
  if (!list || !list->is_array()) return out;
  for (const core::Member& m : list->children())
    if (m.value && m.value->is_scalar()) out.emplace_back(m.value->text());
  return out;
}

void read_breaking(const core::Node* breaking, BreakingConfig& c) {
  if (!breaking || !breaking->is_object()) return;
  if (const core::Node* use = breaking->get("use")) c.use = strings_of(use);
  c.except = strings_of(breaking->get("except"));
  c.ignore = strings_of(breaking->get("ignore"));
  if (const core::Node* only = breaking->get("ignore_only"); only && only->is_object())
    for (const core::Member& m : only->children()) c.ignore_only[std::string(m.key)] = strings_of(m.value);
  c.ignore_unstable_packages = breaking->get_bool("ignore_unstable_packages");
}

std::string strip_slash(std::string p) {
  while (!p.empty() && p.back() == '/') p.pop_back();
  if (p.rfind("./", 0) == 0) p = p.substr(2);
  return p;
}

const std::vector<std::string_view>& categories() {
  static const std::vector<std::string_view> c{"FILE", "PACKAGE", "WIRE_JSON", "WIRE"};
  return c;
}

// A name in use/except/ignore_only matches a rule by ID, by a deprecated ID
// it replaces, or by category, all as the config's version has them.
bool names_rule(std::string_view name, const RuleInfo& rule, const std::string& version) {
  if (!in_version(rule, version)) return false;
  if (is_category(name)) return in_category(rule, name, version);
  if (const std::vector<std::string_view>* replaced = replacements_of(name, version))
    return std::find(replaced->begin(), replaced->end(), rule.id) != replaced->end();
  return rule_id_from_buf(name) == rule.id;
}

}  // namespace

bool is_category(std::string_view name) {
  return std::find(categories().begin(), categories().end(), name) != categories().end() || name == "CSR";
}

std::string rule_id_from_buf(std::string_view name) {
  std::string s(name);
  if (s.rfind("proto.", 0) == 0) return s;
  for (char& ch : s) ch = ch == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return "proto." + s;
}

core::Expected<BreakingConfig> load_breaking_config(const std::string& path) {
  auto doc = core::load_file(path);
  if (!doc) return doc.error();
  const core::Node* root = (*doc)->root();
  BreakingConfig c;
  c.source = path;
  if (!root || !root->is_object()) return c;
  if (const core::Node* version = root->get("version"); version && version->is_scalar()) c.version = std::string(version->text());
  read_breaking(root->get("breaking"), c);
  if (const core::Node* build = root->get("build")) c.excludes = strings_of(build->get("excludes"));
  if (const core::Node* modules = root->get("modules"); modules && modules->is_array())
    for (const core::Member& m : modules->children()) {
      if (!m.value || !m.value->is_object()) continue;
      for (std::string& e : strings_of(m.value->get("excludes"))) c.excludes.push_back(strip_slash(e));
      if (!root->get("breaking")) read_breaking(m.value->get("breaking"), c);
    }
  for (std::string& e : c.excludes) e = strip_slash(e);
  for (std::string& d : strings_of(root->get("directories"))) c.workspace_directories.push_back(strip_slash(d));
  return c;
}

core::Expected<BreakingConfig> find_breaking_config(const std::string& dir) {
  for (const char* name : {"buf.yaml", "buf.work.yaml"}) {
    std::filesystem::path p = std::filesystem::path(dir) / name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return load_breaking_config(p.string());
  }
  return BreakingConfig{};
}

core::Expected<std::vector<const RuleInfo*>> select_rules(const BreakingConfig& config,
                                                          const std::vector<std::string>& cats,
                                                          std::vector<std::string>* warnings) {
  std::vector<std::string> use = !cats.empty() ? cats : (!config.use.empty() ? config.use : std::vector<std::string>{"FILE"});
  const std::span<const RuleInfo> table = proto_rule_table();
  const std::string& version = config.version;
  auto check = [&](const std::string& name) -> core::Status {
    if (is_category(name) && (name != "CSR" || version != "v1")) return core::ok_status();
    if (replacements_of(name, version)) {
      if (warnings) warnings->push_back(deprecation_warning(name, config.source));
      return core::ok_status();
    }
    for (const RuleInfo& r : table)
      if (r.id == rule_id_from_buf(name) && in_version(r, version)) return core::ok_status();
    return core::make_error("unknown proto rule or category '" + name + "' in buf.yaml " + version +
                                " (categories: FILE, PACKAGE, WIRE_JSON, WIRE" + (version == "v1" ? "" : ", CSR") +
                                "; rules: `accord rules`)",
                            config.source);
  };
  for (const std::string& name : use)
    if (auto st = check(name); !st) return st.error();
  for (const std::string& name : config.except)
    if (auto st = check(name); !st) return st.error();
  std::vector<const RuleInfo*> out;
  for (const RuleInfo& r : table) {
    // accord's changelog rows (info, breaking nothing) run whatever buf.yaml uses.
    bool used = has_category(r, "changelog") ||
                std::any_of(use.begin(), use.end(), [&](const std::string& n) { return names_rule(n, r, version); });
    bool excepted = std::any_of(config.except.begin(), config.except.end(),
                                [&](const std::string& n) { return names_rule(n, r, version); });
    if (used && !excepted) out.push_back(&r);
  }
  return out;
}

std::vector<Ignore> buf_ignores(const BreakingConfig& config) {
  const std::string where = config.source.empty() ? "buf.yaml" : config.source;
  std::vector<Ignore> out;
  auto ignore = [&](std::vector<std::string> rules, std::string path, bool unstable) {
    Ignore i;
    i.any_rule = std::move(rules);
    i.path = std::move(path);
    i.unstable_package = unstable;
    i.where = where;
    out.push_back(std::move(i));
  };
  for (const std::string& path : config.ignore) ignore({}, path, false);
  for (const auto& [name, paths] : config.ignore_only) {
    std::vector<std::string> ids;
    for (const RuleInfo& r : proto_rule_table())
      if (names_rule(name, r, config.version)) ids.emplace_back(r.id);
    if (ids.empty()) continue;  // a name that selects no rule ignores nothing
    for (const std::string& path : paths) ignore(ids, path, false);
  }
  if (config.ignore_unstable_packages) ignore({}, "", true);
  return out;
}

}  // namespace accord::diff::proto
