#include "diff/asyncapi/schema_profile.h"

namespace accord::diff {

namespace {

constexpr FormatFamily kFamilies[] = {{"int32", "int64"}, {"float", "double"}};
constexpr std::string_view kAnnotations[] = {"example", "externalDocs", "xml"};
constexpr std::string_view kNullableKeys[] = {"nullable", "x-nullable"};
constexpr std::string_view kOwnKeys[] = {"nullable", "x-nullable", "discriminator"};

// AsyncAPI's default schema format is a superset of draft-07.
core::Dialect asyncapi_container_dialect(const core::Document* doc, core::Dialect fallback) {
  const core::Node* root = doc ? doc->root() : nullptr;
  if (root && root->is_object() && root->get("asyncapi")) return core::Dialect::draft7;
  return fallback;
}

bool openapi30_nullable_beside_ref(const core::Node* node, core::Dialect dialect) {
  if (dialect != core::Dialect::openapi30) return false;
  for (std::string_view key : kNullableKeys)
    if (const core::Node* v = node->get(key); v && v->is_bool()) return true;
  return false;
}

void read_asyncapi_keywords(const core::Node* node, core::Schema& out, core::Dialect dialect, bool beside_ignored_ref) {
  if (dialect == core::Dialect::openapi30) read_null_flags(node, out, kNullableKeys);
  if (!beside_ignored_ref) read_discriminator_keyword(node, out);
}

}  // namespace

const core::SchemaVocabulary& asyncapi_schema_vocabulary() {
  static const core::SchemaVocabulary v = [] {
    core::SchemaVocabulary out;
    out.annotations = kAnnotations;
    out.extension_prefix = "x-";
    out.own_keys = kOwnKeys;
    out.read = read_asyncapi_keywords;
    out.applies_beside_ref = openapi30_nullable_beside_ref;
    return out;
  }();
  return v;
}

const SchemaProfile& asyncapi_schema_profile() {
  static const SchemaProfile p = [] {
    SchemaProfile out;
    out.container_dialect = asyncapi_container_dialect;
    out.discriminator = true;
    out.sunset_key = "x-sunset";
    out.stability_key = "x-stability-level";
    out.format_families = kFamilies;
    out.annotations = kAnnotations;
    out.extension_prefix = "x-";
    out.nullable_keys = kNullableKeys;
    out.vocabulary = asyncapi_schema_vocabulary();
    return out;
  }();
  return p;
}

}  // namespace accord::diff
