// accord.yaml: the project's policy on top of the rule registry.
//
//   fail-on: warning                 # lowest severity that fails `accord breaking`
//   rules:                           # per-rule severity: error | warning | info | off
//     openapi.response-property-removed: warning
//     openapi.operation-removed: off
//   ignores:                         # accepted changes; `reason` is required
//     - rule: openapi.operation-removed
//       operation: DELETE /users/{id}
//       reason: removal announced in v2 changelog
//       expires: 2026-12-31          # optional; after this day the finding is reported again
//     - fingerprint: 9f86d081884c7d65
//       reason: false positive, see issue 12
//
// Loading validates everything it can (unknown keys and rules, missing
// reasons, bad dates) and reports the first problem at its file:line:col.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/expected.h"
#include "core/node.h"
#include "core/clock.h"
#include "diff/model/finding.h"

namespace accord::diff {

struct Ignore {
  // Matched by fingerprint, or by rule plus operation and/or pointer. Empty
  // fields do not constrain the match.
  std::string rule;
  std::string operation;  // "DELETE /users/{id}" (the method is compared case-insensitively)
  std::string pointer;    // matches the finding's old or new pointer, or any place below it
  std::string fingerprint;
  // buf.yaml's ignores, read into the same record (diff/proto/config.cpp):
  std::vector<std::string> any_rule;  // `ignore_only`: the rule is one of these
  std::string path;                   // the finding's file is this one or under this directory
  bool unstable_package = false;      // `ignore_unstable_packages`: its package is v1alpha1, v1beta2, ...
  std::string reason;
  std::optional<core::Date> expires;  // the ignore applies up to and including this day
  std::string where;            // "accord.yaml:12:5", for notes

  bool matches(const Finding& f) const;
  bool matches_operation(const Finding& f) const;
  std::string describe() const;  // "openapi.x (DELETE /users/{id})" or "fingerprint 9f86..."
};

struct Config {
  std::string path;
  std::optional<Severity> fail_on;
  // `deprecation-days`: the shortest notice a deprecation may give, in days
  // from the run to its x-sunset date (openapi.sunset-too-soon).
  std::optional<int> deprecation_days;
  // `mode:` (JSON Schema compatibility: backward | forward | full), either one
  // value or a map of glob -> mode, tried in order against the NEW path and
  // its file name. Kept as text: the names are validated on load.
  std::vector<std::pair<std::string, std::string>> modes;  // glob ("*" for a plain value) -> mode
  // Rule ID -> severity; std::nullopt means "off" (the rule's findings are dropped).
  std::map<std::string, std::optional<Severity>, std::less<>> rule_severity;
  std::vector<Ignore> ignores;
};

// Tells whether a rule ID exists (the CLI passes the registry's find_rule).
using RuleExists = std::function<bool(std::string_view rule_id)>;

core::Expected<Config> parse_config(const core::Document& doc, const RuleExists& rule_exists);
// The mode accord.yaml sets for a spec path ("" when none applies).
std::string mode_for(const Config& config, const std::string& spec_path);

core::Expected<Config> load_config(const std::string& path, const RuleExists& rule_exists);

// The accord.yaml (or accord.yml) beside the new spec: in the spec's
// directory, or in the directory itself when the spec is a directory of protos.
std::optional<std::string> find_config_for(const std::string& new_spec_path);

struct AppliedConfig {
  std::vector<Finding> findings;   // overridden severities, without "off" rules and ignored findings
  std::vector<std::string> notes;  // expired ignores and a count of ignored findings
  size_t ignored = 0;
};

AppliedConfig apply_config(const Config& config, std::vector<Finding> findings, const core::Clock& clock);

// The one place findings are dropped by ignores (accord.yaml's through
// apply_config, buf.yaml's from the proto format): removes every finding one
// of `active` matches and returns how many it removed.
size_t drop_ignored(std::vector<Finding>& findings, const std::vector<const Ignore*>& active);

// buf's unstable package versions: the last component is v1alpha, v1beta2, v1test, v1p1beta1 ...
bool is_unstable_package(std::string_view package);

}  // namespace accord::diff
