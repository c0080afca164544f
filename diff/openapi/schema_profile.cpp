#include "diff/openapi/schema_profile.h"

#include "diff/schema/rule_rows.h"

namespace accord::diff {

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

const SchemaProfile& openapi_schema_profile() {
  static const SchemaProfile p = [] {
    // OpenAPI's additions are the ones JSON Schema's profile keeps for its
    // published rules; what differs is the rule IDs and the dialects.
    SchemaProfile out = json_schema_profile();
    out.input_prefix = "openapi.request-";
    out.output_prefix = "openapi.response-";
    out.container_dialect = openapi_container_dialect;
    return out;
  }();
  return p;
}

}  // namespace accord::diff
