#include "diff/schema/profile.h"

#include <algorithm>

namespace accord::diff {

namespace {

// Unknown keywords to JSON Schema that documents often carry (OpenAPI
// habits): they change nothing an instance may be.
constexpr std::string_view kAnnotations[] = {"example", "externalDocs", "xml", "nullable", "discriminator"};

bool listed(std::span<const std::string_view> list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

core::Dialect fallback_only(const core::Document*, core::Dialect fallback) { return fallback; }

}  // namespace

bool SchemaProfile::is_annotation(std::string_view key) const {
  if (!extension_prefix.empty() && key.rfind(extension_prefix, 0) == 0) return true;
  return listed(annotations, key);
}

bool SchemaProfile::is_nullable_key(std::string_view key) const { return listed(nullable_keys, key); }

int SchemaProfile::format_rank(std::string_view format) const {
  for (const FormatFamily& f : format_families) {
    if (format == f.narrow) return 1;
    if (format == f.wide) return 2;
  }
  return 0;
}

bool SchemaProfile::same_format_family(std::string_view a, std::string_view b) const {
  for (const FormatFamily& f : format_families) {
    auto in = [&](std::string_view x) { return x == f.narrow || x == f.wide; };
    if (in(a) && in(b)) return true;
  }
  return false;
}

const SchemaProfile& json_schema_profile() {
  static const SchemaProfile p = [] {
    SchemaProfile out;
    out.container_dialect = fallback_only;
    out.annotations = kAnnotations;
    out.extension_prefix = "x-";
    out.vocabulary.annotations = kAnnotations;
    out.vocabulary.extension_prefix = "x-";
    return out;
  }();
  return p;
}

void read_discriminator_keyword(const core::Node* node, core::Schema& out) {
  const core::Node* d = node->get("discriminator");
  if (!d) return;
  core::Schema::BranchTag tag;
  tag.at = d;
  if (d->is_string()) {  // Swagger 2.0, AsyncAPI: the property name only
    tag.property_name = d->text();
  } else if (d->is_object()) {
    tag.property_name = d->get_text("propertyName");
    if (const core::Node* mapping = d->get("mapping"); mapping && mapping->is_object())
      for (const core::Member& m : mapping->children()) tag.mapping.emplace_back(m.key, m.value->text());
  }
  out.branch_tag = std::move(tag);
}

void read_null_flags(const core::Node* node, core::Schema& out, std::span<const std::string_view> keys) {
  for (std::string_view key : keys)
    if (const core::Node* v = node->get(key); v && v->is_bool()) {
      out.null_flag = core::Keyword{v, &out};
      out.null_allowed = v->as_bool();
    }
}

}  // namespace accord::diff
