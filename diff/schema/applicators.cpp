// The applicators beyond properties, items and composition: dependentSchemas
// (and schema-valued `dependencies`), propertyNames, contains,
// unevaluatedProperties / unevaluatedItems and if/then/else. Each either
// pairs its subschemas (the walker recurses, in the same direction: a wider
// subschema makes the whole schema wider) or, where the effect of a change
// cannot be decided exactly (a changed `if`), says so in a warning.
#include "diff/schema/pairing.h"

#include "diff/schema/checks.h"

namespace accord::diff::schema_detail {

namespace {

using core::NamedHandle;
using core::Schema;
using core::SchemaHandle;

struct Applicators {
  PairWalker& walker;
  const Schema* o;
  const Schema* n;
  const std::string& path;
  FrameOut& out;

  // The applicator-level handlers of the rule table on one keyword
  // (handles: nullptr = absent). They judge presence and closing; the
  // walker pairs what both sides have.
  void run_applicator(Applicator keyword, const SchemaHandle* oh, const SchemaHandle* nh, std::string_view name = {},
                      bool same_condition = false, bool inline_branches = false) {
    ApplicatorSlot slot{keyword, *o, *n, oh, nh, name, walker, path, same_condition, inline_branches};
    walker.keep_error(run_level(applicator_handlers(), slot, walker.direction, out));
  }

  // An absent subschema accepts anything (`true`).
  void pair(const SchemaHandle& oh, const SchemaHandle& nh, std::string_view segment) {
    const Schema* os = oh ? walker.old_schema(oh) : walker.any_like(o);
    const Schema* ns = nh ? walker.new_schema(nh) : walker.any_like(n);
    bool via_ref = oh.via_ref || nh.via_ref;
    walker.compare_pair(os, ns, via_ref, via_ref, join_path(path, segment), out);
  }

  void dependent_schemas() {
    auto find = [](const std::vector<NamedHandle>& list, std::string_view name) -> const NamedHandle* {
      for (const NamedHandle& h : list)
        if (h.name == name) return &h;
      return nullptr;
    };
    for (const NamedHandle& nd : n->rare().dependent_schemas) {
      const NamedHandle* od = find(o->rare().dependent_schemas, nd.name);
      if (!od) run_applicator(Applicator::dependent_schema, nullptr, &nd.schema, nd.name);
      else pair(od->schema, nd.schema, "dependentSchemas/" + std::string(nd.name));
    }
    for (const NamedHandle& od : o->rare().dependent_schemas)
      if (!find(n->rare().dependent_schemas, od.name)) run_applicator(Applicator::dependent_schema, &od.schema, nullptr, od.name);
  }

  void property_names() {
    if (!o->rare().property_names && !n->rare().property_names) return;
    pair(o->rare().property_names ? *o->rare().property_names : SchemaHandle{}, n->rare().property_names ? *n->rare().property_names : SchemaHandle{},
         "propertyNames");
  }

  void contains() {
    if (!o->rare().contains && !n->rare().contains) return;
    if (!o->rare().contains || !n->rare().contains)
      return run_applicator(Applicator::contains, o->rare().contains ? &o->rare().contains : nullptr,
                            n->rare().contains ? &n->rare().contains : nullptr);
    pair(o->rare().contains, n->rare().contains, "contains");
  }

  // `false` forbids what no other keyword evaluated (the handlers judge
  // closing); schemas on both sides pair.
  void unevaluated(Applicator keyword, const SchemaHandle& oh, const SchemaHandle& nh, std::string_view segment) {
    if (!oh && !nh) return;
    if (forbids(&oh) || forbids(&nh)) return run_applicator(keyword, oh ? &oh : nullptr, nh ? &nh : nullptr);
    pair(oh, nh, segment);
  }

  // if/then/else: instances matching `if` must match `then`, the others
  // `else`. With the same `if`, the branches compare like any subschema;
  // a changed `if` moves instances between them (conditional_change judges
  // presence and change).
  void conditional() {
    bool had = has_conditional(*o), has = has_conditional(*n);
    if (!had && !has) return;
    if (!had || !has) return run_applicator(Applicator::conditional, nullptr, nullptr);
    if (!walker.equivalent(o->rare().if_schema, n->rare().if_schema)) return run_applicator(Applicator::conditional, nullptr, nullptr);
    // Branches that reach whole schema graphs through `$ref` (metaschemas
    // branch on `if` into other drafts' schemas) are not paired: pairing
    // two different recursive graphs under every condition multiplied the
    // pairs (the AsyncAPI 3.0 -> 3.1 metaschema pair went from 0.1 s to 8 s).
    // A change there is a warning that says it was not compared exactly.
    bool inline_branches = walker.ref_free(o->rare().then_schema) && walker.ref_free(n->rare().then_schema) &&
                           walker.ref_free(o->rare().else_schema) && walker.ref_free(n->rare().else_schema);
    // Whether they are equal through `$ref`s is the handler's to judge.
    if (!inline_branches) return run_applicator(Applicator::conditional, nullptr, nullptr, {}, true, false);
    if (o->rare().then_schema || n->rare().then_schema) pair(o->rare().then_schema, n->rare().then_schema, "then");
    if (o->rare().else_schema || n->rare().else_schema) pair(o->rare().else_schema, n->rare().else_schema, "else");
  }
};

}  // namespace

void compare_applicators(PairWalker& walker, const Schema* o, const Schema* n, const std::string& path,
                         FrameOut& out) {
  Applicators a{walker, o, n, path, out};
  a.dependent_schemas();
  a.property_names();
  a.contains();
  a.unevaluated(Applicator::unevaluated_properties, o->rare().unevaluated_properties, n->rare().unevaluated_properties,
                "unevaluatedProperties");
  a.unevaluated(Applicator::unevaluated_items, o->rare().unevaluated_items, n->rare().unevaluated_items, "unevaluatedItems");
  a.conditional();
}

}  // namespace accord::diff::schema_detail
