// A recursive-descent parser for the type-system part of GraphQL (SDL):
// schema, scalar, type, interface, union, enum, input and directive
// definitions, their descriptions, and `extend` of each, merged into the
// definition they extend. The pieces inside a definition (names, type
// references, directive uses, constant values) are sdl_reader's.
#include <deque>
#include <set>

#include "diff/graphql/parse.h"
#include "diff/graphql/sdl_reader.h"

namespace accord::diff::graphql {

namespace {

class Parser : SdlReader {
 public:
  Parser(const std::string& file, std::string_view text) : SdlReader(file, text) { schema_.file = file; }

  core::Expected<Schema> run() {
    SDL_TRY(shift());
    while (tok_.kind != Token::Kind::end) SDL_TRY(definition());
    SDL_TRY(merge_late_extensions());
    finish_roots();
    return std::move(schema_);
  }

 private:
  core::Status definition() {
    auto desc = description();
    if (!desc) return desc.error();
    if (is_name("extend")) {
      SDL_TRY(shift());
      return type_system_definition(*desc, true);
    }
    return type_system_definition(*desc, false);
  }

  core::Status type_system_definition(const std::string& desc, bool extend) {
    if (tok_.kind != Token::Kind::name)
      return error("expected a type system definition, found " + describe_token());
    std::string_view keyword = tok_.raw;
    if (keyword == "schema") return schema_definition(extend);
    if (keyword == "directive" && !extend) return directive_definition(desc);
    static const std::pair<std::string_view, Kind> kinds[] = {{"scalar", Kind::scalar}, {"type", Kind::object},
        {"interface", Kind::interface}, {"union", Kind::union_}, {"enum", Kind::enumeration}, {"input", Kind::input}};
    for (const auto& [word, kind] : kinds)
      if (keyword == word) return type_definition(kind, desc, extend);
    if (keyword == "query" || keyword == "mutation" || keyword == "subscription" || keyword == "fragment")
      return error("an operation is not part of a schema (SDL)");
    return error("expected a type system definition, found " + describe_token());
  }

  core::Status schema_definition(bool extend) {
    Pos pos = tok_.pos;
    SDL_TRY(shift());
    if (!extend) {
      if (schema_.has_schema_definition) return core::make_error("the schema is defined twice", lexer_.file(), pos.line, pos.column);
      schema_.has_schema_definition = true;
      schema_.schema_pos = pos;
    }
    std::vector<DirectiveUse> ignored;
    SDL_TRY(directives(ignored));
    if (!is_punct("{")) return extend ? core::ok_status() : core::Status(error("expected \"{\", found " + describe_token()));
    SDL_TRY(shift());
    while (!is_punct("}")) {
      Pos op_pos = tok_.pos;
      auto op = name();
      if (!op) return op.error();
      if (*op != "query" && *op != "mutation" && *op != "subscription")
        return core::make_error("unknown operation type \"" + *op + "\"", lexer_.file(), op_pos.line, op_pos.column);
      SDL_TRY(expect(":"));
      Pos type_pos = tok_.pos;
      auto type = name();
      if (!type) return type.error();
      if (explicit_roots_.count(*op))
        return core::make_error("root type for " + *op + " is defined twice", lexer_.file(), op_pos.line, op_pos.column);
      explicit_roots_.insert(*op);
      schema_.roots[*op] = {*type, type_pos};
    }
    return shift();
  }

