// A GraphQL schema (SDL) as written: every definition, field, argument and
// value keeps its line and column. `extend` definitions are merged into the
// type they extend (keeping their own positions).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace accord::diff::graphql {

struct Pos {
  uint32_t line = 0;
  uint32_t column = 0;
};

// A type reference: `[User!]!` is list(nonnull(named User)), non-null outermost.
struct TypeRef {
  enum class Kind : uint8_t { named, list, non_null };
  Kind kind = Kind::named;
  std::string name;                // named only
  std::shared_ptr<TypeRef> inner;  // list and non_null
  Pos pos;
  std::string text() const;
  const std::string& base() const { return kind == Kind::named ? name : inner->base(); }
};

struct DirectiveUse {
  std::string name;
  std::vector<std::pair<std::string, std::string>> args;  // name -> value, printed canonically
  Pos pos;
  const std::string* arg(const std::string& n) const;
};

struct InputValue {  // an argument or an input field
  std::string name;
  std::string description;
  TypeRef type;
  bool has_default = false;
  std::string default_value;  // printed canonically
  std::vector<DirectiveUse> directives;
  Pos pos;
};

struct FieldDef {
  std::string name;
  std::string description;
  std::vector<InputValue> args;
  TypeRef type;
  std::vector<DirectiveUse> directives;
  Pos pos;
};

struct EnumValue {
  std::string name;
  std::string description;
  std::vector<DirectiveUse> directives;
  Pos pos;
};

enum class Kind : uint8_t { scalar, object, interface, union_, enumeration, input };
std::string_view kind_name(Kind k);

struct TypeDef {
  Kind kind = Kind::scalar;
  std::string name;
  std::string description;
  std::vector<std::string> interfaces;  // object, interface
  std::vector<std::pair<std::string, Pos>> members;  // union
  std::vector<FieldDef> fields;         // object, interface
  std::vector<InputValue> input_fields; // input
  std::vector<EnumValue> values;        // enum
  std::vector<DirectiveUse> directives;
  Pos pos;
};

struct DirectiveDef {
  std::string name;
  std::string description;
  std::vector<InputValue> args;
  bool repeatable = false;
  std::vector<std::string> locations;
  Pos pos;
};

struct Schema {
  std::string file;
  std::vector<TypeDef> types;  // in source order
  std::map<std::string, size_t> type_index;
  std::vector<DirectiveDef> directives;
  std::map<std::string, size_t> directive_index;
  // Root operation types: "query" -> "Query". Without a schema definition,
  // the types named Query, Mutation and Subscription.
  std::map<std::string, std::pair<std::string, Pos>> roots;
  bool has_schema_definition = false;
  Pos schema_pos;

  const TypeDef* type(const std::string& name) const {
    auto it = type_index.find(name);
    return it == type_index.end() ? nullptr : &types[it->second];
  }
};

}  // namespace accord::diff::graphql
