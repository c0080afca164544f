// What a GraphQL rule handler sees: one matched old/new pair of one level
// (the walker pairs by name, graphql-inspector's way), and a way to report.
// Paths are graphql-inspector's: `Type`, `Type.field`, `Type.field.arg`,
// `Enum.VALUE`, `@directive.arg`.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "diff/graphql/ast.h"
#include "diff/model/finding.h"

namespace accord::diff::graphql {

struct At {  // one side of a change: where it is in its file
  const Schema* schema = nullptr;
  Pos pos;
  std::string path;
};

class Reporter {
 public:
  void add(std::string_view rule, std::vector<Arg> args, const At& old_at, const At& new_at);
  std::vector<Finding> take() { return std::move(findings_); }

 private:
  std::vector<Finding> findings_;
};

struct Ctx {
  const Schema& old_schema;
  const Schema& new_schema;
  Reporter& reporter;
  std::string_view rule;
  void report(std::vector<Arg> args, const At& old_at, const At& new_at) const {
    reporter.add(rule, std::move(args), old_at, new_at);
  }
  At old_at(Pos pos, std::string path) const { return {&old_schema, pos, std::move(path)}; }
  At new_at(Pos pos, std::string path) const { return {&new_schema, pos, std::move(path)}; }
};

// Where an input value sits: a field argument, an input field or a directive argument.
enum class InputOwner : uint8_t { argument, input_field, directive_argument };

struct InputPair {
  InputOwner owner;
  std::string path;  // of the value
  const InputValue* old_value;
  const InputValue* new_value;
};

// A rule is one handler of one of these shapes (exactly one pointer set).
struct RuleHandler {
  std::string_view id;
  void (*schema)(const Ctx&) = nullptr;
  void (*type)(const Ctx&, const TypeDef& old_type, const TypeDef& new_type) = nullptr;
  void (*field)(const Ctx&, const TypeDef& owner, const FieldDef& old_field, const FieldDef& new_field) = nullptr;
  void (*input)(const Ctx&, const InputPair& pair) = nullptr;
  void (*enum_value)(const Ctx&, const TypeDef& owner, const EnumValue& old_value, const EnumValue& new_value) = nullptr;
  void (*directive)(const Ctx&, const DirectiveDef& old_directive, const DirectiveDef& new_directive) = nullptr;
};

std::span<const RuleHandler> type_rule_handlers();       // rules_types.cpp
std::span<const RuleHandler> field_rule_handlers();      // rules_fields.cpp
std::span<const RuleHandler> input_rule_handlers();      // rules_inputs.cpp
std::span<const RuleHandler> directive_rule_handlers();  // rules_directives.cpp
const std::vector<const RuleHandler*>& all_rule_handlers();

void walk(const Schema& old_schema, const Schema& new_schema, Reporter& reporter);

// Shared predicates.
bool is_required(const InputValue& v);  // non-null without a default
const DirectiveUse* find_directive(const std::vector<DirectiveUse>& uses, std::string_view name);
// The reason of an @deprecated, "" when not deprecated ("No longer supported" when it gives none).
std::string deprecation_reason(const std::vector<DirectiveUse>& uses, bool& deprecated);
// graphql-inspector's safeChangeForField / safeChangeForInputValue.
bool safe_output_change(const TypeRef& old_type, const TypeRef& new_type);
bool safe_input_change(const TypeRef& old_type, const TypeRef& new_type);

}  // namespace accord::diff::graphql
