// The rule registry: every rule is one row of data. `accord rules`, the
// generated docs and severity defaults all come from here.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diff/model/finding.h"

namespace accord::diff {

// A format's identity: its name, as rule IDs, `--kind` and `accord rules
// --only-format` spell it. A format that is not listed below names itself
// (`constexpr Format kAvro{"avro"}`) in its own folder; nothing here changes.
struct Format {
  std::string_view name;
  static const Format openapi, asyncapi, jsonschema, proto, avro, graphql;
  friend constexpr bool operator==(Format a, Format b) { return a.name == b.name; }
};
inline constexpr Format Format::openapi{"openapi"};
inline constexpr Format Format::asyncapi{"asyncapi"};
inline constexpr Format Format::jsonschema{"jsonschema"};
inline constexpr Format Format::proto{"proto"};
inline constexpr Format Format::avro{"avro"};
inline constexpr Format Format::graphql{"graphql"};
constexpr std::string_view format_name(Format f) { return f.name; }

struct RuleInfo {
  std::string_view id;          // "<format>.<kebab-name>", never renamed once shipped
  Format format;
  Severity severity;            // default; accord.yaml may override
  std::string_view categories;  // comma separated ("request,schema"; proto: "FILE,PACKAGE")
  std::string_view purpose;     // one line, for `accord rules` and the docs
  std::string_view message;     // template; "{name}" is replaced by the finding's arg
};

// Each format contributes its table through ContractFormat::rules()
// (diff/format/format.h). Every rule of every registered format, sorted by ID
// (diff/catalog.cpp, library accord_diff):
const std::vector<const RuleInfo*>& all_rules();
const RuleInfo* find_rule(std::string_view id);
bool has_category(const RuleInfo& rule, std::string_view category);

// "{name}" placeholders replaced by the args; unknown names are left visible.
std::string render_message(std::string_view message_template, const std::vector<Arg>& args);

}  // namespace accord::diff
