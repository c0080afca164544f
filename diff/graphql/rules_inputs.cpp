// Rules on an input value present in both versions (a field argument, an
// input field, a directive argument): type, default and description. Input
// positions accept what is sent, so making one nullable is safe and making
// it non-null is breaking (graphql-inspector's safeChangeForInputValue).
#include "diff/graphql/rules.h"

namespace accord::diff::graphql {

namespace {

std::string owner_word(InputOwner owner) {
  switch (owner) {
    case InputOwner::argument: return "Argument";
    case InputOwner::input_field: return "Input field";
    case InputOwner::directive_argument: return "Directive argument";
  }
  return "";
}

void report(const Ctx& c, const InputPair& p, std::vector<Arg> args) {
  args.insert(args.begin(), {{"what", owner_word(p.owner)}, {"path", p.path}});
  c.report(std::move(args), c.old_at(p.old_value->pos, p.path), c.new_at(p.new_value->pos, p.path));
}

template <InputOwner Owner, bool Safe>
void type_changed(const Ctx& c, const InputPair& p) {
  if (p.owner != Owner) return;
  const TypeRef& o = p.old_value->type;
  const TypeRef& n = p.new_value->type;
  if (o.text() == n.text() || safe_input_change(o, n) != Safe) return;
  report(c, p, {{"old", o.text()}, {"new", n.text()}});
}

template <InputOwner Owner>
void default_changed(const Ctx& c, const InputPair& p) {
  if (p.owner != Owner) return;
  const InputValue& o = *p.old_value;
  const InputValue& n = *p.new_value;
  if (o.has_default == n.has_default && o.default_value == n.default_value) return;
  report(c, p, {{"old", o.has_default ? o.default_value : "none"}, {"new", n.has_default ? n.default_value : "none"}});
}

template <InputOwner Owner>
void description_changed(const Ctx& c, const InputPair& p) {
  if (p.owner == Owner && p.old_value->description != p.new_value->description) report(c, p, {});
}

const Rule kRules[] = {
    // The same four checks for each owner, one row each (the id names the owner).
    {{"graphql.argument-type-changed", F, E, "FIELD_ARGUMENT_TYPE_CHANGED",
      "A argument keeps its type (made nullable is the safe direction).",
      "{what} \"{path}\" changed type from \"{old}\" to \"{new}\"."},
     {.input = type_changed<InputOwner::argument, false>}},
    {{"graphql.argument-type-changed-safely", F, I, "FIELD_ARGUMENT_TYPE_CHANGED",
      "A argument's type changed in a way every old request still fits (made nullable).",
      "{what} \"{path}\" changed type from \"{old}\" to \"{new}\"."},
     {.input = type_changed<InputOwner::argument, true>}},
    {{"graphql.argument-default-changed", F, W, "FIELD_ARGUMENT_DEFAULT_CHANGED",
      "A argument's default value changed: requests that omit it behave differently.",
      "{what} \"{path}\" default value changed from {old} to {new}."},
     {.input = default_changed<InputOwner::argument>}},
    {{"graphql.argument-description-changed", F, I, "FIELD_ARGUMENT_DESCRIPTION_CHANGED",
      "A argument's description changed.",
      "Description of {what} \"{path}\" changed."},
     {.input = description_changed<InputOwner::argument>}},
    {{"graphql.input-field-type-changed", F, E, "INPUT_FIELD_TYPE_CHANGED",
      "A input field keeps its type (made nullable is the safe direction).",
      "{what} \"{path}\" changed type from \"{old}\" to \"{new}\"."},
     {.input = type_changed<InputOwner::input_field, false>}},
    {{"graphql.input-field-type-changed-safely", F, I, "INPUT_FIELD_TYPE_CHANGED",
      "A input field's type changed in a way every old request still fits (made nullable).",
      "{what} \"{path}\" changed type from \"{old}\" to \"{new}\"."},
     {.input = type_changed<InputOwner::input_field, true>}},
    {{"graphql.input-field-default-changed", F, W, "INPUT_FIELD_DEFAULT_VALUE_CHANGED",
      "A input field's default value changed: requests that omit it behave differently.",
      "{what} \"{path}\" default value changed from {old} to {new}."},
     {.input = default_changed<InputOwner::input_field>}},
    {{"graphql.input-field-description-changed", F, I, "INPUT_FIELD_DESCRIPTION_CHANGED",
      "A input field's description changed.",
      "Description of {what} \"{path}\" changed."},
     {.input = description_changed<InputOwner::input_field>}},
    {{"graphql.directive-argument-type-changed", F, E, "DIRECTIVE_ARGUMENT_TYPE_CHANGED",
      "A directive argument keeps its type (made nullable is the safe direction).",
      "{what} \"{path}\" changed type from \"{old}\" to \"{new}\"."},
     {.input = type_changed<InputOwner::directive_argument, false>}},
    {{"graphql.directive-argument-type-changed-safely", F, I, "DIRECTIVE_ARGUMENT_TYPE_CHANGED",
      "A directive argument's type changed in a way every old request still fits (made nullable).",
      "{what} \"{path}\" changed type from \"{old}\" to \"{new}\"."},
     {.input = type_changed<InputOwner::directive_argument, true>}},
    {{"graphql.directive-argument-default-changed", F, W, "DIRECTIVE_ARGUMENT_DEFAULT_VALUE_CHANGED",
      "A directive argument's default value changed: requests that omit it behave differently.",
      "{what} \"{path}\" default value changed from {old} to {new}."},
     {.input = default_changed<InputOwner::directive_argument>}},
    {{"graphql.directive-argument-description-changed", F, I, "DIRECTIVE_ARGUMENT_DESCRIPTION_CHANGED",
      "A directive argument's description changed.",
      "Description of {what} \"{path}\" changed."},
     {.input = description_changed<InputOwner::directive_argument>}},
};

}  // namespace

std::span<const Rule> input_rules() { return kRules; }

}  // namespace accord::diff::graphql
