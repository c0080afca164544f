#include "diff/schema/pairing.h"

#include <algorithm>

#include "core/json_pointer.h"
#include "diff/schema/branch_pairing.h"
#include "diff/schema/checks.h"

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

  // The property-level handlers of the rule table (fetched once per pair:
  // properties are many) on one property.
  std::span<const PropertyHandler> property_level;
  void run_property(std::string_view name, const Schema* os, const Schema* ns, const std::string& at) {
    PropertyPair pair{*o, *n, name, os, ns, walker.direction, walker.profile->direction_filters, at};
    walker.keep_error(run_level(property_level, pair, walker.direction, out));
  }
  // The applicator-level handlers on one keyword (handles: nullptr = absent).
  void run_applicator(Applicator keyword, const SchemaHandle* oh, const SchemaHandle* nh, std::string_view name = {}) {
    ApplicatorSlot slot{keyword, *o, *n, oh, nh, name, walker, path};
    walker.keep_error(run_level(applicator_handlers(), slot, walker.direction, out));
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

  // Properties pair by name; the walker recurses into a pair both sides
  // carry, the handlers judge the rest (and requiredness).
  void properties() {
    for (const NamedHandle& np : n->properties) {
      std::string at = join_path(path, np.name);
      const Schema* ns = walker.new_schema(np.schema);
      if (!ns) return;
      const NamedHandle* op = o->property(np.name);
      const Schema* os = op ? walker.old_schema(op->schema) : nullptr;
      if (op && !os) return;
      run_property(np.name, os, ns, at);
      if (!os || ignored(os) || ignored(ns)) continue;
      bool via_ref = op->schema.via_ref || np.schema.via_ref;
      walker.compare_pair(os, ns, via_ref, via_ref, at, out);
    }
    for (const NamedHandle& op : o->properties) {
      if (n->property(op.name)) continue;
      const Schema* os = walker.old_schema(op.schema);
      if (!os) return;
      if (ignored(os)) continue;
      run_property(op.name, os, nullptr, join_path(path, op.name));
    }
    // Required names without a property definition on that side (defined
    // elsewhere, e.g. through allOf).
    for (std::string_view name : n->required)
      if (!o->is_required(name) && !n->property(name) && !o->property(name))
        run_property(name, nullptr, nullptr, join_path(path, name));
    for (std::string_view name : o->required)
      if (!n->is_required(name) && !o->property(name) && !n->property(name))
        run_property(name, nullptr, nullptr, join_path(path, name));
  }

  // Closing or opening the object is the handlers'; schemas pair.
  void additional() {
    if (o->additional == n->additional && o->additional != Schema::Additional::schema) return;
    run_applicator(Applicator::additional_properties, nullptr, nullptr);
    bool was_forbidden = o->additional == Schema::Additional::forbidden;
    bool is_forbidden = n->additional == Schema::Additional::forbidden;
    if (was_forbidden != is_forbidden) return;
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
        run_applicator(Applicator::pattern_property, nullptr, &np.schema, np.name);
        continue;
      }
      pair(&op->schema, &np.schema, join_path(path, np.name));
    }
    for (const NamedHandle& op : o->pattern_properties)
      if (!find(n->pattern_properties, op.name)) run_applicator(Applicator::pattern_property, &op.schema, nullptr, op.name);
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
  // `old_keyword` / `new_keyword`: "all-of", "any-of", "one-of".
  void branches(const std::vector<SchemaHandle>& ol, const std::vector<SchemaHandle>& nl,
                std::string_view old_keyword, std::string_view new_keyword) {
    if (ol.empty() && nl.empty()) return;
    BranchPairing p = pair_branches(walker, BranchList{ol, o, true}, BranchList{nl, n, false});
    for (auto [i, j] : p.pairs) pair(&ol[i], &nl[j], path);
    for (size_t i : p.old_left)
      run_unpaired_branch(walker, UnpairedBranch{true, old_keyword, walker.old_schema(ol[i]), n, branch_name(ol[i], i), path}, out);
    for (size_t j : p.new_left)
      run_unpaired_branch(walker, UnpairedBranch{false, new_keyword, o, walker.new_schema(nl[j]), branch_name(nl[j], j), path}, out);
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
    branches(o->all_of, n->all_of, "all-of", "all-of");
    // anyOf <-> oneOf over branches that cannot overlap: the same schema.
    bool any_to_one = !o->any_of.empty() && o->one_of.empty() && n->any_of.empty() && !n->one_of.empty();
    bool one_to_any = o->any_of.empty() && !o->one_of.empty() && !n->any_of.empty() && n->one_of.empty();
    if ((any_to_one && disjoint(n->one_of, false)) || (one_to_any && disjoint(o->one_of, true))) {
      if (any_to_one) branches(o->any_of, n->one_of, "any-of", "one-of");
      else branches(o->one_of, n->any_of, "one-of", "any-of");
      return;
    }
    branches(o->any_of, n->any_of, "any-of", "any-of");
    branches(o->one_of, n->one_of, "one-of", "one-of");
  }
  void negation() {
    if (!o->rare().not_schema && !n->rare().not_schema) return;
    run_applicator(Applicator::negation, o->rare().not_schema ? &o->rare().not_schema : nullptr,
                   n->rare().not_schema ? &n->rare().not_schema : nullptr);
  }
};

}  // namespace

void run_unpaired_branch(PairWalker& walker, const UnpairedBranch& branch, FrameOut& out) {
  walker.keep_error(run_level(branch_handlers(), branch, walker.direction, out));
}

void run_decided(PairWalker& walker, const DecidedPair& pair, FrameOut& out) {
  walker.keep_error(run_level(decided_handlers(), pair, walker.direction, out));
}

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
  Children c{walker, o, n, path, out, property_handlers()};
  c.properties();
  c.additional();
  c.pattern_properties();
  c.items();
  c.composition();
  c.negation();
  compare_applicators(walker, o, n, path, out);
}

}  // namespace accord::diff::schema_detail
