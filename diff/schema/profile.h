// What a contract format adds to, or reads into, plain JSON Schema: the
// engine (diff/schema) knows no format and asks its profile instead. A
// format passes its profile when it makes its SchemaComparator: OpenAPI's is
// openapi_schema_profile() (diff/openapi/schema_profile.h), JSON Schema's
// json_schema_profile() (below), AsyncAPI's that one with its own container
// dialect (diff/asyncapi).
#pragma once

#include <span>
#include <string_view>

#include "core/schema.h"

namespace accord::diff {

// Two formats of one family: the wide one accepts every value of the narrow one.
struct FormatFamily {
  std::string_view narrow, wide;
};

struct SchemaProfile {
  // Rule IDs of a schema change when the caller's scope names no prefix.
  std::string_view input_prefix, output_prefix;
  // The dialect of schemas in a document that names none with `$schema`
  // (decided by what contains them); `fallback` when it cannot tell.
  core::Dialect (*container_dialect)(const core::Document* doc, core::Dialect fallback) = nullptr;
  // readOnly properties are never read as input, writeOnly ones never
  // written as output: absent from one direction, they are not compared there.
  bool direction_filters = false;
  // `discriminator` is compared, and composition branches pair by its values.
  bool discriminator = false;
  // Keys of a deprecated schema's removal date and of its stability level
  // ("" = the profile has none).
  std::string_view sunset_key, stability_key;
  // `format` values of which one widens the other.
  std::span<const FormatFamily> format_families;
  // Keys beyond JSON Schema's own annotations that say nothing about instances.
  std::span<const std::string_view> annotations;
  // Vendor extension keys (annotations too), e.g. "x-"; "" = none.
  std::string_view extension_prefix;
  // Keys that make a schema accept null (the core model reads them per
  // dialect): beside a wrapper they are not annotations.
  std::span<const std::string_view> nullable_keys;
  // What core's schema model reads beyond JSON Schema for this format (the
  // keyword(s) that admit null, the discriminator): the graphs are built with it.
  core::SchemaVocabulary vocabulary;

  bool is_annotation(std::string_view key) const;  // one of `annotations`, or an extension
  bool is_nullable_key(std::string_view key) const;
  // 0: not in a family; 1: the narrow one; 2: the wide one.
  int format_rank(std::string_view format) const;
  bool same_format_family(std::string_view a, std::string_view b) const;
};

// Plain JSON Schema as the JSON Schema format reads it. Its documents name
// their dialect with `$schema`, so the container says nothing. Nothing of
// OpenAPI: `nullable`, `x-nullable` and `discriminator` are unknown keywords,
// which JSON Schema ignores (annotations here, like `example`, `externalDocs`,
// `xml` and `x-*`); no x-sunset / x-stability-level; no int32/int64 family
// (OpenAPI's formats, unknown formats to JSON Schema). readOnly/writeOnly are
// JSON Schema annotations that change no validation result, so they filter
// no direction (backward and forward modes compare every property).
const SchemaProfile& json_schema_profile();

// The discriminator keyword of OpenAPI (an object: propertyName, mapping) and
// of Swagger 2.0 / AsyncAPI (a string: the property name) into
// `out.branch_tag`; for the profiles' vocabularies.
void read_discriminator_keyword(const core::Node* node, core::Schema& out);
// Boolean flags that admit null (`nullable`, `x-nullable`) into
// `out.null_flag` / `out.null_allowed`; the last one present wins.
void read_null_flags(const core::Node* node, core::Schema& out, std::span<const std::string_view> keys);

}  // namespace accord::diff
