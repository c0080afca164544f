#include "core/schema.h"

#include <algorithm>

#include "core/json_pointer.h"

namespace accord::core {

namespace {

// Keywords that never change what a schema accepts; a `$ref` whose siblings
// are only these is treated as a bare reference (so it shares the target's
// Schema and the comparator's cache).
bool is_annotation(std::string_view key) {
  return key == "$ref" || key == "description" || key == "title" || key == "summary" || key == "$comment" ||
         key == "example" || key == "examples" || key == "externalDocs" || key == "xml" ||
         key.rfind("x-", 0) == 0;
}

bool has_only_annotation_siblings(const Node* node) {
  for (const Member& m : node->children())
    if (!is_annotation(m.key) || m.key == "x-nullable") return false;
  return true;
}

Error error_at(const Node* node, std::string message) {
  SourceLocation loc = node->location();
  return make_error(std::move(message), std::string(loc.path()), loc.line, loc.column);
}

SchemaHandle handle(const Node* node, const std::string& parent, std::string_view key) {
  SchemaHandle h;
  h.node = node;
  h.pointer = pointer_append(parent, key);
  h.via_ref = node->is_object() && node->get("$ref") && node->get("$ref")->is_string();
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

}  // namespace

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

void read_schema_keywords(const Node* node, const std::string& pointer, Schema& out) {
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

  const Node* items = node->get("items");
  const Node* prefix = node->get("prefixItems");
  if (items || prefix) out.items_keyword = Keyword{items ? items : prefix, &out};
  if (prefix && prefix->is_array()) {
    out.prefix_items.clear();
    read_handles(prefix, pointer, "prefixItems", out.prefix_items);
    if (items && (items->is_object() || items->is_bool())) out.items = handle(items, pointer, "items");
  } else if (items && items->is_array()) {  // draft-04..2019-09 tuple form
    out.prefix_items.clear();
    read_handles(items, pointer, "items", out.prefix_items);
    const Node* rest = node->get("additionalItems");
    if (rest && (rest->is_object() || rest->is_bool())) out.items = handle(rest, pointer, "additionalItems");
  } else if (items && (items->is_object() || items->is_bool())) {
    out.items = handle(items, pointer, "items");
  }

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
  if (const Node* n = node->get("not"); n && (n->is_object() || n->is_bool())) out.not_schema = handle(n, pointer, "not");

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
  if (out.nullable && types != 0) types |= type_null;
  out.types = types;
}

Expected<const Schema*> SchemaGraph::get(const Node* node, const std::string& pointer) {
  if (!node) return make_error("missing schema");
  const Node* ref = node->is_object() ? node->get("$ref") : nullptr;
  bool is_ref = ref && ref->is_string();
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
    if (!s.boolean_schema) read_schema_keywords(node, pointer, s);  // children's places follow this one
    by_alias_.emplace(std::move(key), &s);
    return static_cast<const Schema*>(&s);
  }
  if (!node->is_object() && !node->is_bool())
    return error_at(node, "not a schema (expected an object or a boolean) at '" + pointer + "'");

  if (!is_ref) return build(node, pointer, documents_.document_of(node));

  if (!building_.insert(node).second) return error_at(ref, "circular $ref chain");
  auto target = documents_.resolve_ref(ref->text(), ref);
  Expected<const Schema*> result = make_error("unreachable");
  if (!target) {
    result = target.error();
  } else if (has_only_annotation_siblings(node)) {
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
      read_schema_keywords(node, pointer, merged);
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
    read_schema_keywords(node, pointer, s);
  }
  by_node_.emplace(node, &s);
  return static_cast<const Schema*>(&s);
}

}  // namespace accord::core