  core::Status directive_definition(const std::string& desc) {
    DirectiveDef d;
    d.description = desc;
    d.pos = tok_.pos;
    SDL_TRY(shift());
    SDL_TRY(expect("@"));
    auto n = name();
    if (!n) return n.error();
    d.name = *n;
    if (is_punct("(")) SDL_TRY(input_values(d.args, "(", ")"));
    if (is_name("repeatable")) {
      d.repeatable = true;
      SDL_TRY(shift());
    }
    if (!is_name("on")) return error("expected \"on\", found " + describe_token());
    SDL_TRY(shift());
    if (is_punct("|")) SDL_TRY(shift());
    do {
      if (!d.locations.empty()) SDL_TRY(shift());
      auto loc = name();
      if (!loc) return loc.error();
      d.locations.push_back(*loc);
    } while (is_punct("|"));
    if (schema_.directive_index.count(d.name))
      return core::make_error("directive @" + d.name + " is defined twice", lexer_.file(), d.pos.line, d.pos.column);
    schema_.directive_index[d.name] = schema_.directives.size();
    schema_.directives.push_back(std::move(d));
    return core::ok_status();
  }

  core::Status type_definition(Kind kind, const std::string& desc, bool extend) {
    Pos pos = tok_.pos;
    SDL_TRY(shift());
    Pos name_pos = tok_.pos;
    auto n = name();
    if (!n) return n.error();
    TypeDef* t = nullptr;
    if (extend) {
      auto it = schema_.type_index.find(*n);
      if (it == schema_.type_index.end()) {
        pending_extensions_.push_back({*n, name_pos});
        extension_holders_.emplace_back();
        t = &extension_holders_.back();
        t->kind = kind;
        t->name = *n;
      } else {
        t = &schema_.types[it->second];
        if (t->kind != kind)
          return core::make_error("extend " + std::string(kind_name(kind)) + " " + *n + ": " + *n + " is a " +
                                      std::string(kind_name(t->kind)), lexer_.file(), name_pos.line, name_pos.column);
      }
    } else {
      if (schema_.type_index.count(*n))
        return core::make_error("type " + *n + " is defined twice", lexer_.file(), name_pos.line, name_pos.column);
      schema_.type_index[*n] = schema_.types.size();
      t = &schema_.types.emplace_back();
      t->kind = kind;
      t->name = *n;
      t->description = desc;
      t->pos = pos;
    }
    return type_body(*t);
  }

  core::Status type_body(TypeDef& t) {
    if ((t.kind == Kind::object || t.kind == Kind::interface) && is_name("implements")) {
      SDL_TRY(shift());
      if (is_punct("&")) SDL_TRY(shift());
      while (tok_.kind == Token::Kind::name && !is_peek_definition_start()) {
        auto i = name();
        if (!i) return i.error();
        t.interfaces.push_back(*i);
        if (!is_punct("&")) break;
        SDL_TRY(shift());
      }
    }
    SDL_TRY(directives(t.directives));
    switch (t.kind) {
      case Kind::object:
      case Kind::interface: return is_punct("{") ? fields(t.fields) : core::ok_status();
      case Kind::input: return is_punct("{") ? input_values(t.input_fields, "{", "}") : core::ok_status();
      case Kind::enumeration: return is_punct("{") ? enum_values(t.values) : core::ok_status();
      case Kind::union_: return is_punct("=") ? union_members(t) : core::ok_status();
      case Kind::scalar: return core::ok_status();
    }
    return core::ok_status();
  }

  // `implements A B` (the old comma/space form) must stop at the next
  // definition's keyword or a directive/body.
  bool is_peek_definition_start() const {
    static const std::set<std::string_view> words = {"type", "interface", "union", "enum", "input", "scalar",
                                                     "schema", "directive", "extend"};
    return words.count(tok_.raw) > 0;
  }

  core::Status union_members(TypeDef& t) {
    SDL_TRY(shift());
    if (is_punct("|")) SDL_TRY(shift());
    while (true) {
      Pos pos = tok_.pos;
      auto m = name();
      if (!m) return m.error();
      t.members.push_back({*m, pos});
      if (!is_punct("|")) return core::ok_status();
      SDL_TRY(shift());
    }
  }

  core::Status enum_values(std::vector<EnumValue>& out) {
    SDL_TRY(shift());
    while (!is_punct("}")) {
      EnumValue v;
      auto desc = description();
      if (!desc) return desc.error();
      v.description = *desc;
      v.pos = tok_.pos;
      auto n = name();
      if (!n) return n.error();
      v.name = *n;
      SDL_TRY(directives(v.directives));
      out.push_back(std::move(v));
    }
    return shift();
  }

