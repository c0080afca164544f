// allOf merging. The merged schema is a synthetic core::Schema: the
// wrapper's own keywords, then each branch folded in (itself normalised
// first). Properties named by several parts become a lazy intersection (a
// synthetic schema whose allOf holds both), merged when the comparator
// reaches it, so recursive components never expand eagerly.
#include "diff/schema/normalize.h"

#include <algorithm>

namespace accord::diff::schema_detail {

namespace {

using core::Keyword;
using core::NamedHandle;
using core::Node;
using core::Schema;
using core::SchemaHandle;

// Keywords that say nothing about instances: a wrapper with only these and
// one real branch is that branch.
bool inert(std::string_view key, const SchemaProfile& profile) {
  return key == "allOf" || key == "$ref" || key == "description" || key == "title" || key == "summary" ||
         key == "$comment" || key == "examples" || (profile.is_annotation(key) && !profile.is_nullable_key(key));
}

bool only_inert_keywords(const Schema& s, const SchemaProfile& profile) {
  if (s.base || s.boolean_schema || !s.node->is_object()) return false;
  for (const core::Member& m : s.node->children())
    if (!inert(m.key, profile)) return false;
  return true;
}

// `{}`, `true` or only annotations: a branch that adds nothing.
bool vacuous(const Schema& s, const SchemaProfile& profile) {
  if (s.synthetic) return false;
  if (s.boolean_schema) return !s.accepts_nothing;
  return only_inert_keywords(s, profile);
}

// Type sets intersect; `number` contains `integer`.
uint8_t intersect_types(uint8_t a, uint8_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  uint8_t out = a & b;
  if ((a & core::type_number) && (b & core::type_integer)) out |= core::type_integer;
  if ((b & core::type_number) && (a & core::type_integer)) out |= core::type_integer;
  return out;
}

bool same_value(const Node* a, const Node* b) { return a == b || a->equals(*b); }

bool subset_of(const Node* small, const Node* big) {
  for (const core::Member& m : small->children()) {
    bool found = false;
    for (const core::Member& o : big->children()) found = found || m.value->equals(*o.value);
    if (!found) return false;
  }
  return true;
}

// The tighter of two numeric keywords (`is_max`: the lower one).
void tighter(Keyword& into, const Keyword& part, bool is_max) {
  if (!part || !part.value->is_number()) return;
  if (!into || !into.value->is_number()) {
    into = part;
    return;
  }
  double a = into.value->as_number(), b = part.value->as_number();
  if (is_max ? b < a : b > a) into = part;
}

void tighter(core::Bound& into, const core::Bound& part, bool is_max) {
  if (!part.present) return;
  if (!into.present) {
    into = part;
    return;
  }
  bool better = into.value == part.value ? part.exclusive && !into.exclusive
                                         : (is_max ? part.value < into.value : part.value > into.value);
  if (better) into = part;
}

// A keyword both parts may set only if they agree (pattern, format, const...).
bool agree(Keyword& into, const Keyword& part) {
  if (!part) return true;
  if (!into) {
    into = part;
    return true;
  }
  return same_value(into.value, part.value);
}

// Whether a part accepts null (a part without a type accepts anything).
bool accepts_null(const Schema& s) { return s.types == 0 || s.null_allowed; }

}  // namespace

const Schema* AllOfMerger::load(const SchemaHandle& h) {
  auto s = graph_.get(h);
  return s ? *s : nullptr;
}

SchemaHandle AllOfMerger::both(const SchemaHandle& a, const SchemaHandle& b) {
  Schema& s = made_.emplace_back();
  const Schema* first = load(a);
  s.node = a.node;
  s.document = first ? first->document : nullptr;
  s.pointer = a.pointer;
  s.synthetic = true;
  s.all_of = {a, b};
  SchemaHandle h = a;
  h.via_ref = a.via_ref || b.via_ref;
  h.resolved = &s;
  return h;
}

// The keywords newer drafts added: merged where the intersection is one
// schema again, else the allOf is kept (and said so).
std::string_view AllOfMerger::fold_applicators(Schema& into, const Schema& part) {
  if (!part.has_rare()) return "";  // every step below only reads what `part` has
  for (const Schema::Dependency& d : part.rare().dependent_required) {
    auto same = std::find_if(into.rare_mut().dependent_required.begin(), into.rare_mut().dependent_required.end(),
                             [&](const Schema::Dependency& x) { return x.name == d.name; });
    if (same == into.rare_mut().dependent_required.end()) {
      into.rare_mut().dependent_required.push_back(d);
      continue;
    }
    for (std::string_view r : d.required)
      if (std::find(same->required.begin(), same->required.end(), r) == same->required.end()) same->required.push_back(r);
  }
  for (const NamedHandle& p : part.rare().dependent_schemas) {
    auto same = std::find_if(into.rare_mut().dependent_schemas.begin(), into.rare_mut().dependent_schemas.end(),
                             [&](const NamedHandle& h) { return h.name == p.name; });
    if (same == into.rare_mut().dependent_schemas.end()) into.rare_mut().dependent_schemas.push_back(p);
    else same->schema = both(same->schema, p.schema);
  }
  auto one = [](SchemaHandle& slot, const SchemaHandle& other) {
    if (!other) return true;
    if (slot) return false;
    slot = other;
    return true;
  };
  if (!one(into.rare_mut().contains, part.rare().contains)) return "two branches have 'contains'";
  tighter(into.rare_mut().min_contains, part.rare().min_contains, false);
  tighter(into.rare_mut().max_contains, part.rare().max_contains, true);
  // unevaluated* see only what their own branch evaluated: never merged.
  if (part.rare().unevaluated_properties || part.rare().unevaluated_items) return "a branch has unevaluatedProperties/Items";
  if (part.rare().if_schema && (part.rare().then_schema || part.rare().else_schema)) {
    if (into.rare().if_schema) return "two branches have if/then/else";
    into.rare_mut().if_schema = part.rare().if_schema;
    into.rare_mut().then_schema = part.rare().then_schema;
    into.rare_mut().else_schema = part.rare().else_schema;
  }
  if (!agree(into.rare_mut().content_encoding, part.rare().content_encoding)) return "the branches' contentEncoding differ";
  if (!agree(into.rare_mut().content_media_type, part.rare().content_media_type)) return "the branches' contentMediaType differ";
  return "";
}

std::string_view AllOfMerger::fold(Schema& into, const Schema& part) {
  if (part.boolean_schema) return part.accepts_nothing ? "a branch is `false`" : "";
  if (!part.all_of.empty()) return "a branch's allOf could not be merged";
  if (into.declared_types && part.declared_types) {
    uint8_t both = intersect_types(into.declared_types & ~core::type_null, part.declared_types & ~core::type_null);
    if (!both) return "the branches' types do not intersect";
  }
  into.declared_types = intersect_types(into.declared_types, part.declared_types);
  if (!into.type_keyword) into.type_keyword = part.type_keyword;

  for (const NamedHandle& p : part.properties) {
    auto same = std::find_if(into.properties.begin(), into.properties.end(),
                             [&](const NamedHandle& h) { return h.name == p.name; });
    if (same == into.properties.end()) into.properties.push_back(p);
    else same->schema = both(same->schema, p.schema);
  }
  for (std::string_view r : part.required)
    if (!into.is_required(r)) into.required.push_back(r);
  if (!into.required_keyword) into.required_keyword = part.required_keyword;

  using Additional = Schema::Additional;
  if (part.additional == Additional::forbidden || into.additional == Additional::forbidden) {
    if (part.additional == Additional::forbidden) into.additional_keyword = part.additional_keyword;
    into.additional = Additional::forbidden;
  } else if (part.additional == Additional::schema) {
    into.additional_schema =
        into.additional == Additional::schema ? both(into.additional_schema, part.additional_schema) : part.additional_schema;
    into.additional = Additional::schema;
    into.additional_keyword = part.additional_keyword;
  } else if (into.additional == Additional::absent) {
    into.additional = part.additional;
    into.additional_keyword = part.additional_keyword;
  }
  for (const NamedHandle& p : part.pattern_properties) {
    auto same = std::find_if(into.pattern_properties.begin(), into.pattern_properties.end(),
                             [&](const NamedHandle& h) { return h.name == p.name; });
    if (same == into.pattern_properties.end()) into.pattern_properties.push_back(p);
    else same->schema = both(same->schema, p.schema);
  }
  if (part.rare().property_names) {
    if (into.rare().property_names) return "two branches constrain propertyNames";
    into.rare_mut().property_names = part.rare().property_names;
  }

  if (!part.prefix_items.empty()) {
    if (!into.prefix_items.empty()) return "two branches are tuples";
    into.prefix_items = part.prefix_items;
  }
  if (part.items) into.items = into.items ? both(into.items, part.items) : part.items;
  if (!into.items_keyword) into.items_keyword = part.items_keyword;

  if (part.enum_values) {
    if (!into.enum_values || subset_of(part.enum_values, into.enum_values)) {
      into.enum_values = part.enum_values;
      into.enum_keyword = part.enum_keyword;
    } else if (!subset_of(into.enum_values, part.enum_values)) {
      return "the branches' enums overlap only partly";
    }
  }
  if (!agree(into.const_keyword, part.const_keyword)) return "the branches' consts differ";
  into.const_value = into.const_keyword.value;
  if (!agree(into.multiple_of, part.multiple_of)) return "the branches' multipleOf differ";
  if (!agree(into.pattern, part.pattern)) return "the branches' patterns differ";
  if (!agree(into.format, part.format)) return "the branches' formats differ";

  tighter(into.minimum, part.minimum, false);
  tighter(into.maximum, part.maximum, true);
  tighter(into.min_length, part.min_length, false);
  tighter(into.max_length, part.max_length, true);
  tighter(into.min_items, part.min_items, false);
  tighter(into.max_items, part.max_items, true);
  tighter(into.min_properties, part.min_properties, false);
  tighter(into.max_properties, part.max_properties, true);

  if (!into.default_value) into.default_value = part.default_value;
  auto either = [](bool& flag, Keyword& site, bool value, const Keyword& part_site) {
    if (value && !flag) site = part_site;
    flag = flag || value;
  };
  either(into.unique_items, into.unique_items_keyword, part.unique_items, part.unique_items_keyword);
  either(into.read_only, into.read_only_keyword, part.read_only, part.read_only_keyword);
  either(into.write_only, into.write_only_keyword, part.write_only, part.write_only_keyword);
  either(into.deprecated, into.deprecated_keyword, part.deprecated, part.deprecated_keyword);

  auto one_list = [](std::vector<SchemaHandle>& list, Keyword& site, const std::vector<SchemaHandle>& other,
                     const Keyword& other_site) {
    if (other.empty()) return true;
    if (!list.empty()) return false;
    list = other;
    site = other_site;
    return true;
  };
  if (!one_list(into.any_of, into.any_of_keyword, part.any_of, part.any_of_keyword)) return "two branches have anyOf";
  if (!one_list(into.one_of, into.one_of_keyword, part.one_of, part.one_of_keyword)) return "two branches have oneOf";
  if (part.rare().not_schema) {
    if (into.rare().not_schema) return "two branches have 'not'";
    into.rare_mut().not_schema = part.rare().not_schema;
  }
  if (!into.branch_tag) into.branch_tag = part.branch_tag;
  return fold_applicators(into, part);
}

Normalized AllOfMerger::normalize(const Schema* s) {
  if (!s || s->all_of.empty()) return {s, ""};
  if (auto it = memo_.find(s); it != memo_.end()) return it->second;
  if (!merging_.insert(s).second) return {s, "the allOf refers to itself"};

  std::vector<const Schema*> parts;
  std::string_view why;
  for (const SchemaHandle& h : s->all_of) {
    const Schema* branch = load(h);
    if (!branch) {
      why = "a branch could not be read";
      break;
    }
    Normalized inner = normalize(branch);
    if (!inner.not_merged.empty()) {
      why = inner.not_merged;
      break;
    }
    if (!vacuous(*inner.schema, profile_)) parts.push_back(inner.schema);
  }

  Normalized result{s, why};
  if (why.empty() && parts.size() == 1 && only_inert_keywords(*s, profile_)) {
    result.schema = parts[0];  // `allOf: [$ref X]` and `allOf: [$ref X, {}]` are X
  } else if (why.empty()) {
    Schema& merged = made_.emplace_back(*s);
    merged.synthetic = true;
    merged.all_of.clear();
    merged.all_of_keyword = {};
    bool null_ok = accepts_null(*s);
    for (const Schema* part : parts) {
      why = fold(merged, *part);
      if (!why.empty()) break;
      null_ok = null_ok && accepts_null(*part);
    }
    if (!why.empty()) {
      result = {s, why};  // `merged` stays unused in made_ (later entries may point into it)
    } else {
      // A nullable keyword beside allOf (how 3.0-style schemas make a reference nullable).
      merged.null_allowed = (s->null_flag && s->null_allowed) || null_ok;
      uint8_t types = merged.declared_types;
      bool compositional = !merged.any_of.empty() || !merged.one_of.empty();  // as read_schema_keywords
      if (types == 0 && !compositional && (!merged.properties.empty() || merged.additional != Schema::Additional::absent ||
                         !merged.pattern_properties.empty() || !merged.required.empty()))
        types = core::type_object;
      else if (types == 0 && !compositional && (merged.items || !merged.prefix_items.empty()))
        types = core::type_array;
      if (merged.null_allowed && types != 0) types |= core::type_null;
      merged.types = types;
      result.schema = &merged;
    }
  }
  merging_.erase(s);
  memo_.emplace(s, result);
  return result;
}

}  // namespace accord::diff::schema_detail
