#include "diff/openapi/schema_profile.h"

#include "diff/schema/rule_rows.h"

namespace accord::diff {

namespace {

constexpr FormatFamily kFamilies[] = {{"int32", "int64"}, {"float", "double"}};
constexpr std::string_view kAnnotations[] = {"example", "externalDocs", "xml"};
constexpr std::string_view kNullableKeys[] = {"nullable", "x-nullable"};
// Keys the vocabulary reads: `x-nullable` is no annotation although it is an extension.
constexpr std::string_view kOwnKeys[] = {"nullable", "x-nullable", "discriminator"};

// OpenAPI 3.0 ignores `$ref` siblings, but `nullable: true` (Swagger:
// `x-nullable`) beside a `$ref` is how 3.0 specs say "this reference or
// null", and generators honour it: it is the one sibling read there.
bool nullable_beside_ref(const core::Node* node, core::Dialect dialect) {
  if (dialect != core::Dialect::openapi30) return false;
  for (std::string_view key : kNullableKeys)
    if (const core::Node* v = node->get(key); v && v->is_bool()) return true;
  return false;
}

void read_openapi_keywords(const core::Node* node, core::Schema& out, core::Dialect, bool beside_ignored_ref) {
  if (beside_ignored_ref) {  // `nullable` first, as a 3.0 reader does
    const core::Node* flag = node->get("nullable") ? node->get("nullable") : node->get("x-nullable");
    out.null_flag = core::Keyword{flag, &out};
    out.null_allowed = flag->is_bool() && flag->as_bool();
    return;
  }
  read_null_flags(node, out, kNullableKeys);
  read_discriminator_keyword(node, out);
}

}  // namespace

core::Dialect openapi_container_dialect(const core::Document* doc, core::Dialect fallback) {
  const core::Node* root = doc ? doc->root() : nullptr;
  if (!root || !root->is_object()) return fallback;
  if (const core::Node* v = root->get("openapi"); v && v->is_scalar()) {
    if (v->text().rfind("3.0", 0) == 0) return core::Dialect::openapi30;
    const core::Node* dialect = root->get("jsonSchemaDialect");
    if (dialect && dialect->is_string() && core::dialect_of_uri(dialect->text()) != core::Dialect::unknown)
      return core::dialect_of_uri(dialect->text());
    return core::Dialect::draft2020_12;
  }
  // Swagger 2.0's schema object is the same draft-04 subset as OpenAPI 3.0's.
  if (root->get("swagger")) return core::Dialect::openapi30;
  return fallback;
}

std::span<const RuleInfo> openapi_schema_rule_table() {
  static const DerivedRules rows = [] {
    DerivedRules out;
    schema_rule_rows("openapi.", "request", "response", Format::openapi, out);
    return out;
  }();
  return rows.rows;
}

const core::SchemaVocabulary& openapi_schema_vocabulary() {
  static const core::SchemaVocabulary v = [] {
    core::SchemaVocabulary out;
    out.annotations = kAnnotations;
    out.extension_prefix = "x-";
    out.own_keys = kOwnKeys;
    out.read = read_openapi_keywords;
    out.applies_beside_ref = nullable_beside_ref;
    return out;
  }();
  return v;
}

const SchemaProfile& openapi_schema_profile() {
  static const SchemaProfile p = [] {
    SchemaProfile out;
    out.input_prefix = "openapi.request-";
    out.output_prefix = "openapi.response-";
    out.container_dialect = openapi_container_dialect;
    out.direction_filters = true;
    out.discriminator = true;
    out.sunset_key = "x-sunset";
    out.stability_key = "x-stability-level";
    out.format_families = kFamilies;
    out.annotations = kAnnotations;
    out.extension_prefix = "x-";
    out.nullable_keys = kNullableKeys;
    out.vocabulary = openapi_schema_vocabulary();
    return out;
  }();
  return p;
}

}  // namespace accord::diff
