// Telling a JSON Schema document from any other YAML/JSON file.
#include <string_view>

#include "diff/jsonschema/compare.h"

namespace accord::diff {

namespace {

// Keywords that constrain instances: a root with one of them is a schema
// of its own, not only a bag of definitions.
constexpr std::string_view kConstraints[] = {
    "type", "properties", "required", "additionalProperties", "patternProperties", "propertyNames",
    "items", "prefixItems", "additionalItems", "contains", "allOf", "anyOf", "oneOf", "not", "if",
    "then", "else", "enum", "const", "$ref", "$dynamicRef", "$recursiveRef", "minimum", "maximum",
    "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "format",
    "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "dependencies",
    "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems",
};

bool is_constraint(std::string_view key) {
  for (std::string_view k : kConstraints)
    if (k == key) return true;
  return false;
}

bool has_definitions(const core::Node* root) {
  for (std::string_view key : {"$defs", "definitions"})
    if (const core::Node* d = root->get(key); d && d->is_object()) return true;
  return false;
}

}  // namespace

bool looks_like_jsonschema(const core::Node* root, std::string* why) {
  if (!root || !root->is_object()) {
    if (why) *why = "the document is not an object";
    return false;
  }
  if (const core::Node* s = root->get("$schema"); s && s->is_string()) return true;
  if (has_definitions(root)) return true;
  for (const core::Member& m : root->children())
    if (is_constraint(m.key)) return true;
  if (why)
    *why = "no `openapi`, `swagger` or `asyncapi` member, no `$schema`, and no JSON Schema keyword "
           "(type, properties, $defs, definitions, allOf...) at the root";
  return false;
}

bool is_definitions_bag(const core::Node* root) {
  if (!root || !root->is_object() || !has_definitions(root)) return false;
  for (const core::Member& m : root->children())
    if (is_constraint(m.key)) return false;
  return true;
}

}  // namespace accord::diff
