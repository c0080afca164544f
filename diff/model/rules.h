// The rule registry: every rule is one row of data. `accord rules`, the
// generated docs and severity defaults all come from here.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diff/model/finding.h"

namespace accord::diff {

enum class Format : uint8_t { openapi, asyncapi, jsonschema, proto, avro, graphql };
std::string_view format_name(Format f);

struct RuleInfo {
  std::string_view id;          // "<format>.<kebab-name>", never renamed once shipped
  Format format;
  Severity severity;            // default; accord.yaml may override
  std::string_view categories;  // comma separated ("request,schema"; proto: "FILE,PACKAGE")
  std::string_view purpose;     // one line, for `accord rules` and the docs
  std::string_view message;     // template; "{name}" is replaced by the finding's arg
};

// Each format contributes one table (defined next to its rules).
std::span<const RuleInfo> openapi_rule_table();
std::span<const RuleInfo> openapi_schema_rule_table();  // diff/schema
std::span<const RuleInfo> proto_rule_table();
std::span<const RuleInfo> asyncapi_rule_table();
std::span<const RuleInfo> jsonschema_rule_table();
std::span<const RuleInfo> avro_rule_table();  // diff/avro
std::span<const RuleInfo> graphql_rule_table();  // diff/graphql

// Every rule of every format, sorted by ID (diff/catalog.cpp, library accord_diff).
const std::vector<const RuleInfo*>& all_rules();
const RuleInfo* find_rule(std::string_view id);
bool has_category(const RuleInfo& rule, std::string_view category);

// "{name}" placeholders replaced by the args; unknown names are left visible.
std::string render_message(std::string_view message_template, const std::vector<Arg>& args);

}  // namespace accord::diff
