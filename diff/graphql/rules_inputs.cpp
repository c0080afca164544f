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

void type_changes(const Ctx& c, const InputPair& p, InputOwner owner, bool safe) {
  if (p.owner != owner) return;
  const TypeRef& o = p.old_value->type;
  const TypeRef& n = p.new_value->type;
  if (o.text() == n.text() || safe_input_change(o, n) != safe) return;
  report(c, p, {{"old", o.text()}, {"new", n.text()}});
}

void default_changes(const Ctx& c, const InputPair& p, InputOwner owner) {
  if (p.owner != owner) return;
  const InputValue& o = *p.old_value;
  const InputValue& n = *p.new_value;
  if (o.has_default == n.has_default && o.default_value == n.default_value) return;
  report(c, p, {{"old", o.has_default ? o.default_value : "none"}, {"new", n.has_default ? n.default_value : "none"}});
}

void description_changes(const Ctx& c, const InputPair& p, InputOwner owner) {
  if (p.owner == owner && p.old_value->description != p.new_value->description) report(c, p, {});
}

#define INPUT_RULES(prefix, owner)                                                                          \
  {prefix "-type-changed", nullptr, nullptr, nullptr,                                                       \
   [](const Ctx& c, const InputPair& p) { type_changes(c, p, owner, false); }},                           \
      {prefix "-type-changed-safely", nullptr, nullptr, nullptr,                                            \
       [](const Ctx& c, const InputPair& p) { type_changes(c, p, owner, true); }},                        \
      {prefix "-default-changed", nullptr, nullptr, nullptr,                                                \
       [](const Ctx& c, const InputPair& p) { default_changes(c, p, owner); }},                           \
      {prefix "-description-changed", nullptr, nullptr, nullptr,                                            \
       [](const Ctx& c, const InputPair& p) { description_changes(c, p, owner); }}

const RuleHandler kHandlers[] = {
    INPUT_RULES("graphql.argument", InputOwner::argument),
    INPUT_RULES("graphql.input-field", InputOwner::input_field),
    INPUT_RULES("graphql.directive-argument", InputOwner::directive_argument),
};

}  // namespace

std::span<const RuleHandler> input_rule_handlers() { return kHandlers; }

}  // namespace accord::diff::graphql
