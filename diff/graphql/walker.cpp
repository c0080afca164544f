// Pairs the two versions by name (types, fields, arguments, input fields,
// enum values, directives) and, at each pair, runs the handler of every rule
// row of that level (rules.h); it never calls a rule by name. Additions and
// removals are the parent level's handlers' business.
#include <algorithm>

#include "diff/graphql/rules.h"
#include "diff/model/handler_rows.h"
#include "diff/model/sink.h"

namespace accord::diff::graphql {

namespace {

// Runs the handler of every row that registered one at `Level`, each under
// its own row's id (rows in table order: the findings' order).
template <auto Level, class... A>
void run(Ctx& cx, const A&... args) {
  static const std::vector<const Rule*> rows = rows_at<Level>(all_rules());
  for (const Rule* rule : rows) {
    cx.rule = rule->info.id;
    (rule->on.*Level)(cx, args...);
  }
}

template <class T>
const T* by_name(const std::vector<T>& items, const std::string& name) {
  for (const T& item : items)
    if (item.name == name) return &item;
  return nullptr;
}

void walk_inputs(Ctx& cx, InputOwner owner, const std::string& prefix, const std::vector<InputValue>& olds,
                 const std::vector<InputValue>& news) {
  for (const InputValue& o : olds)
    if (const InputValue* n = by_name(news, o.name))
      run<&Handlers::input>(cx, InputPair{owner, prefix + "." + o.name, &o, n});
}

void walk_type(Ctx& cx, const TypeDef& o, const TypeDef& n) {
  run<&Handlers::type>(cx, o, n);
  if (o.kind != n.kind) return;  // a kind change is one finding, not one per member
  for (const FieldDef& of : o.fields)
    if (const FieldDef* nf = by_name(n.fields, of.name)) {
      run<&Handlers::field>(cx, n, of, *nf);
      walk_inputs(cx, InputOwner::argument, n.name + "." + of.name, of.args, nf->args);
    }
  walk_inputs(cx, InputOwner::input_field, n.name, o.input_fields, n.input_fields);
  for (const EnumValue& ov : o.values)
    if (const EnumValue* nv = by_name(n.values, ov.name)) run<&Handlers::enum_value>(cx, n, ov, *nv);
}

}  // namespace

void Reporter::add(std::string_view rule, std::vector<Arg> args, const At& old_at, const At& new_at) {
  Finding f;
  f.rule = std::string(rule);
  f.args = std::move(args);
  auto place = [](const At& at) {
    Place p;
    p.file = at.schema->file;
    p.line = at.pos.line;
    p.column = at.pos.column;
    p.pointer = at.path;
    return p;
  };
  if (old_at.schema) f.old_place = place(old_at);
  if (new_at.schema) f.new_place = place(new_at);
  findings_.push_back(std::move(f));
}

void walk(const Schema& old_schema, const Schema& new_schema, Reporter& reporter) {
  Ctx cx{old_schema, new_schema, reporter, ""};
  run<&Handlers::schema>(cx);
  for (const TypeDef& o : old_schema.types)
    if (const TypeDef* n = new_schema.type(o.name)) walk_type(cx, o, *n);
  for (const DirectiveDef& o : old_schema.directives)
    if (auto it = new_schema.directive_index.find(o.name); it != new_schema.directive_index.end()) {
      const DirectiveDef& n = new_schema.directives[it->second];
      run<&Handlers::directive>(cx, o, n);
      walk_inputs(cx, InputOwner::directive_argument, "@" + o.name, o.args, n.args);
    }
}

bool is_required(const InputValue& v) { return v.type.kind == TypeRef::Kind::non_null && !v.has_default; }

const DirectiveUse* find_directive(const std::vector<DirectiveUse>& uses, std::string_view name) {
  for (const DirectiveUse& d : uses)
    if (d.name == name) return &d;
  return nullptr;
}

std::string deprecation_reason(const std::vector<DirectiveUse>& uses, bool& deprecated) {
  const DirectiveUse* d = find_directive(uses, "deprecated");
  deprecated = d != nullptr;
  if (!d) return "";
  const std::string* reason = d->arg("reason");
  if (!reason) return "No longer supported";  // graphql-js's DEFAULT_DEPRECATION_REASON
  std::string r = *reason;
  if (r.size() >= 2 && r.front() == '"') r = r.substr(1, r.size() - 2);
  return r;
}

bool safe_output_change(const TypeRef& o, const TypeRef& n) {
  using K = TypeRef::Kind;
  if (o.kind != K::list && o.kind != K::non_null && n.kind != K::list && n.kind != K::non_null) return o.name == n.name;
  if (n.kind == K::non_null) return safe_output_change(o.kind == K::non_null ? *o.inner : o, *n.inner);
  if (o.kind == K::list)
    return (n.kind == K::list && safe_output_change(*o.inner, *n.inner)) ||
           (n.kind == K::non_null && safe_output_change(o, *n.inner));
  return false;
}

bool safe_input_change(const TypeRef& o, const TypeRef& n) {
  using K = TypeRef::Kind;
  if (o.kind != K::list && o.kind != K::non_null && n.kind != K::list && n.kind != K::non_null) return o.name == n.name;
  if (o.kind == K::list && n.kind == K::list) return safe_input_change(*o.inner, *n.inner);
  if (o.kind == K::non_null) return safe_input_change(*o.inner, n.kind == K::non_null ? *n.inner : n);
  return false;
}

}  // namespace accord::diff::graphql
