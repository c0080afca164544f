// Rules on the schema and its types: roots, types added/removed/changed,
// and the members of a type (fields, input fields, enum values, union
// members, interfaces) added or removed.
#include <algorithm>

#include "diff/graphql/rules.h"

namespace accord::diff::graphql {

namespace {

std::string kind_arg(Kind k) { return std::string(kind_name(k)); }

void root_type_changed(const Ctx& c) {
  for (const char* op : {"query", "mutation", "subscription"}) {
    auto o = c.old_schema.roots.find(op);
    auto n = c.new_schema.roots.find(op);
    std::string old_name = o == c.old_schema.roots.end() ? "" : o->second.first;
    std::string new_name = n == c.new_schema.roots.end() ? "" : n->second.first;
    if (old_name == new_name || old_name.empty()) continue;  // a new root is an addition
    c.report({{"operation", op}, {"old", old_name}, {"new", new_name.empty() ? "none" : new_name}},
             c.old_at(o->second.second, std::string("schema.") + op),
             n == c.new_schema.roots.end() ? At{} : c.new_at(n->second.second, std::string("schema.") + op));
  }
}

void type_removed(const Ctx& c) {
  for (const TypeDef& o : c.old_schema.types)
    if (!c.new_schema.type(o.name)) c.report({{"type", o.name}, {"kind", kind_arg(o.kind)}}, c.old_at(o.pos, o.name), {});
}

void type_added(const Ctx& c) {
  for (const TypeDef& n : c.new_schema.types)
    if (!c.old_schema.type(n.name)) c.report({{"type", n.name}, {"kind", kind_arg(n.kind)}}, {}, c.new_at(n.pos, n.name));
}

void type_kind_changed(const Ctx& c, const TypeDef& o, const TypeDef& n) {
  if (o.kind != n.kind)
    c.report({{"type", n.name}, {"old", kind_arg(o.kind)}, {"new", kind_arg(n.kind)}}, c.old_at(o.pos, o.name), c.new_at(n.pos, n.name));
}

void type_description_changed(const Ctx& c, const TypeDef& o, const TypeDef& n) {
  if (o.description != n.description) c.report({{"type", n.name}}, c.old_at(o.pos, o.name), c.new_at(n.pos, n.name));
}

template <class T>
bool has_named(const std::vector<T>& items, const std::string& name) {
  return std::any_of(items.begin(), items.end(), [&](const T& i) { return i.name == name; });
}

// Members of `from` missing in `to`, reported at the member (removed: in
// old; added: in new) and at the owning type on the other side.
template <class T>
void members_missing(const Ctx& c, const TypeDef& from, const TypeDef& to, const std::vector<T> TypeDef::*list,
                     bool removed) {
  if (from.kind != to.kind) return;
  for (const T& m : from.*list)
    if (!has_named(to.*list, m.name)) {
      At member = removed ? c.old_at(m.pos, from.name + "." + m.name) : c.new_at(m.pos, from.name + "." + m.name);
      At owner = removed ? c.new_at(to.pos, to.name) : c.old_at(to.pos, to.name);
      std::vector<Arg> args{{"type", from.name}, {"name", m.name}};
      if constexpr (std::is_same_v<T, FieldDef>) {
        bool deprecated = false;
        deprecation_reason(m.directives, deprecated);
        args.push_back({"deprecated", deprecated ? "deprecated" : "not deprecated"});
      }
      removed ? c.report(std::move(args), member, owner) : c.report(std::move(args), owner, member);
    }
}

void field_removed(const Ctx& c, const TypeDef& o, const TypeDef& n) { members_missing(c, o, n, &TypeDef::fields, true); }
void field_added(const Ctx& c, const TypeDef& o, const TypeDef& n) { members_missing(c, n, o, &TypeDef::fields, false); }
void enum_value_removed(const Ctx& c, const TypeDef& o, const TypeDef& n) { members_missing(c, o, n, &TypeDef::values, true); }
void enum_value_added(const Ctx& c, const TypeDef& o, const TypeDef& n) { members_missing(c, n, o, &TypeDef::values, false); }
void input_field_removed(const Ctx& c, const TypeDef& o, const TypeDef& n) {
  members_missing(c, o, n, &TypeDef::input_fields, true);
}

void input_fields_added(const Ctx& c, const TypeDef& o, const TypeDef& n, bool required) {
  if (o.kind != n.kind) return;
  for (const InputValue& v : n.input_fields)
    if (!has_named(o.input_fields, v.name) && is_required(v) == required)
      c.report({{"type", n.name}, {"name", v.name}, {"field_type", v.type.text()}}, c.old_at(o.pos, o.name),
               c.new_at(v.pos, n.name + "." + v.name));
}
void input_field_added_required(const Ctx& c, const TypeDef& o, const TypeDef& n) { input_fields_added(c, o, n, true); }
void input_field_added(const Ctx& c, const TypeDef& o, const TypeDef& n) { input_fields_added(c, o, n, false); }

void union_members(const Ctx& c, const TypeDef& from, const TypeDef& to, bool removed) {
  if (from.kind != Kind::union_ || to.kind != Kind::union_) return;
  for (const auto& entry : from.members) {
    // Named, not a structured binding: clang 14 (the fuzz build) cannot capture those in a lambda.
    const auto& member = entry.first;
    const auto& pos = entry.second;
    if (std::none_of(to.members.begin(), to.members.end(), [&](const auto& m) { return m.first == member; })) {
      At at = removed ? c.old_at(pos, from.name) : c.new_at(pos, from.name);
      At owner = removed ? c.new_at(to.pos, to.name) : c.old_at(to.pos, to.name);
      removed ? c.report({{"union", from.name}, {"member", member}}, at, owner)
              : c.report({{"union", from.name}, {"member", member}}, owner, at);
    }
  }
}
void union_member_removed(const Ctx& c, const TypeDef& o, const TypeDef& n) { union_members(c, o, n, true); }
void union_member_added(const Ctx& c, const TypeDef& o, const TypeDef& n) { union_members(c, n, o, false); }

void interfaces(const Ctx& c, const TypeDef& from, const TypeDef& to, bool removed) {
  if (from.kind != to.kind || (from.kind != Kind::object && from.kind != Kind::interface)) return;
  for (const std::string& i : from.interfaces)
    if (std::find(to.interfaces.begin(), to.interfaces.end(), i) == to.interfaces.end()) {
      At at = removed ? c.old_at(from.pos, from.name) : c.new_at(from.pos, from.name);
      At other = removed ? c.new_at(to.pos, to.name) : c.old_at(to.pos, to.name);
      removed ? c.report({{"type", from.name}, {"interface", i}}, at, other)
              : c.report({{"type", from.name}, {"interface", i}}, other, at);
    }
}
void interface_removed(const Ctx& c, const TypeDef& o, const TypeDef& n) { interfaces(c, o, n, true); }
void interface_added(const Ctx& c, const TypeDef& o, const TypeDef& n) { interfaces(c, n, o, false); }

const Rule kRules[] = {
    {{"graphql.root-type-changed", F, E, "SCHEMA_QUERY_TYPE_CHANGED,SCHEMA_MUTATION_TYPE_CHANGED,SCHEMA_SUBSCRIPTION_TYPE_CHANGED",
      "A root operation type is another type (or gone).",
      "Schema {operation} root type changed from \"{old}\" to \"{new}\"."},
     {.schema = root_type_changed}},
    {{"graphql.type-removed", F, E, "TYPE_REMOVED",
      "Types are not removed.",
      "Type \"{type}\" was removed."},
     {.schema = type_removed}},
    {{"graphql.type-added", F, I, "TYPE_ADDED",
      "A type was added.",
      "Type \"{type}\" was added."},
     {.schema = type_added}},
    {{"graphql.type-kind-changed", F, E, "TYPE_KIND_CHANGED",
      "Types keep their kind.",
      "\"{type}\" kind changed from \"{old}\" to \"{new}\"."},
     {.type = type_kind_changed}},
    {{"graphql.type-description-changed", F, I, "TYPE_DESCRIPTION_CHANGED,TYPE_DESCRIPTION_ADDED,TYPE_DESCRIPTION_REMOVED",
      "A type's description changed.",
      "Description of type \"{type}\" changed."},
     {.type = type_description_changed}},
    {{"graphql.field-removed", F, E, "FIELD_REMOVED",
      "Fields are not removed (deprecate them first, and check their usage).",
      "Field \"{name}\" ({deprecated}) was removed from {type}."},
     {.type = field_removed}},
    {{"graphql.field-added", F, I, "FIELD_ADDED",
      "A field was added.",
      "Field \"{name}\" was added to {type}."},
     {.type = field_added}},
    {{"graphql.enum-value-removed", F, E, "ENUM_VALUE_REMOVED",
      "Enum values are not removed.",
      "Enum value \"{name}\" was removed from enum \"{type}\"."},
     {.type = enum_value_removed}},
    {{"graphql.enum-value-added", F, W, "ENUM_VALUE_ADDED",
      "An enum value was added: clients may not handle it.",
      "Enum value \"{name}\" was added to enum \"{type}\"."},
     {.type = enum_value_added}},
    {{"graphql.input-field-removed", F, E, "INPUT_FIELD_REMOVED",
      "Input fields are not removed.",
      "Input field \"{name}\" was removed from input object type \"{type}\"."},
     {.type = input_field_removed}},
    {{"graphql.input-field-added-required", F, E, "INPUT_FIELD_ADDED",
      "Input fields are not added as required (non-null without a default).",
      "Non-null input field \"{name}\" of type {field_type} was added to input object type \"{type}\" without a default."},
     {.type = input_field_added_required}},
    {{"graphql.input-field-added", F, W, "INPUT_FIELD_ADDED",
      "An optional input field was added.",
      "Input field \"{name}\" of type {field_type} was added to input object type \"{type}\"."},
     {.type = input_field_added}},
    {{"graphql.union-member-removed", F, E, "UNION_MEMBER_REMOVED",
      "Union members are not removed.",
      "Member \"{member}\" was removed from union type \"{union}\"."},
     {.type = union_member_removed}},
    {{"graphql.union-member-added", F, W, "UNION_MEMBER_ADDED",
      "A union member was added: clients may not handle it.",
      "Member \"{member}\" was added to union type \"{union}\"."},
     {.type = union_member_added}},
    {{"graphql.interface-removed", F, E, "OBJECT_TYPE_INTERFACE_REMOVED",
      "Types keep the interfaces they implement.",
      "\"{type}\" no longer implements interface \"{interface}\"."},
     {.type = interface_removed}},
    {{"graphql.interface-added", F, W, "OBJECT_TYPE_INTERFACE_ADDED",
      "A type implements a new interface.",
      "\"{type}\" now implements interface \"{interface}\"."},
     {.type = interface_added}},
};

}  // namespace

std::span<const Rule> type_rules() { return kRules; }

}  // namespace accord::diff::graphql
