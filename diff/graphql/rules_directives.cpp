// Rules on directive definitions (added, removed, locations, arguments) and
// on enum values present in both versions (description, deprecation).
#include <algorithm>

#include "diff/graphql/rules.h"

namespace accord::diff::graphql {

namespace {

std::string at_name(const DirectiveDef& d) { return "@" + d.name; }

void directive_removed(const Ctx& c) {
  for (const DirectiveDef& o : c.old_schema.directives)
    if (!c.new_schema.directive_index.count(o.name)) c.report({{"directive", at_name(o)}}, c.old_at(o.pos, at_name(o)), {});
}

void directive_added(const Ctx& c) {
  for (const DirectiveDef& n : c.new_schema.directives)
    if (!c.old_schema.directive_index.count(n.name)) c.report({{"directive", at_name(n)}}, {}, c.new_at(n.pos, at_name(n)));
}

void directive_description_changed(const Ctx& c, const DirectiveDef& o, const DirectiveDef& n) {
  if (o.description != n.description) c.report({{"directive", at_name(n)}}, c.old_at(o.pos, at_name(o)), c.new_at(n.pos, at_name(n)));
}

void locations(const Ctx& c, const DirectiveDef& from, const DirectiveDef& to, bool removed) {
  for (const std::string& loc : from.locations)
    if (std::find(to.locations.begin(), to.locations.end(), loc) == to.locations.end()) {
      At f = removed ? c.old_at(from.pos, at_name(from)) : c.new_at(from.pos, at_name(from));
      At t = removed ? c.new_at(to.pos, at_name(to)) : c.old_at(to.pos, at_name(to));
      removed ? c.report({{"directive", at_name(from)}, {"location", loc}}, f, t)
              : c.report({{"directive", at_name(from)}, {"location", loc}}, t, f);
    }
}
void directive_location_removed(const Ctx& c, const DirectiveDef& o, const DirectiveDef& n) { locations(c, o, n, true); }
void directive_location_added(const Ctx& c, const DirectiveDef& o, const DirectiveDef& n) { locations(c, n, o, false); }

bool has_arg(const DirectiveDef& d, const std::string& name) {
  return std::any_of(d.args.begin(), d.args.end(), [&](const InputValue& a) { return a.name == name; });
}

void directive_argument_removed(const Ctx& c, const DirectiveDef& o, const DirectiveDef& n) {
  for (const InputValue& a : o.args)
    if (!has_arg(n, a.name))
      c.report({{"directive", at_name(o)}, {"argument", a.name}}, c.old_at(a.pos, at_name(o) + "." + a.name), c.new_at(n.pos, at_name(n)));
}

void arguments_added(const Ctx& c, const DirectiveDef& o, const DirectiveDef& n, bool required) {
  for (const InputValue& a : n.args)
    if (!has_arg(o, a.name) && is_required(a) == required)
      c.report({{"directive", at_name(n)}, {"argument", a.name}}, c.old_at(o.pos, at_name(o)), c.new_at(a.pos, at_name(n) + "." + a.name));
}
void directive_argument_added_required(const Ctx& c, const DirectiveDef& o, const DirectiveDef& n) { arguments_added(c, o, n, true); }
void directive_argument_added(const Ctx& c, const DirectiveDef& o, const DirectiveDef& n) { arguments_added(c, o, n, false); }

void enum_value_description_changed(const Ctx& c, const TypeDef& t, const EnumValue& o, const EnumValue& n) {
  if (o.description != n.description)
    c.report({{"value", t.name + "." + n.name}}, c.old_at(o.pos, t.name + "." + o.name), c.new_at(n.pos, t.name + "." + n.name));
}

void enum_value_deprecation_changed(const Ctx& c, const TypeDef& t, const EnumValue& o, const EnumValue& n) {
  bool od = false, nd = false;
  std::string oreason = deprecation_reason(o.directives, od), nreason = deprecation_reason(n.directives, nd);
  if (od == nd && oreason == nreason) return;
  c.report({{"value", t.name + "." + n.name}, {"old", od ? "deprecated (" + oreason + ")" : "not deprecated"},
            {"new", nd ? "deprecated (" + nreason + ")" : "not deprecated"}},
           c.old_at(o.pos, t.name + "." + o.name), c.new_at(n.pos, t.name + "." + n.name));
}

const Rule kRules[] = {
    {{"graphql.directive-removed", F, E, "DIRECTIVE_REMOVED",
      "Directives are not removed.",
      "Directive \"{directive}\" was removed."},
     {.schema = directive_removed}},
    {{"graphql.directive-added", F, I, "DIRECTIVE_ADDED",
      "A directive was added.",
      "Directive \"{directive}\" was added."},
     {.schema = directive_added}},
    {{"graphql.directive-description-changed", F, I, "DIRECTIVE_DESCRIPTION_CHANGED",
      "A directive's description changed.",
      "Description of directive \"{directive}\" changed."},
     {.directive = directive_description_changed}},
    {{"graphql.directive-location-removed", F, E, "DIRECTIVE_LOCATION_REMOVED",
      "Directives keep their locations.",
      "Location \"{location}\" was removed from directive \"{directive}\"."},
     {.directive = directive_location_removed}},
    {{"graphql.directive-location-added", F, I, "DIRECTIVE_LOCATION_ADDED",
      "A directive may be used in a new location.",
      "Location \"{location}\" was added to directive \"{directive}\"."},
     {.directive = directive_location_added}},
    {{"graphql.directive-argument-removed", F, E, "DIRECTIVE_ARGUMENT_REMOVED",
      "Directive arguments are not removed.",
      "Argument \"{argument}\" was removed from directive \"{directive}\"."},
     {.directive = directive_argument_removed}},
    {{"graphql.directive-argument-added-required", F, E, "DIRECTIVE_ARGUMENT_ADDED",
      "Directive arguments are not added as required.",
      "Required argument \"{argument}\" was added to directive \"{directive}\"."},
     {.directive = directive_argument_added_required}},
    {{"graphql.directive-argument-added", F, I, "DIRECTIVE_ARGUMENT_ADDED",
      "An optional directive argument was added.",
      "Argument \"{argument}\" was added to directive \"{directive}\"."},
     {.directive = directive_argument_added}},
    {{"graphql.enum-value-description-changed", F, I, "ENUM_VALUE_DESCRIPTION_CHANGED",
      "An enum value's description changed.",
      "Description of enum value \"{value}\" changed."},
     {.enum_value = enum_value_description_changed}},
    {{"graphql.enum-value-deprecation-changed", F, I, "ENUM_VALUE_DEPRECATION_REASON_ADDED,ENUM_VALUE_DEPRECATION_REASON_CHANGED,ENUM_VALUE_DEPRECATION_REASON_REMOVED",
      "An enum value's deprecation changed.",
      "Enum value \"{value}\" changed from {old} to {new}."},
     {.enum_value = enum_value_deprecation_changed}},
};

}  // namespace

std::span<const Rule> directive_rules() { return kRules; }

}  // namespace accord::diff::graphql
