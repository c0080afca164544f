#include "diff/schema/profile.h"

#include <algorithm>

namespace accord::diff {

namespace {

constexpr FormatFamily kFamilies[] = {{"int32", "int64"}, {"float", "double"}};
constexpr std::string_view kAnnotations[] = {"example", "externalDocs", "xml"};
constexpr std::string_view kNullableKeys[] = {"nullable", "x-nullable"};

bool listed(std::span<const std::string_view> list, std::string_view key) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

core::Dialect fallback_only(const core::Document*, core::Dialect fallback) { return fallback; }

constexpr SchemaProfile json_schema_like(core::Dialect (*container)(const core::Document*, core::Dialect)) {
  SchemaProfile p;
  p.container_dialect = container;
  p.direction_filters = true;
  p.discriminator = true;
  p.sunset_key = "x-sunset";
  p.stability_key = "x-stability-level";
  p.format_families = kFamilies;
  p.annotations = kAnnotations;
  p.extension_prefix = "x-";
  p.nullable_keys = kNullableKeys;
  return p;
}

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
  static const SchemaProfile p = json_schema_like(fallback_only);
  return p;
}

}  // namespace accord::diff
