// The GraphQL rules. A rule is one `Rule` row: its registry data (id,
// severity, categories, purpose, message) and the handler it registers at
// the level of the walk it looks at. The walker pairs the two versions by
// name (graphql-inspector's way) and, for each pair, calls every row's
// handler of that level; the handler sees that one pair and reports under
// its own row's id (Ctx::report takes no id). Rows live next to their
// handlers in rules_*.cpp; rule_table.cpp collects the files' tables.
// Paths are graphql-inspector's: `Type`, `Type.field`, `Type.field.arg`,
// `Enum.VALUE`, `@directive.arg`.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "diff/graphql/ast.h"
#include "diff/model/finding.h"
#include "diff/model/rules.h"

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
  std::string_view rule;  // the row whose handler runs (set by the walker)
  // Reports a finding of the running row's rule.
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

// The levels of the walk. A row sets the pointer of the level it inspects;
// the walker calls it for every pair of that level (additions and removals
// are the parent level's business: `schema` for types and directives,
// `type` for its members, `field` and `directive` for their arguments).
struct Handlers {
  void (*schema)(const Ctx&) = nullptr;
  void (*type)(const Ctx&, const TypeDef& old_type, const TypeDef& new_type) = nullptr;
  void (*field)(const Ctx&, const TypeDef& owner, const FieldDef& old_field, const FieldDef& new_field) = nullptr;
  void (*input)(const Ctx&, const InputPair& pair) = nullptr;
  void (*enum_value)(const Ctx&, const TypeDef& owner, const EnumValue& old_value, const EnumValue& new_value) = nullptr;
  void (*directive)(const Ctx&, const DirectiveDef& old_directive, const DirectiveDef& new_directive) = nullptr;
};

// Shorthands for the rows of the rules_*.cpp tables (here once: not every
// file's rows use every severity, and a scaffolded row may use any).
inline constexpr Format F = Format::graphql;
inline constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;

// One rule: its registry row and its handler.
struct Rule {
  RuleInfo info;
  Handlers on;
};

// The rows by area (rules_*.cpp), and all of them (rule_table.cpp).
std::span<const Rule> type_rules();
std::span<const Rule> field_rules();
std::span<const Rule> input_rules();
std::span<const Rule> directive_rules();
const std::vector<const Rule*>& all_rules();

// Pairs the two versions and calls the rows' handlers (walker.cpp).
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
