#include "diff/schema/pairing.h"

#include <algorithm>

#include "core/json_pointer.h"
#include "diff/schema/branch_pairing.h"

namespace accord::diff::schema_detail {

namespace {

using core::NamedHandle;
using core::Schema;
using core::SchemaHandle;

struct Children {
  PairWalker& walker;
  const Schema* o;
  const Schema* n;
  const std::string& path;
  FrameOut& out;

  bool request() const { return walker.direction == Direction::request; }

  void report(std::string_view change, const std::string& at, const Schema* old_place, const Schema* new_place,
              std::vector<Arg> args = {}) {
    if (!walker_reports(change, walker.direction)) return;
    out.findings.push_back(RawFinding{change, at, std::move(args), place_of_schema(old_place), place_of_schema(new_place)});
  }

  void pair(const SchemaHandle* oh, const SchemaHandle* nh, const std::string& at) { pair_into(oh, nh, at, out); }
  void pair_into(const SchemaHandle* oh, const SchemaHandle* nh, const std::string& at, FrameOut& target) {
    const Schema* os = oh && *oh ? walker.old_schema(*oh) : walker.any_like(o);
    const Schema* ns = nh && *nh ? walker.new_schema(*nh) : walker.any_like(n);
    bool via_ref = (oh && oh->via_ref) || (nh && nh->via_ref);
    walker.compare_pair(os, ns, via_ref, via_ref, at, target);
  }

  // A property the direction does not carry (where the profile says so):
  // readOnly ones are never read as input, writeOnly ones never written.
  bool ignored(const Schema* s) const {
    return walker.profile->direction_filters && (request() ? s->read_only : s->write_only);
  }

  void properties() {
    for (const NamedHandle& np : n->properties) {
      std::string at = join_path(path, np.name);
      const Schema* ns = walker.new_schema(np.schema);
      if (!ns) return;
      const NamedHandle* op = o->property(np.name);
      if (!op) {
        if (ignored(ns)) continue;
        bool required = n->is_required(np.name);
        report(request() && required ? "required-property-added" : "property-added", at, o, ns);
        continue;
      }
      const Schema* os = walker.old_schema(op->schema);
      if (!os) return;
      if (ignored(os) || ignored(ns)) {
        visibility_changed(os, ns, np.name, at);
        continue;
      }
      bool was_required = o->is_required(np.name), is_required = n->is_required(np.name);
      if (!was_required && is_required) report("property-became-required", at, os, ns);
      if (was_required && !is_required) report("property-became-optional", at, os, ns);
      bool via_ref = op->schema.via_ref || np.schema.via_ref;
      walker.compare_pair(os, ns, via_ref, via_ref, at, out);
    }
    for (const NamedHandle& op : o->properties) {
      if (n->property(op.name)) continue;
      const Schema* os = walker.old_schema(op.schema);
      if (!os) return;
      if (ignored(os)) continue;
      std::string at = join_path(path, op.name);
      if (request())
        report(n->additional == Schema::Additional::forbidden ? "property-removed-rejected" : "property-removed", at,
               os, n);
      else
        report(o->is_required(op.name) ? "property-removed" : "optional-property-removed", at, os, n);
    }
    // Required names without a property definition on that side (defined
    // elsewhere, e.g. through allOf).
    for (std::string_view name : n->required)
      if (!o->is_required(name) && !n->property(name) && !o->property(name))
        report("property-became-required", join_path(path, name), o, n);
    for (std::string_view name : o->required)
      if (!n->is_required(name) && !o->property(name) && !n->property(name))
        report("property-became-optional", join_path(path, name), o, n);
  }

  // One side readOnly (request) / writeOnly (response), the other not.
  void visibility_changed(const Schema* os, const Schema* ns, std::string_view name, const std::string& at) {
    if (ignored(os) && ignored(ns)) return;
    if (request()) {
      if (ns->read_only) return report("property-became-read-only", at, os, ns);
      bool required = n->is_required(name);
      return report(required ? "required-property-became-not-read-only" : "property-became-not-read-only", at, os, ns);
    }
    if (ns->write_only) {
      bool required = o->is_required(name);
      return report(required ? "required-property-became-write-only" : "property-became-write-only", at, os, ns);
    }
    report("property-became-not-write-only", at, os, ns);
  }

  void additional() {
    bool was_forbidden = o->additional == Schema::Additional::forbidden;
    bool is_forbidden = n->additional == Schema::Additional::forbidden;
    if (!was_forbidden && is_forbidden) return report("additional-properties-forbidden", path, o, n);
    if (was_forbidden && !is_forbidden) return report("additional-properties-allowed", path, o, n);
    if (o->additional != Schema::Additional::schema && n->additional != Schema::Additional::schema) return;
    pair(o->additional == Schema::Additional::schema ? &o->additional_schema : nullptr,
         n->additional == Schema::Additional::schema ? &n->additional_schema : nullptr,
         join_path(path, "additionalProperties"));
  }

  void pattern_properties() {
    auto find = [](const std::vector<NamedHandle>& list, std::string_view name) -> const NamedHandle* {
      for (const NamedHandle& h : list)
        if (h.name == name) return &h;
      return nullptr;
    };
    for (const NamedHandle& np : n->pattern_properties) {
      const NamedHandle* op = find(o->pattern_properties, np.name);
      if (!op) {
        report("pattern-property-added", path, o, walker.new_schema(np.schema), {{"pattern", std::string(np.name)}});
        continue;
      }
      pair(&op->schema, &np.schema, join_path(path, np.name));
    }
    for (const NamedHandle& op : o->pattern_properties)
      if (!find(n->pattern_properties, op.name))
        report("pattern-property-removed", path, walker.old_schema(op.schema), n, {{"pattern", std::string(op.name)}});
  }

