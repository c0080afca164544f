// Reading one schema object's keywords into a core::Schema (JSON Schema's
// vocabulary, by dialect), then the format's own through its
// SchemaVocabulary. The graph that shares and resolves schemas is schema.cpp.
#include <algorithm>

#include "core/json_pointer.h"
#include "core/schema.h"

namespace accord::core {

namespace {

SchemaHandle handle(const Node* node, const std::string& parent, std::string_view key) {
  SchemaHandle h;
  h.node = node;
  h.pointer = pointer_append(parent, key);
  h.via_ref = reference_of(node) != nullptr;
  return h;
}

SchemaHandle handle(const Node* node, const std::string& parent, std::string_view key, size_t index) {
  SchemaHandle h = handle(node, parent, key);
  h.pointer = pointer_append(h.pointer, index);
  return h;
}

void read_handles(const Node* list, const std::string& pointer, std::string_view key,
                  std::vector<SchemaHandle>& out) {
  if (!list || !list->is_array()) return;
  for (size_t i = 0; i < list->size(); ++i) out.push_back(handle(list->at(i), pointer, key, i));
}

void read_named(const Node* map, const std::string& pointer, std::string_view key, std::vector<NamedHandle>& out) {
  if (!map || !map->is_object()) return;
  std::string base = pointer_append(pointer, key);
  size_t inherited = out.size();  // non-zero only for a $ref with siblings
  out.reserve(inherited + map->size());
  for (const Member& m : map->children()) {
    NamedHandle named{m.key, handle(m.value, base, m.key)};
    auto end = out.begin() + static_cast<std::ptrdiff_t>(inherited);
    auto same = std::find_if(out.begin(), end, [&](const NamedHandle& h) { return h.name == m.key; });
    if (same != end) *same = std::move(named);  // a sibling overrides the $ref base
    else out.push_back(std::move(named));
  }
}

Bound read_bound(const Node* node, std::string_view key, std::string_view exclusive_key, bool is_max) {
  Bound b;
  const Node* limit = node->get(key);
  const Node* exclusive = node->get(exclusive_key);
  if (limit && limit->is_number()) b = Bound{true, limit->as_number(), false, limit, limit->text(), key};
  if (!exclusive) return b;
  if (exclusive->is_bool()) {  // draft-04 / OpenAPI 3.0: a flag on minimum/maximum
    if (b.present) b.exclusive = exclusive->as_bool();
    return b;
  }
  if (!exclusive->is_number()) return b;
  double value = exclusive->as_number();
  // Both given: the tighter one decides.
  bool tighter = !b.present || (is_max ? value <= b.value : value >= b.value);
  if (tighter) b = Bound{true, value, true, exclusive, exclusive->text(), exclusive_key};
  return b;
}

bool draft_at_most(Dialect d, Dialect last) { return d == Dialect::unknown || (d != Dialect::openapi30 && d <= last); }
bool draft_from(Dialect d, Dialect first) { return d == Dialect::unknown || (d != Dialect::openapi30 && d >= first); }

// `dependentRequired` / `dependentSchemas` (2019-09+) and their draft-04..07
// predecessor `dependencies`, whose entries are either kind.
void read_dependencies(const Node* node, const std::string& pointer, Schema& out, Dialect dialect) {
  auto required_entry = [&](const Member& m) {
    Schema::Dependency dep{m.key, {}, m.value};
    for (const Member& r : m.value->children())
      if (r.value->is_string()) dep.required.push_back(r.value->text());
    out.dependent_required.push_back(std::move(dep));
  };
  auto add_schema = [&](const Member& m, std::string_view key) {
    out.dependent_schemas.push_back({m.key, handle(m.value, pointer_append(pointer, key), m.key)});
  };
  if (draft_at_most(dialect, Dialect::draft7))
    if (const Node* deps = node->get("dependencies"); deps && deps->is_object())
      for (const Member& m : deps->children()) {
        if (m.value->is_array()) required_entry(m);
        else if (m.value->is_object() || m.value->is_bool()) add_schema(m, "dependencies");
      }
  if (!draft_from(dialect, Dialect::draft2019_09)) return;
  if (const Node* deps = node->get("dependentRequired"); deps && deps->is_object())
    for (const Member& m : deps->children())
      if (m.value->is_array()) required_entry(m);
  if (const Node* deps = node->get("dependentSchemas"); deps && deps->is_object())
    for (const Member& m : deps->children())
      if (m.value->is_object() || m.value->is_bool()) add_schema(m, "dependentSchemas");
}

// items / prefixItems / additionalItems by dialect: the array form of
// `items` is a tuple up to 2019-09, `prefixItems` is the tuple in 2020-12.
void read_items(const Node* node, const std::string& pointer, Schema& out, Dialect dialect) {
  const Node* items = node->get("items");
  const Node* prefix = draft_from(dialect, Dialect::draft2020_12) ? node->get("prefixItems") : nullptr;
  bool tuple_items = items && items->is_array() && draft_at_most(dialect, Dialect::draft2019_09);
  auto schema_like = [](const Node* n) { return n && (n->is_object() || n->is_bool()); };
  if (items || prefix) out.items_keyword = Keyword{items ? items : prefix, &out};
  if (prefix && prefix->is_array()) {
    out.prefix_items.clear();
    read_handles(prefix, pointer, "prefixItems", out.prefix_items);
    if (schema_like(items)) out.items = handle(items, pointer, "items");
  } else if (tuple_items) {
    out.prefix_items.clear();
    read_handles(items, pointer, "items", out.prefix_items);
    if (const Node* rest = node->get("additionalItems"); schema_like(rest))
      out.items = handle(rest, pointer, "additionalItems");
  } else if (schema_like(items)) {
    out.items = handle(items, pointer, "items");
  }
  if (const Node* c = node->get("contains"); schema_like(c)) out.contains = handle(c, pointer, "contains");
}

}  // namespace

void read_schema_keywords(const Node* node, const std::string& pointer, Schema& out, Dialect dialect,
                          const SchemaVocabulary& vocabulary) {
  out.dialect = dialect;
  out.vocabulary = &vocabulary;
  auto keyword = [&](std::string_view key) -> Keyword {
    const Node* value = node->get(key);
    return value ? Keyword{value, &out} : Keyword{};
  };
  auto take = [&](Keyword& slot, std::string_view key) {
    if (Keyword k = keyword(key)) slot = k;
  };

  if (Keyword k = keyword("type")) {
    out.type_keyword = k;
    out.declared_types = 0;
    if (k.value->is_string()) out.declared_types = type_bit(k.value->text());
    else if (k.value->is_array())
      for (const Member& t : k.value->children()) out.declared_types |= type_bit(t.value->text());
  }

  read_named(node->get("properties"), pointer, "properties", out.properties);
  if (Keyword k = keyword("required"); k && k.value->is_array()) {
    out.required_keyword = k;
    for (const Member& r : k.value->children())
      if (r.value->is_string() && !out.is_required(r.value->text())) out.required.push_back(r.value->text());
  }
  if (Keyword k = keyword("additionalProperties")) {
    out.additional_keyword = k;
    if (k.value->is_bool()) {
      out.additional = k.value->as_bool() ? Schema::Additional::allowed : Schema::Additional::forbidden;
    } else if (k.value->is_object()) {
      out.additional = Schema::Additional::schema;
      out.additional_schema = handle(k.value, pointer, "additionalProperties");
    }
  }
  read_named(node->get("patternProperties"), pointer, "patternProperties", out.pattern_properties);
  if (const Node* names = node->get("propertyNames")) out.property_names = handle(names, pointer, "propertyNames");

  read_items(node, pointer, out, dialect);
  read_dependencies(node, pointer, out, dialect);
  for (auto [key, slot] : {std::pair{"unevaluatedProperties", &out.unevaluated_properties},
                           std::pair{"unevaluatedItems", &out.unevaluated_items}})
    if (const Node* u = node->get(key); u && (u->is_object() || u->is_bool())) *slot = handle(u, pointer, key);

  if (Keyword k = keyword("enum"); k && k.value->is_array()) {
    out.enum_keyword = k;
    out.enum_values = k.value;
  }
  if (Keyword k = keyword("const")) {
    out.const_keyword = k;
    out.const_value = k.value;
  }

  if (node->get("minimum") || node->get("exclusiveMinimum"))
    out.minimum = read_bound(node, "minimum", "exclusiveMinimum", false);
  if (node->get("maximum") || node->get("exclusiveMaximum"))
    out.maximum = read_bound(node, "maximum", "exclusiveMaximum", true);
  take(out.multiple_of, "multipleOf");
  take(out.min_length, "minLength");
  take(out.max_length, "maxLength");
  take(out.min_items, "minItems");
  take(out.max_items, "maxItems");
  take(out.min_properties, "minProperties");
  take(out.max_properties, "maxProperties");
  take(out.pattern, "pattern");
  take(out.format, "format");
  take(out.default_value, "default");
  take(out.min_contains, "minContains");
  take(out.max_contains, "maxContains");
  take(out.content_encoding, "contentEncoding");
  take(out.content_media_type, "contentMediaType");
  // Boolean keywords keep both the value and where it was written.
  auto take_flag = [&](Keyword& where, bool& flag, const char* key) {
    if (Keyword k = keyword(key)) {
      where = k;
      flag = k.value->as_bool();
    }
  };
  take_flag(out.unique_items_keyword, out.unique_items, "uniqueItems");
  take_flag(out.read_only_keyword, out.read_only, "readOnly");
  take_flag(out.write_only_keyword, out.write_only, "writeOnly");
  take_flag(out.deprecated_keyword, out.deprecated, "deprecated");

  struct Composition {
    const char* key;
    std::vector<SchemaHandle>* list;
    Keyword* site;
  };
  for (Composition c : {Composition{"allOf", &out.all_of, &out.all_of_keyword},
                        Composition{"anyOf", &out.any_of, &out.any_of_keyword},
                        Composition{"oneOf", &out.one_of, &out.one_of_keyword}})
    if (Keyword k = keyword(c.key); k && k.value->is_array()) {
      *c.site = k;
      read_handles(k.value, pointer, c.key, *c.list);
    }
  for (auto [key, slot] : {std::pair{"not", &out.not_schema}, std::pair{"if", &out.if_schema},
                           std::pair{"then", &out.then_schema}, std::pair{"else", &out.else_schema}})
    if (const Node* n = node->get(key); n && (n->is_object() || n->is_bool())) *slot = handle(n, pointer, key);

  if (vocabulary.read) vocabulary.read(node, out, dialect, false);

  // Derived: the effective type set.
  uint8_t types = out.declared_types;
  bool compositional = !out.all_of.empty() || !out.any_of.empty() || !out.one_of.empty();
  if (types == 0 && !compositional) {
    if (!out.properties.empty() || out.additional != Schema::Additional::absent || !out.pattern_properties.empty() ||
        !out.required.empty())
      types = type_object;
    else if (out.items || !out.prefix_items.empty())
      types = type_array;
  }
  if (types & type_null) out.null_allowed = true;
  // `enum` listing null is one more way to admit null, where no `type`
  // keeps null out (or the vocabulary's flag let it in).
  if (out.enum_values && (out.declared_types == 0 || out.null_allowed))
    for (const Member& v : out.enum_values->children())
      if (v.value->is_null()) out.null_allowed = true;
  if (out.null_allowed && types != 0) types |= type_null;
  out.types = types;
}

}  // namespace accord::core
