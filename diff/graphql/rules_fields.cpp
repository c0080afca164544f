// Rules on a field of an object or interface present in both versions: its
// type, description, @deprecated lifecycle and arguments added or removed.
#include <algorithm>

#include "diff/graphql/rules.h"

namespace accord::diff::graphql {

namespace {

std::string path_of(const TypeDef& owner, const FieldDef& f) { return owner.name + "." + f.name; }

void type_changes(const Ctx& c, const TypeDef& owner, const FieldDef& o, const FieldDef& n, bool safe) {
  if (o.type.text() == n.type.text() || safe_output_change(o.type, n.type) != safe) return;
  c.report({{"field", path_of(owner, n)}, {"old", o.type.text()}, {"new", n.type.text()}}, c.old_at(o.type.pos, path_of(owner, o)),
           c.new_at(n.type.pos, path_of(owner, n)));
}
void field_type_changed(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) { type_changes(c, t, o, n, false); }
void field_type_changed_safely(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) { type_changes(c, t, o, n, true); }

void field_description_changed(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) {
  if (o.description != n.description) c.report({{"field", path_of(t, n)}}, c.old_at(o.pos, path_of(t, o)), c.new_at(n.pos, path_of(t, n)));
}

struct Deprecation {
  bool deprecated = false;
  std::string reason;
  Pos pos;
};

Deprecation deprecation_of(const FieldDef& f) {
  Deprecation d;
  d.reason = deprecation_reason(f.directives, d.deprecated);
  const DirectiveUse* use = find_directive(f.directives, "deprecated");
  d.pos = use ? use->pos : f.pos;
  return d;
}

void field_deprecation_added(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) {
  Deprecation od = deprecation_of(o), nd = deprecation_of(n);
  if (!od.deprecated && nd.deprecated)
    c.report({{"field", path_of(t, n)}, {"reason", nd.reason}}, c.old_at(o.pos, path_of(t, o)), c.new_at(nd.pos, path_of(t, n)));
}

void field_deprecation_removed(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) {
  Deprecation od = deprecation_of(o), nd = deprecation_of(n);
  if (od.deprecated && !nd.deprecated)
    c.report({{"field", path_of(t, n)}}, c.old_at(od.pos, path_of(t, o)), c.new_at(n.pos, path_of(t, n)));
}

void field_deprecation_reason_changed(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) {
  Deprecation od = deprecation_of(o), nd = deprecation_of(n);
  if (od.deprecated && nd.deprecated && od.reason != nd.reason)
    c.report({{"field", path_of(t, n)}, {"old", od.reason}, {"new", nd.reason}}, c.old_at(od.pos, path_of(t, o)),
             c.new_at(nd.pos, path_of(t, n)));
}

const InputValue* arg_named(const FieldDef& f, const std::string& name) {
  for (const InputValue& a : f.args)
    if (a.name == name) return &a;
  return nullptr;
}

void argument_removed(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) {
  for (const InputValue& a : o.args)
    if (!arg_named(n, a.name))
      c.report({{"field", path_of(t, n)}, {"argument", a.name}}, c.old_at(a.pos, path_of(t, o) + "." + a.name),
               c.new_at(n.pos, path_of(t, n)));
}

// graphql-inspector: required (non-null, no default) is breaking; optional
// without a default is dangerous; with a default, safe.
enum class Added { required, optional, defaulted };
Added added_kind(const InputValue& a) {
  if (is_required(a)) return Added::required;
  return a.has_default ? Added::defaulted : Added::optional;
}

void arguments_added(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n, Added kind) {
  for (const InputValue& a : n.args)
    if (!arg_named(o, a.name) && added_kind(a) == kind)
      c.report({{"field", path_of(t, n)}, {"argument", a.name}, {"arg_type", a.type.text()}}, c.old_at(o.pos, path_of(t, o)),
               c.new_at(a.pos, path_of(t, n) + "." + a.name));
}
void argument_added_required(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) {
  arguments_added(c, t, o, n, Added::required);
}
void argument_added_optional(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) {
  arguments_added(c, t, o, n, Added::optional);
}
void argument_added(const Ctx& c, const TypeDef& t, const FieldDef& o, const FieldDef& n) {
  arguments_added(c, t, o, n, Added::defaulted);
}

const Rule kRules[] = {
    {{"graphql.field-type-changed", F, E, "FIELD_TYPE_CHANGED",
      "Output fields keep their type (made non-null is the safe direction).",
      "Field \"{field}\" changed type from \"{old}\" to \"{new}\"."},
     {.field = field_type_changed}},
    {{"graphql.field-type-changed-safely", F, I, "FIELD_TYPE_CHANGED",
      "An output field's type changed in a way clients read (made non-null).",
      "Field \"{field}\" changed type from \"{old}\" to \"{new}\"."},
     {.field = field_type_changed_safely}},
    {{"graphql.field-description-changed", F, I, "FIELD_DESCRIPTION_CHANGED,FIELD_DESCRIPTION_ADDED,FIELD_DESCRIPTION_REMOVED",
      "A field's description changed.",
      "Description of field \"{field}\" changed."},
     {.field = field_description_changed}},
    {{"graphql.field-deprecation-added", F, I, "FIELD_DEPRECATION_ADDED",
      "A field was deprecated.",
      "Field \"{field}\" is deprecated: {reason}."},
     {.field = field_deprecation_added}},
    {{"graphql.field-deprecation-removed", F, W, "FIELD_DEPRECATION_REMOVED",
      "A deprecation was withdrawn.",
      "Field \"{field}\" is no longer deprecated."},
     {.field = field_deprecation_removed}},
    {{"graphql.field-deprecation-reason-changed", F, I, "FIELD_DEPRECATION_REASON_CHANGED",
      "A deprecation reason changed.",
      "Deprecation reason on field \"{field}\" changed from \"{old}\" to \"{new}\"."},
     {.field = field_deprecation_reason_changed}},
    {{"graphql.argument-removed", F, E, "FIELD_ARGUMENT_REMOVED",
      "Field arguments are not removed.",
      "Argument \"{argument}\" was removed from field \"{field}\"."},
     {.field = argument_removed}},
    {{"graphql.argument-added-required", F, E, "FIELD_ARGUMENT_ADDED",
      "Field arguments are not added as required (non-null without a default).",
      "Required argument \"{argument}\" ({arg_type}) was added to field \"{field}\"."},
     {.field = argument_added_required}},
    {{"graphql.argument-added-optional", F, W, "FIELD_ARGUMENT_ADDED",
      "An optional argument without a default was added.",
      "Argument \"{argument}\" ({arg_type}) was added to field \"{field}\"."},
     {.field = argument_added_optional}},
    {{"graphql.argument-added", F, I, "FIELD_ARGUMENT_ADDED",
      "An argument with a default was added.",
      "Argument \"{argument}\" ({arg_type}) with a default was added to field \"{field}\"."},
     {.field = argument_added}},
};

}  // namespace

std::span<const Rule> field_rules() { return kRules; }

}  // namespace accord::diff::graphql
