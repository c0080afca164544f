// Direction-aware (input/output) comparison of two JSON Schemas (OpenAPI 2.0/3.0/3.1 schema
// objects, and later AsyncAPI payloads and plain JSON Schema documents).
//
// Direction decides what is breaking: what a client sends (request) may only
// widen; what a server returns (response) may only narrow. Rule IDs are
// `scope.rule_prefix + change name`, e.g. "openapi.response-" +
// "property-removed" = "openapi.response-property-removed".
#pragma once

#include <span>
#include <string>

#include "core/expected.h"
#include "core/refs.h"
#include "core/schema.h"
#include "diff/model/rules.h"
#include "diff/model/sink.h"

namespace accord::diff {

// What the owner of the contract reads (input: an API's requests, the
// answers to its webhooks) may only widen; what it writes (output: responses,
// webhook payloads, messages it sends) may only narrow. `request` and
// `response` are the OpenAPI names of the same two values.
enum class Direction { input, output, request = input, response = output };

// Where in the contract a schema sits; copied into every finding it yields.
struct SchemaScope {
  std::string operation;    // "GET /pets/{id}" (may be empty)
  std::string subject;      // "request body (application/json)", "query parameter 'limit'", "response 200 (application/json)"
  std::string rule_prefix;  // "openapi.request-" or "openapi.response-"
};

class SchemaComparator {
 public:
  SchemaComparator(core::DocumentSet& old_set, core::DocumentSet& new_set);
  ~SchemaComparator();
  SchemaComparator(const SchemaComparator&) = delete;
  SchemaComparator& operator=(const SchemaComparator&) = delete;

  // Either schema node may be a `$ref` object; recursion is cycle-safe.
  // Returns an error only for unusable input (e.g. a dangling $ref).
  core::Status compare(const core::Node* old_schema, const std::string& old_pointer, const core::Node* new_schema,
                       const std::string& new_pointer, Direction direction, const SchemaScope& scope,
                       FindingSink& sink);

  // Results of pairs reached through a $ref are cached per (old schema,
  // new schema, direction) and replayed; off only to test that the cache
  // changes nothing.
  void set_caching(bool enabled);

  // Reads every document of each side in the given dialect instead of by
  // what contains it (an AsyncAPI payload whose schemaFormat names OpenAPI
  // 3.0 or a JSON Schema draft); Dialect::unknown keeps the container's.
  // Before the first compare().
  void set_dialects(core::Dialect old_dialect, core::Dialect new_dialect);

  // A deprecation whose new x-sunset is before `day` ("YYYY-MM-DD") gives
  // too little notice (accord.yaml `deprecation-days`); "" = no minimum.
  void set_earliest_sunset(std::string day);

  // The budgets that keep a runaway comparison linear / finite (see
  // walker.h); reaching one is reported as an info finding. For tests.
  void set_budgets(size_t exact_expansions, size_t pair_bodies);

 private:
  struct Impl;
  Impl* impl_;
};

// The JSON Schema dialect of a document by what contains it: OpenAPI 3.0 /
// Swagger 2.0 -> their schema subset, OpenAPI 3.1 -> `jsonSchemaDialect` or
// 2020-12, AsyncAPI -> draft-07; `fallback` for anything else. (A root
// `$schema` is read by core::SchemaGraph before this is asked.)
core::Dialect container_dialect(const core::Document* doc, core::Dialect fallback);

// Registry rows for every schema change under the "openapi.request-" and
// "openapi.response-" prefixes.
std::span<const RuleInfo> openapi_schema_rule_table();

}  // namespace accord::diff
