// Reading accord.yaml into a Config. Every mistake is an error at the
// file:line:col of the offending value: a policy file that silently does less
// than its author thinks is worse than one that refuses to load.
#include <fnmatch.h>

#include <string_view>
#include <sys/stat.h>

#include "core/loader.h"
#include "diff/config/config.h"

namespace accord::diff {

namespace {

core::Error error_at(const core::Node* node, std::string message) {
  core::SourceLocation loc = node->location();
  return core::make_error(std::move(message), std::string(loc.path()), loc.line, loc.column);
}

std::string where_text(const core::Node* node) {
  core::SourceLocation loc = node->location();
  return std::string(loc.path()) + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
}

bool is_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return !s.empty();
}

// A scalar as text (numbers and dates are scalars too); anything else is an error.
core::Expected<std::string> scalar_text(const core::Node* node, std::string_view what) {
  if (!node->is_scalar() || node->is_null()) return error_at(node, std::string(what) + " must be a single value");
  return std::string(node->text());
}

core::Status check_rule(const core::Node* at, std::string_view id, const RuleExists& rule_exists) {
  if (!rule_exists(id)) return error_at(at, "unknown rule '" + std::string(id) + "' (see `accord rules`)");
  return core::ok_status();
}

core::Status parse_rules(const core::Node* rules, const RuleExists& rule_exists, Config& config) {
  if (!rules->is_object()) return error_at(rules, "'rules' must be a map of rule ID to error|warning|info|off");
  for (const core::Member& m : rules->children()) {
    if (auto st = check_rule(m.value, m.key, rule_exists); !st) return st;
    auto level = scalar_text(m.value, "a rule's severity");
    if (!level) return level.error();
    if (*level == "off") {
      config.rule_severity[std::string(m.key)] = std::nullopt;
      continue;
    }
    auto severity = parse_severity(*level);
    if (!severity)
      return error_at(m.value, "unknown severity '" + *level + "' for " + std::string(m.key) +
                                   " (expected error, warning, info or off)");
    config.rule_severity[std::string(m.key)] = *severity;
  }
  return core::ok_status();
}

core::Expected<Ignore> parse_ignore(const core::Node* item, const RuleExists& rule_exists) {
  if (!item->is_object())
    return error_at(item, "an ignore must be a map with 'rule' and 'operation'/'pointer', or 'fingerprint', and 'reason'");
  Ignore ignore;
  ignore.where = where_text(item);
  for (const core::Member& m : item->children()) {
    std::string field;
    if (m.key == "rule" || m.key == "operation" || m.key == "pointer" || m.key == "fingerprint" ||
        m.key == "reason" || m.key == "expires") {
      auto text = scalar_text(m.value, "'" + std::string(m.key) + "'");
      if (!text) return text.error();
      field = std::move(*text);
    } else {
      return error_at(m.value, "unknown key '" + std::string(m.key) +
                                   "' in an ignore (expected rule, operation, pointer, fingerprint, reason, expires)");
    }
    if (m.key == "rule") {
      if (auto st = check_rule(m.value, field, rule_exists); !st) return st.error();
      ignore.rule = field;
    } else if (m.key == "operation") {
      ignore.operation = field;
    } else if (m.key == "pointer") {
      if (!field.empty() && field.front() != '/')
        return error_at(m.value, "'pointer' must be a JSON Pointer starting with '/' (or a proto name)");
      ignore.pointer = field;
    } else if (m.key == "fingerprint") {
      if (field.size() != 16 || !is_hex(field))
        return error_at(m.value, "'fingerprint' must be the 16 hex digits accord prints (json/sarif output)");
      ignore.fingerprint = field;
    } else if (m.key == "reason") {
      if (field.find_first_not_of(" \t") == std::string::npos) return error_at(m.value, "'reason' must not be empty");
      ignore.reason = field;
    } else if (m.key == "expires") {
      ignore.expires = core::parse_date(field);
      if (!ignore.expires)
        return error_at(m.value, "'expires' must be a date written YYYY-MM-DD, got '" + field + "'");
    }
  }
  if (ignore.reason.empty()) return error_at(item, "an ignore needs a 'reason' saying why the change is accepted");
  if (ignore.fingerprint.empty()) {
    if (ignore.rule.empty()) return error_at(item, "an ignore needs a 'rule' (with 'operation' or 'pointer') or a 'fingerprint'");
    if (ignore.operation.empty() && ignore.pointer.empty())
      return error_at(item, "an ignore by rule needs an 'operation' or a 'pointer' (to silence a rule everywhere, "
                            "set it to off under 'rules')");
  }
  return ignore;
}

bool is_mode_name(std::string_view m) { return m == "backward" || m == "forward" || m == "full"; }

core::Status parse_modes(const core::Node* value, Config& config) {
  auto one = [&](const core::Node* v, std::string glob) -> core::Status {
    auto mode = scalar_text(v, "'mode'");
    if (!mode) return mode.error();
    if (!is_mode_name(*mode))
      return error_at(v, "unknown 'mode' value '" + *mode + "' (expected backward, forward or full)");
    config.modes.emplace_back(std::move(glob), std::move(*mode));
    return core::ok_status();
  };
  if (!value->is_object()) return one(value, "*");
  for (const core::Member& m : value->children())
    if (auto st = one(m.value, std::string(m.key)); !st) return st.error();
  return core::ok_status();
}

}  // namespace

