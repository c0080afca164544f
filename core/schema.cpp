// The schema graph: shares one Schema per schema object, follows `$ref`s
// (with siblings by dialect), guards loops; type bits and dialects. Reading a
// schema object's keywords is schema_keywords.cpp.
#include "core/schema.h"

#include <algorithm>

namespace accord::core {

namespace {

// JSON Schema's own keywords that never change what a schema accepts
// (identifiers, definitions, meta-data); a `$ref` whose siblings are only
// annotations is treated as a bare reference (so it shares the target's
// Schema and the comparator's cache).
bool json_schema_annotation(std::string_view key) {
  return key == "$ref" || key == "$dynamicRef" || key == "$recursiveRef" || key == "$schema" || key == "$id" ||
         key == "$anchor" || key == "$dynamicAnchor" || key == "$recursiveAnchor" || key == "$defs" ||
         key == "definitions" || key == "description" || key == "title" || key == "summary" || key == "$comment" ||
         key == "examples";
}

bool has_only_annotation_siblings(const Node* node, const SchemaVocabulary& vocabulary) {
  for (const Member& m : node->children())
    if (!vocabulary.is_annotation(m.key) || vocabulary.is_own_key(m.key)) return false;
  return true;
}

// Where a dialect ignores `$ref` siblings, a format may still apply one (how
// OpenAPI 3.0 specs write "this reference or null"): its vocabulary says.
bool applies_beside_ref(const Node* node, Dialect dialect, const SchemaVocabulary& vocabulary) {
  return vocabulary.read && vocabulary.applies_beside_ref && vocabulary.applies_beside_ref(node, dialect);
}

Error error_at(const Node* node, std::string message) {
  SourceLocation loc = node->location();
  return make_error(std::move(message), std::string(loc.path()), loc.line, loc.column);
}

bool listed(std::span<const std::string_view> keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

bool SchemaVocabulary::is_annotation(std::string_view key) const {
  if (json_schema_annotation(key) || listed(annotations, key)) return true;
  return !extension_prefix.empty() && key.rfind(extension_prefix, 0) == 0;
}

bool SchemaVocabulary::is_own_key(std::string_view key) const { return listed(own_keys, key); }

const SchemaVocabulary& json_schema_vocabulary() {
  static const SchemaVocabulary plain;
  return plain;
}

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
  // Literal keys, one get() each: the inline get() then tests a constant key bit.
  if (const Node* ref = node->get("$ref"); ref && ref->is_string()) return ref;
  if (const Node* ref = node->get("$dynamicRef"); ref && ref->is_string()) return ref;
  if (const Node* ref = node->get("$recursiveRef"); ref && ref->is_string()) return ref;
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
  const SchemaVocabulary& words = vocabulary ? *vocabulary : json_schema_vocabulary();
  for (const Member& m : node->children())
    if (!words.is_annotation(m.key) && m.key != "deprecated" && m.key != "readOnly" && m.key != "writeOnly" &&
        m.key != "default")
      return false;
  return true;
}

Expected<const Schema*> SchemaGraph::get(const Node* node, std::string_view pointer) {
  return find_or_build(node, pointer, false);
}

Expected<const Schema*> SchemaGraph::find_or_build(const Node* node, std::string_view pointer, bool pointer_kept) {
  if (!node) return make_error("missing schema");
  // The arena copies a pointer only when a schema is built with it: most calls find one.
  auto kept = [&] { return pointer_kept ? pointer : strings_.keep(pointer); };
  const Node* ref = reference_of(node);
  bool is_ref = ref != nullptr;
  if (const Schema* known = by_node_.find(node)) {
    // A YAML alias makes several places share one node: each place gets its
    // own Schema, so findings under it name the place they are about.
    if (is_ref || known->pointer == pointer || pointer.empty()) return known;
    auto key = std::make_pair(node, std::string(pointer));
    if (auto alias = by_alias_.find(key); alias != by_alias_.end()) return alias->second;
    Schema& s = schemas_.emplace_back();
    s.node = node;
    s.document = known->document;
    s.pointer = kept();
    s.boolean_schema = known->boolean_schema;
    s.accepts_nothing = known->accepts_nothing;
    if (!s.boolean_schema)  // children's places follow this one
      read_schema_keywords(node, s.pointer, s, known->dialect, vocabulary_, strings_);
    by_alias_.emplace(std::move(key), &s);
    return static_cast<const Schema*>(&s);
  }
  if (!node->is_object() && !node->is_bool())
    return error_at(node, "not a schema (expected an object or a boolean) at '" + std::string(pointer) + "'");

  if (!is_ref) return build(node, kept(), documents_.document_of(node));

  if (!building_.insert(node).second) return error_at(ref, "circular $ref chain");
  const Document* doc = documents_.document_of(node);
  Dialect dialect = dialect_of(doc);
  auto target = node->get("$ref") == ref ? documents_.resolve_ref(ref->text(), ref)
                                         : documents_.resolve_dynamic_ref(ref->text(), ref, node->get("$recursiveRef") == ref);
  Expected<const Schema*> result = make_error("unreachable");
  if (!target) {
    result = target.error();
  } else if (has_only_annotation_siblings(node, vocabulary_) ||
             (!ref_siblings_apply(dialect) && !applies_beside_ref(node, dialect, vocabulary_))) {
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
      merged.pointer = kept();
      merged.base = *base;
      merged.boolean_schema = false;
      if (ref_siblings_apply(dialect)) {
        read_schema_keywords(node, merged.pointer, merged, dialect, vocabulary_, strings_);
      } else {  // only the vocabulary's sibling that applies beside a $ref counts
        vocabulary_.read(node, merged, dialect, true);
        if (merged.null_allowed && merged.types != 0) merged.types |= type_null;
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
  auto s = find_or_build(handle.node, handle.pointer, true);
  if (s) handle.resolved = *s;
  return s;
}

Expected<const Schema*> SchemaGraph::build(const Node* node, std::string_view pointer, const Document* doc) {
  Schema& s = schemas_.emplace_back();
  s.node = node;
  s.document = doc;
  s.pointer = pointer;
  if (node->is_bool()) {
    s.boolean_schema = true;
    s.accepts_nothing = !node->as_bool();
  } else {
    read_schema_keywords(node, pointer, s, dialect_of(doc), vocabulary_, strings_);
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
