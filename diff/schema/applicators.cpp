// The applicators beyond properties, items and composition: dependentSchemas
// (and schema-valued `dependencies`), propertyNames, contains,
// unevaluatedProperties / unevaluatedItems and if/then/else. Each either
// pairs its subschemas (the walker recurses, in the same direction: a wider
// subschema makes the whole schema wider) or, where the effect of a change
// cannot be decided exactly (a changed `if`), says so in a warning.
#include "diff/schema/pairing.h"

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

  void report(std::string_view change, std::vector<Arg> args = {}) {
    if (!walker_reports(change, walker.direction)) return;
    out.findings.push_back(RawFinding{change, path, std::move(args), place_of_schema(o), place_of_schema(n)});
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
    for (const NamedHandle& nd : n->dependent_schemas) {
      const NamedHandle* od = find(o->dependent_schemas, nd.name);
      if (!od) report("dependent-schema-added", {{"trigger", std::string(nd.name)}});
      else pair(od->schema, nd.schema, "dependentSchemas/" + std::string(nd.name));
    }
    for (const NamedHandle& od : o->dependent_schemas)
      if (!find(n->dependent_schemas, od.name)) report("dependent-schema-removed", {{"trigger", std::string(od.name)}});
  }

  void property_names() {
    if (!o->property_names && !n->property_names) return;
    pair(o->property_names ? *o->property_names : SchemaHandle{}, n->property_names ? *n->property_names : SchemaHandle{},
         "propertyNames");
  }

  void contains() {
    if (!o->contains && !n->contains) return;
    if (!o->contains) return report("contains-added");
    if (!n->contains) return report("contains-removed");
    pair(o->contains, n->contains, "contains");
  }

  // `false` forbids what no other keyword evaluated; a schema constrains it.
  static bool forbids(const SchemaHandle& h) { return h && h.node->is_bool() && !h.node->as_bool(); }

  void unevaluated(const SchemaHandle& oh, const SchemaHandle& nh, std::string_view forbidden,
                   std::string_view allowed, std::string_view segment) {
    if (!oh && !nh) return;
    bool was = forbids(oh), is = forbids(nh);
    if (!was && is) return report(forbidden);
    if (was && !is) return report(allowed);
    if (was && is) return;
    pair(oh, nh, segment);
  }

  // if/then/else: instances matching `if` must match `then`, the others
  // `else`. With the same `if`, the branches compare like any subschema;
  // a changed `if` moves instances between them, which cannot be judged
  // without deciding the overlap of two schemas.
  void conditional() {
    bool had = o->if_schema && (o->then_schema || o->else_schema);
    bool has = n->if_schema && (n->then_schema || n->else_schema);
    if (!had && !has) return;
    if (!had) return report("conditional-added");
    if (!has) return report("conditional-removed");
    if (!walker.equivalent(o->if_schema, n->if_schema)) return report("conditional-changed");
    // Branches that reach whole schema graphs through `$ref` (metaschemas
    // branch on `if` into other drafts' schemas) are not paired: pairing
    // two different recursive graphs under every condition multiplied the
    // pairs (the AsyncAPI 3.0 -> 3.1 metaschema pair went from 0.1 s to 8 s).
    // A change there is a warning that says it was not compared exactly.
    bool inline_branches = walker.ref_free(o->then_schema) && walker.ref_free(n->then_schema) &&
                           walker.ref_free(o->else_schema) && walker.ref_free(n->else_schema);
    // Equal through `$ref`s counts as unchanged: a branch written inline on
    // one side and as a `$ref` on the other is the same branch.
    if (!inline_branches) {
      if (!walker.equivalent(o->then_schema, n->then_schema) || !walker.equivalent(o->else_schema, n->else_schema))
        report("conditional-changed");
      return;
    }
    if (o->then_schema || n->then_schema) pair(o->then_schema, n->then_schema, "then");
    if (o->else_schema || n->else_schema) pair(o->else_schema, n->else_schema, "else");
  }
};

}  // namespace

void compare_applicators(PairWalker& walker, const Schema* o, const Schema* n, const std::string& path,
                         FrameOut& out) {
  Applicators a{walker, o, n, path, out};
  a.dependent_schemas();
  a.property_names();
  a.contains();
  a.unevaluated(o->unevaluated_properties, n->unevaluated_properties, "unevaluated-properties-forbidden",
                "unevaluated-properties-allowed", "unevaluatedProperties");
  a.unevaluated(o->unevaluated_items, n->unevaluated_items, "unevaluated-items-forbidden", "unevaluated-items-allowed",
                "unevaluatedItems");
  a.conditional();
}

}  // namespace accord::diff::schema_detail