std::string mode_for(const Config& config, const std::string& spec_path) {
  std::string name = spec_path.substr(spec_path.rfind('/') == std::string::npos ? 0 : spec_path.rfind('/') + 1);
  for (const auto& [glob, mode] : config.modes)
    if (fnmatch(glob.c_str(), spec_path.c_str(), 0) == 0 || fnmatch(glob.c_str(), name.c_str(), 0) == 0) return mode;
  return "";
}

core::Expected<Config> parse_config(const core::Document& doc, const RuleExists& rule_exists) {
  Config config;
  config.path = doc.path();
  const core::Node* root = doc.root();
  if (!root || root->is_null()) return config;  // an empty file is an empty policy
  if (!root->is_object()) return error_at(root, "accord.yaml must be a map (fail-on, rules, ignores)");
  for (const core::Member& m : root->children()) {
    if (m.key == "fail-on") {
      auto level = scalar_text(m.value, "'fail-on'");
      if (!level) return level.error();
      config.fail_on = parse_severity(*level);
      if (!config.fail_on) return error_at(m.value, "unknown 'fail-on' value '" + *level + "' (expected error, warning or info)");
    } else if (m.key == "deprecation-days") {
      auto days = scalar_text(m.value, "'deprecation-days'");
      if (!days) return days.error();
      bool digits = !days->empty() && days->size() <= 5 &&
                    days->find_first_not_of("0123456789") == std::string::npos;
      if (!digits || !m.value->is_number())
        return error_at(m.value, "'deprecation-days' must be a whole number of days, e.g. 90");
      config.deprecation_days = std::stoi(*days);
    } else if (m.key == "mode") {
      if (auto st = parse_modes(m.value, config); !st) return st.error();
    } else if (m.key == "rules") {
      if (m.value->is_null()) continue;
      if (auto st = parse_rules(m.value, rule_exists, config); !st) return st.error();
    } else if (m.key == "ignores") {
      if (m.value->is_null()) continue;
      if (!m.value->is_array()) return error_at(m.value, "'ignores' must be a list");
      for (const core::Member& item : m.value->children()) {
        auto ignore = parse_ignore(item.value, rule_exists);
        if (!ignore) return ignore.error();
        config.ignores.push_back(std::move(*ignore));
      }
    } else {
      return error_at(m.value, "unknown key '" + std::string(m.key) + "' (expected fail-on, deprecation-days, mode, rules or ignores)");
    }
  }
  return config;
}

core::Expected<Config> load_config(const std::string& path, const RuleExists& rule_exists) {
  auto doc = core::load_file(path, core::Syntax::yaml);
  if (!doc) return doc.error();
  return parse_config(**doc, rule_exists);
}

std::optional<std::string> find_config_for(const std::string& new_spec_path) {
  auto is_dir = [](const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
  };
  auto is_file = [](const std::string& p) {
    struct stat st {};
    return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  };
  // The directory part as the user wrote it, so messages name "api/accord.yaml".
  std::string prefix;
  if (is_dir(new_spec_path)) {
    prefix = new_spec_path.back() == '/' ? new_spec_path : new_spec_path + "/";
  } else if (size_t slash = new_spec_path.rfind('/'); slash != std::string::npos) {
    prefix = new_spec_path.substr(0, slash + 1);
  }
  for (const char* name : {"accord.yaml", "accord.yml"})
    if (is_file(prefix + name)) return prefix + name;
  return std::nullopt;
}

}  // namespace accord::diff