  void items() {
    size_t tuple = std::max(o->prefix_items.size(), n->prefix_items.size());
    for (size_t i = 0; i < tuple; ++i) {
      const SchemaHandle* oh = i < o->prefix_items.size() ? &o->prefix_items[i] : &o->items;
      const SchemaHandle* nh = i < n->prefix_items.size() ? &n->prefix_items[i] : &n->items;
      pair(oh, nh, join_path(path, "prefixItems/" + std::to_string(i)));
    }
    if (o->items || n->items) pair(&o->items, &n->items, join_path(path, "items"));
  }

  // Branches pair by meaning (branch_pairing.h); the rest are added / removed.
  void branches(const std::vector<SchemaHandle>& ol, const std::vector<SchemaHandle>& nl, std::string_view added,
                std::string_view removed) {
    if (ol.empty() && nl.empty()) return;
    BranchPairing p = pair_branches(walker, BranchList{ol, o, true}, BranchList{nl, n, false});
    for (auto [i, j] : p.pairs) pair(&ol[i], &nl[j], path);
    for (size_t i : p.old_left) report(removed, path, walker.old_schema(ol[i]), n, {{"branch", branch_name(ol[i], i)}});
    for (size_t j : p.new_left) report(added, path, o, walker.new_schema(nl[j]), {{"branch", branch_name(nl[j], j)}});
  }

  // Whether no instance can match two of the branches (distinct types, or
  // distinct consts): then anyOf and oneOf accept the same instances.
  bool disjoint(const std::vector<SchemaHandle>& list, bool old_side) {
    uint8_t seen_types = 0;
    bool by_type = true;
    std::vector<const core::Node*> consts;
    bool by_const = true;
    for (const SchemaHandle& h : list) {
      const Schema* s = old_side ? walker.old_schema(h) : walker.new_schema(h);
      if (!s) return false;
      uint8_t t = s->types;
      if (t & core::type_number) t |= core::type_integer;
      if (t == 0 || (seen_types & t)) by_type = false;
      seen_types |= t;
      if (!s->const_value) by_const = false;
      for (const core::Node* c : consts)
        if (s->const_value && c->equals(*s->const_value)) by_const = false;
      if (s->const_value) consts.push_back(s->const_value);
    }
    return by_type || by_const;
  }

  void composition() {
    branches(o->all_of, n->all_of, "all-of-added", "all-of-removed");
    // anyOf <-> oneOf over branches that cannot overlap: the same schema.
    bool any_to_one = !o->any_of.empty() && o->one_of.empty() && n->any_of.empty() && !n->one_of.empty();
    bool one_to_any = o->any_of.empty() && !o->one_of.empty() && !n->any_of.empty() && n->one_of.empty();
    if ((any_to_one && disjoint(n->one_of, false)) || (one_to_any && disjoint(o->one_of, true))) {
      if (any_to_one) branches(o->any_of, n->one_of, "one-of-added", "any-of-removed");
      else branches(o->one_of, n->any_of, "any-of-added", "one-of-removed");
      return;
    }
    branches(o->any_of, n->any_of, "any-of-added", "any-of-removed");
    branches(o->one_of, n->one_of, "one-of-added", "one-of-removed");
  }
  void negation() {
    const bool had = static_cast<bool>(o->not_schema), has = static_cast<bool>(n->not_schema);
    if (!had && has) return report("not-added", path, o, n);
    if (had && !has) return report("not-removed", path, o, n);
    if (had && has && !o->not_schema.node->equals(*n->not_schema.node)) report("not-changed", path, o, n);
  }
};

}  // namespace

const SchemaHandle* wrapped_branch(PairWalker& walker, const Schema& s, bool old_side, bool& adds_null) {
  adds_null = false;
  if (s.boolean_schema || s.base || !s.node->is_object()) return nullptr;
  const std::vector<SchemaHandle>* branches = nullptr;
  for (const core::Member& m : s.node->children()) {
    if (m.key == "allOf" || m.key == "anyOf" || m.key == "oneOf") {
      if (branches) return nullptr;  // two compositions: not a plain wrapper
      branches = m.key == "allOf" ? &s.all_of : m.key == "anyOf" ? &s.any_of : &s.one_of;
      continue;
    }
    if (!inert_beside_composition(m.key, *walker.profile)) return nullptr;
  }
  if (!branches || branches->empty() || branches->size() > 2) return nullptr;
  adds_null = s.null_allowed;
  if (branches->size() == 1) return &(*branches)[0];
  if (branches == &s.all_of) return nullptr;
  for (size_t i = 0; i < 2; ++i) {
    const Schema* branch = old_side ? walker.old_schema((*branches)[i]) : walker.new_schema((*branches)[i]);
    if (branch && branch->types == core::type_null && branch->declared_types == core::type_null) {
      adds_null = true;
      return &(*branches)[1 - i];
    }
  }
  return nullptr;
}

void compare_children(PairWalker& walker, const Schema* o, const Schema* n, const std::string& path, FrameOut& out) {
  Children c{walker, o, n, path, out};
  c.properties();
  c.additional();
  c.pattern_properties();
  c.items();
  c.composition();
  c.negation();
  compare_applicators(walker, o, n, path, out);
}

}  // namespace accord::diff::schema_detail
