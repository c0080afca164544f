#include "core/schema.h"

#include <algorithm>

#include "core/json_pointer.h"

namespace accord::core {

namespace {

// Keywords that never change what a schema accepts; a `$ref` whose siblings
// are only these is treated as a bare reference (so it shares the target's
// Schema and the comparator's cache).
bool is_annotation(std::string_view key) {
  return key == "$ref" || key == "$dynamicRef" || key == "$recursiveRef" || key == "$schema" || key == "$id" ||
         key == "$anchor" || key == "$dynamicAnchor" || key == "$recursiveAnchor" || key == "$defs" ||
         key == "definitions" || key == "description" || key == "title" || key == "summary" || key == "$comment" ||
         key == "example" || key == "examples" || key == "externalDocs" || key == "xml" ||
         key.rfind("x-", 0) == 0;
}

bool has_only_annotation_siblings(const Node* node) {
  for (const Member& m : node->children())
    if (!is_annotation(m.key) || m.key == "x-nullable") return false;
  return true;
}

// OpenAPI 3.0 ignores `$ref` siblings, but `nullable: true` (Swagger:
// `x-nullable`) beside a `$ref` is how 3.0 specs say "this reference or
// null", and generators honour it: it is the one sibling read there.
bool nullable_sibling(const Node* node, Dialect dialect) {
  if (dialect != Dialect::openapi30) return false;
  for (std::string_view key : {"nullable", "x-nullable"})
    if (const Node* v = node->get(key); v && v->is_bool()) return true;
  return false;
}

Error error_at(const Node* node, std::string message) {
  SourceLocation loc = node->location();
  return make_error(std::move(message), std::string(loc.path()), loc.line, loc.column);
}

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

Dialect dialect_of_uri(std::string_view uri) {
  if (uri.find("draft-04") != std::string_view::npos) return Dialect::draft4;
  if (uri.find("draft-06") != std::string_view::npos) return Dialect::draft6;
  if (uri.find("draft-07") != std::string_view::npos) return Dialect::draft7;
  if (uri.find("2019-09") != std::string_view::npos) return Dialect::draft2019_09;
  if (uri.find("2020-12") != std::string_view::npos) return Dialect::draft2020_12;
  // OpenAPI 3.1's default dialect is 2020-12 plus its own vocabulary.
  if (uri.find("spec.openapis.org/oas/3.1/dialect") != std::string_view::npos) return Dialect::draft2020_12;
  return Dialect::unknown;
}

std::string_view dialect_name(Dialect d) {
  switch (d) {
    case Dialect::draft4: return "draft-04";
    case Dialect::draft6: return "draft-06";
    case Dialect::draft7: return "draft-07";
    case Dialect::draft2019_09: return "2019-09";
    case Dialect::draft2020_12: return "2020-12";
    case Dialect::openapi30: return "OpenAPI 3.0";
    case Dialect::unknown: break;
  }
  return "unknown";
}

bool ref_siblings_apply(Dialect d) { return d == Dialect::unknown || d == Dialect::draft2019_09 || d == Dialect::draft2020_12; }

const Node* reference_of(const Node* node) {
  if (!node || !node->is_object()) return nullptr;
  for (std::string_view key : {"$ref", "$dynamicRef", "$recursiveRef"})
    if (const Node* ref = node->get(key); ref && ref->is_string()) return ref;
  return nullptr;
}

uint8_t type_bit(std::string_view name) {
  if (name == "null") return type_null;
  if (name == "boolean") return type_boolean;
  if (name == "integer") return type_integer;
  if (name == "number") return type_number;
  if (name == "string") return type_string;
  if (name == "array") return type_array;
  if (name == "object") return type_object;
  return 0;
}

std::string type_names(uint8_t mask) {
  if (mask == 0) return "any";
  static const char* names[] = {"null", "boolean", "integer", "number", "string", "array", "object"};
  std::string out;
  for (int i = 0; i < 7; ++i) {
    if (!(mask & (1 << i))) continue;
    if (!out.empty()) out += " or ";
    out += names[i];
  }
  return out;
}

bool type_subset(uint8_t inner, uint8_t outer) {
  if (outer == 0) return true;   // unconstrained accepts everything
  if (inner == 0) return false;  // everything is not within a constraint
  if (outer & type_number) outer |= type_integer;
  return (inner & ~outer) == 0;
}

const NamedHandle* Schema::property(std::string_view name) const {
  for (const NamedHandle& p : properties)
    if (p.name == name) return &p;
  return nullptr;
}

bool Schema::is_required(std::string_view name) const {
  return std::find(required.begin(), required.end(), name) != required.end();
}

bool Schema::unconstrained() const {
  if (boolean_schema) return !accepts_nothing;
  if (base) return false;
  for (const Member& m : node->children())
    if (!is_annotation(m.key) && m.key != "deprecated" && m.key != "readOnly" && m.key != "writeOnly" &&
        m.key != "default")
      return false;
  return true;
}

void read_schema_keywords(const Node* node, const std::string& pointer, Schema& out, Dialect dialect) {
  out.dialect = dialect;
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
  for (std::string_view key : {"nullable", "x-nullable"})
    if (Keyword k = keyword(key); k && k.value->is_bool()) {
      out.nullable_keyword = k;
      out.nullable = k.value->as_bool();
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
  if (Keyword k = keyword("uniqueItems")) {
    out.unique_items_keyword = k;
    out.unique_items = k.value->as_bool();
  }
  if (Keyword k = keyword("readOnly")) {
    out.read_only_keyword = k;
    out.read_only = k.value->as_bool();
  }
  if (Keyword k = keyword("writeOnly")) {
    out.write_only_keyword = k;
    out.write_only = k.value->as_bool();
  }
  if (Keyword k = keyword("deprecated")) {
    out.deprecated_keyword = k;
    out.deprecated = k.value->as_bool();
  }

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

  if (const Node* d = node->get("discriminator")) {
    Schema::Discriminator disc;
    disc.at = d;
    if (d->is_string()) {  // Swagger 2.0: the property name only
      disc.property_name = d->text();
    } else if (d->is_object()) {
      disc.property_name = d->get_text("propertyName");
      if (const Node* mapping = d->get("mapping"); mapping && mapping->is_object())
        for (const Member& m : mapping->children()) disc.mapping.emplace_back(m.key, m.value->text());
    }
    out.discriminator = std::move(disc);
  }

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
  if (types & type_null) out.nullable = true;
  // `enum` listing null is one more spelling of nullable, where no `type`
  // keeps null out (OpenAPI 3.0 asks for null in the enum of a nullable enum).
  if (out.enum_values && (out.declared_types == 0 || out.nullable))
    for (const Member& v : out.enum_values->children())
      if (v.value->is_null()) out.nullable = true;
  if (out.nullable && types != 0) types |= type_null;
  out.types = types;
}

Expected<const Schema*> SchemaGraph::get(const Node* node, const std::string& pointer) {
  if (!node) return make_error("missing schema");
  const Node* ref = reference_of(node);
  bool is_ref = ref != nullptr;
  if (auto it = by_node_.find(node); it != by_node_.end()) {
    // A YAML alias makes several places share one node: each place gets its
    // own Schema, so findings under it name the place they are about.
    if (is_ref || it->second->pointer == pointer || pointer.empty()) return it->second;
    auto key = std::make_pair(node, pointer);
    if (auto alias = by_alias_.find(key); alias != by_alias_.end()) return alias->second;
    Schema& s = schemas_.emplace_back();
    s.node = node;
    s.document = it->second->document;
    s.pointer = pointer;
    s.boolean_schema = it->second->boolean_schema;
    s.accepts_nothing = it->second->accepts_nothing;
    if (!s.boolean_schema) read_schema_keywords(node, pointer, s, it->second->dialect);  // children's places follow this one
    by_alias_.emplace(std::move(key), &s);
    return static_cast<const Schema*>(&s);
  }
  if (!node->is_object() && !node->is_bool())
    return error_at(node, "not a schema (expected an object or a boolean) at '" + pointer + "'");

  if (!is_ref) return build(node, pointer, documents_.document_of(node));

  if (!building_.insert(node).second) return error_at(ref, "circular $ref chain");
  const Document* doc = documents_.document_of(node);
  Dialect dialect = dialect_of(doc);
  auto target = node->get("$ref") == ref ? documents_.resolve_ref(ref->text(), ref)
                                         : documents_.resolve_dynamic_ref(ref->text(), ref, node->get("$recursiveRef") == ref);
  Expected<const Schema*> result = make_error("unreachable");
  if (!target) {
    result = target.error();
  } else if (has_only_annotation_siblings(node) || (!ref_siblings_apply(dialect) && !nullable_sibling(node, dialect))) {
    // Before 2019-09 (and in OpenAPI 3.0) a `$ref` replaces its object: siblings are ignored.
    result = get(target->node, target->pointer);
  } else {
    // `$ref` with siblings: the siblings apply together with the target.
    auto base = get(target->node, target->pointer);
    if (!base) {
      result = base.error();
    } else {
      Schema& merged = schemas_.emplace_back(**base);
      merged.node = node;
      merged.document = documents_.document_of(node);
      merged.pointer = pointer;
      merged.base = *base;
      merged.boolean_schema = false;
      if (ref_siblings_apply(dialect)) {
        read_schema_keywords(node, pointer, merged, dialect);
      } else {  // only the OpenAPI nullability beside the $ref counts
        merged.nullable_keyword = Keyword{node->get("nullable") ? node->get("nullable") : node->get("x-nullable"), &merged};
        merged.nullable = merged.nullable_keyword.value->is_bool() && merged.nullable_keyword.value->as_bool();
        if (merged.nullable && merged.types != 0) merged.types |= type_null;
      }
      result = static_cast<const Schema*>(&merged);
    }
  }
  building_.erase(node);
  if (result) by_node_.emplace(node, *result);
  return result;
}

Expected<const Schema*> SchemaGraph::get(const SchemaHandle& handle) {
  if (handle.resolved) return handle.resolved;
  auto s = get(handle.node, handle.pointer);
  if (s) handle.resolved = *s;
  return s;
}

Expected<const Schema*> SchemaGraph::build(const Node* node, const std::string& pointer, const Document* doc) {
  Schema& s = schemas_.emplace_back();
  s.node = node;
  s.document = doc;
  s.pointer = pointer;
  if (node->is_bool()) {
    s.boolean_schema = true;
    s.accepts_nothing = !node->as_bool();
  } else {
    read_schema_keywords(node, pointer, s, dialect_of(doc));
  }
  by_node_.emplace(node, &s);
  return static_cast<const Schema*>(&s);
}

Dialect SchemaGraph::dialect_of(const Document* doc) {
  if (!doc) return fallback_dialect_;
  auto [it, fresh] = dialects_.try_emplace(doc, fallback_dialect_);
  if (!fresh) return it->second;
  const Node* root = doc->root();
  const Node* named = root && root->is_object() ? root->get("$schema") : nullptr;
  if (named && named->is_string() && dialect_of_uri(named->text()) != Dialect::unknown)
    it->second = dialect_of_uri(named->text());
  else if (dialect_rule_)
    it->second = dialect_rule_(doc, fallback_dialect_);
  return it->second;
}

}  // namespace accord::core