  core::Status fields(std::vector<FieldDef>& out) {
    SDL_TRY(shift());
    while (!is_punct("}")) {
      FieldDef f;
      auto desc = description();
      if (!desc) return desc.error();
      f.description = *desc;
      f.pos = tok_.pos;
      auto n = name();
      if (!n) return n.error();
      f.name = *n;
      if (is_punct("(")) SDL_TRY(input_values(f.args, "(", ")"));
      SDL_TRY(expect(":"));
      auto type = type_ref();
      if (!type) return type.error();
      f.type = std::move(*type);
      SDL_TRY(directives(f.directives));
      out.push_back(std::move(f));
    }
    return shift();
  }

  core::Status input_values(std::vector<InputValue>& out, std::string_view open, std::string_view close) {
    SDL_TRY(expect(open));
    while (!is_punct(close)) {
      InputValue v;
      auto desc = description();
      if (!desc) return desc.error();
      v.description = *desc;
      v.pos = tok_.pos;
      auto n = name();
      if (!n) return n.error();
      v.name = *n;
      SDL_TRY(expect(":"));
      auto type = type_ref();
      if (!type) return type.error();
      v.type = std::move(*type);
      if (is_punct("=")) {
        SDL_TRY(shift());
        auto value = const_value();
        if (!value) return value.error();
        v.has_default = true;
        v.default_value = std::move(*value);
      }
      SDL_TRY(directives(v.directives));
      out.push_back(std::move(v));
    }
    return shift();
  }

  void finish_roots() {
    if (!schema_.has_schema_definition)
      for (const auto& [op, name] : {std::pair{"query", "Query"}, {"mutation", "Mutation"}, {"subscription", "Subscription"}})
        if (const TypeDef* t = schema_.type(name)) schema_.roots[op] = {name, t->pos};
  }

 public:
  // Extensions met before their type (allowed across the document): merged
  // once everything is read.
  core::Status merge_late_extensions() {
    for (size_t i = 0; i < extension_holders_.size(); ++i) {
      TypeDef& ext = extension_holders_[i];
      auto it = schema_.type_index.find(ext.name);
      Pos pos = pending_extensions_[i].second;
      if (it == schema_.type_index.end())
        return core::make_error("extend " + std::string(kind_name(ext.kind)) + " " + ext.name + ": no such type",
                                lexer_.file(), pos.line, pos.column);
      TypeDef& t = schema_.types[it->second];
      if (t.kind != ext.kind)
        return core::make_error("extend " + std::string(kind_name(ext.kind)) + " " + ext.name + ": " + ext.name + " is a " +
                                    std::string(kind_name(t.kind)), lexer_.file(), pos.line, pos.column);
      t.interfaces.insert(t.interfaces.end(), ext.interfaces.begin(), ext.interfaces.end());
      t.members.insert(t.members.end(), ext.members.begin(), ext.members.end());
      t.fields.insert(t.fields.end(), ext.fields.begin(), ext.fields.end());
      t.input_fields.insert(t.input_fields.end(), ext.input_fields.begin(), ext.input_fields.end());
      t.values.insert(t.values.end(), ext.values.begin(), ext.values.end());
      t.directives.insert(t.directives.end(), ext.directives.begin(), ext.directives.end());
    }
    return core::ok_status();
  }

 private:
  Schema schema_;
  std::set<std::string> explicit_roots_;
  std::vector<std::pair<std::string, Pos>> pending_extensions_;
  std::deque<TypeDef> extension_holders_;
};

}  // namespace

core::Expected<Schema> parse_sdl(const std::string& file, std::string_view text) {
  Parser parser(file, text);
  auto schema = parser.run();
  if (!schema) return schema.error();
  if (auto valid = validate_schema(*schema); !valid) return valid.error();
  return schema;
}

}  // namespace accord::diff::graphql
