// What makes an SDL document unusable for comparison, as graphql-js's
// buildSchema would refuse it: a name defined twice in one scope, a
// reference to a type or directive that does not exist, a type used where
// its kind is not allowed.
#include <set>

#include "diff/graphql/parse.h"

namespace accord::diff::graphql {

namespace {

#define TRY_ALL(expr)                       \
  do {                                      \
    auto _st = (expr);                      \
    if (!_st) return _st.error();           \
  } while (0)

const std::set<std::string> kBuiltinScalars = {"Int", "Float", "String", "Boolean", "ID"};
const std::set<std::string> kBuiltinDirectives = {"deprecated", "skip", "include", "specifiedBy", "oneOf"};

class Validator {
 public:
  explicit Validator(const Schema& s) : s_(s) {}

  core::Status run() {
    for (const TypeDef& t : s_.types) TRY_ALL(type(t));
    for (const DirectiveDef& d : s_.directives) TRY_ALL(input_values(d.args, "directive @" + d.name));
    for (const auto& [op, root] : s_.roots) {
      const TypeDef* t = s_.type(root.first);
      if (!t) return at(root.second, "unknown type \"" + root.first + "\" as the " + op + " root");
      if (t->kind != Kind::object) return at(root.second, "the " + op + " root " + root.first + " is not an object type");
    }
    return core::ok_status();
  }

 private:

  core::Error at(Pos pos, std::string message) const { return core::make_error(std::move(message), s_.file, pos.line, pos.column); }

  bool known_type(const std::string& name) const { return kBuiltinScalars.count(name) || s_.type(name); }

  core::Status type(const TypeDef& t) {
    TRY_ALL(directive_uses(t.directives));
    std::set<std::string> seen;
    for (const FieldDef& f : t.fields) {
      if (!seen.insert(f.name).second) return at(f.pos, "field " + t.name + "." + f.name + " is defined twice");
      TRY_ALL(output_type(f.type, t.name + "." + f.name));
      TRY_ALL(input_values(f.args, t.name + "." + f.name));
      TRY_ALL(directive_uses(f.directives));
    }
    if (t.kind == Kind::input) TRY_ALL(input_values(t.input_fields, t.name));
    for (const EnumValue& v : t.values) {
      if (!seen.insert(v.name).second) return at(v.pos, "enum value " + t.name + "." + v.name + " is defined twice");
      TRY_ALL(directive_uses(v.directives));
    }
    for (const auto& [member, pos] : t.members) {
      const TypeDef* m = s_.type(member);
      if (!m) return at(pos, "unknown type \"" + member + "\" in union " + t.name);
      if (m->kind != Kind::object) return at(pos, "union " + t.name + " member " + member + " is not an object type");
      if (!seen.insert(member).second) return at(pos, "union " + t.name + " lists " + member + " twice");
    }
    for (const std::string& i : t.interfaces) {
      const TypeDef* it = s_.type(i);
      if (!it || it->kind != Kind::interface) return at(t.pos, t.name + " implements \"" + i + "\", which is not an interface");
    }
    return core::ok_status();
  }

  core::Status output_type(const TypeRef& ref, const std::string& where) {
    const TypeDef* t = s_.type(ref.base());
    if (!known_type(ref.base())) return at(ref.pos, "unknown type \"" + ref.base() + "\" (" + where + ")");
    if (t && t->kind == Kind::input) return at(ref.pos, "input type " + ref.base() + " used as an output (" + where + ")");
    return core::ok_status();
  }

  core::Status input_values(const std::vector<InputValue>& values, const std::string& where) {
    std::set<std::string> seen;
    for (const InputValue& v : values) {
      if (!seen.insert(v.name).second) return at(v.pos, where + ": " + v.name + " is defined twice");
      const TypeDef* t = s_.type(v.type.base());
      if (!known_type(v.type.base())) return at(v.type.pos, "unknown type \"" + v.type.base() + "\" (" + where + "." + v.name + ")");
      if (t && (t->kind == Kind::object || t->kind == Kind::interface || t->kind == Kind::union_))
        return at(v.type.pos, "output type " + v.type.base() + " used as an input (" + where + "." + v.name + ")");
      TRY_ALL(directive_uses(v.directives));
    }
    return core::ok_status();
  }

  core::Status directive_uses(const std::vector<DirectiveUse>& uses) {
    for (const DirectiveUse& d : uses) {
      auto it = s_.directive_index.find(d.name);
      if (it == s_.directive_index.end()) {
        if (!kBuiltinDirectives.count(d.name)) return at(d.pos, "unknown directive \"@" + d.name + "\"");
        continue;
      }
      for (const InputValue& arg : s_.directives[it->second].args)
        if (is_required(arg) && !d.arg(arg.name))
          return at(d.pos, "@" + d.name + " needs its required argument \"" + arg.name + "\"");
    }
    return core::ok_status();
  }

  static bool is_required(const InputValue& v) { return v.type.kind == TypeRef::Kind::non_null && !v.has_default; }

  const Schema& s_;
};

}  // namespace

core::Status validate_schema(const Schema& schema) { return Validator(schema).run(); }

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::scalar: return "scalar";
    case Kind::object: return "type";
    case Kind::interface: return "interface";
    case Kind::union_: return "union";
    case Kind::enumeration: return "enum";
    case Kind::input: return "input";
  }
  return "unknown";
}

std::string TypeRef::text() const {
  switch (kind) {
    case Kind::named: return name;
    case Kind::list: return "[" + inner->text() + "]";
    case Kind::non_null: return inner->text() + "!";
  }
  return name;
}

const std::string* DirectiveUse::arg(const std::string& n) const {
  for (const auto& [k, v] : args)
    if (k == n) return &v;
  return nullptr;
}

}  // namespace accord::diff::graphql
