// Direction-aware (input/output) comparison of two JSON Schemas: the schema
// objects of a contract format (whose additions its SchemaProfile names,
// diff/schema/profile.h) or plain JSON Schema documents.
//
// Direction decides what is breaking: what the contract's owner reads
// (input) may only widen; what it writes (output) may only narrow. Rule IDs
// are `scope.rule_prefix + change name` (the profile's prefix when the scope
// has none), e.g. "<format>.<output word>-" + "property-removed".
#pragma once

#include <span>
#include <string>

#include "core/expected.h"
#include "core/refs.h"
#include "core/schema.h"
#include "diff/model/rules.h"
#include "diff/model/sink.h"
#include "diff/schema/profile.h"

namespace accord::diff {

// What the owner of the contract reads (input: an API's requests, the
// answers to its webhooks) may only widen; what it writes (output: responses,
// webhook payloads, messages it sends) may only narrow. `request` and
// `response` are other names of the same two values.
enum class Direction { input, output, request = input, response = output };

// Where in the contract a schema sits; copied into every finding it yields.
struct SchemaScope {
  std::string operation;    // "GET /pets/{id}" (may be empty)
  std::string subject;      // "request body (application/json)", "query parameter 'limit'", "payload of 'orders'"
  std::string rule_prefix;  // "<format>.<direction word>-"; "" = the profile's
};

class SchemaComparator {
 public:
  // `profile` (which outlives the comparator) is what the format reads into its schemas.
  SchemaComparator(core::DocumentSet& old_set, core::DocumentSet& new_set, const SchemaProfile& profile);
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

  // A deprecation whose new sunset date is before `day` ("YYYY-MM-DD") gives
  // too little notice (accord.yaml `deprecation-days`); "" = no minimum.
  void set_earliest_sunset(std::string day);

  // The budgets that keep a runaway comparison linear / finite (see
  // walker.h); reaching one is reported as an info finding. For tests.
  void set_budgets(size_t exact_expansions, size_t pair_bodies);

  // Leaves the comparator's memory (schemas, cached findings) to the OS when
  // it is destroyed: see CompareOptions::disable_free. Freeing it one
  // allocation at a time was 5% of comparing vector's schema.
  void set_disable_free(bool disable_free);

 private:
  struct Impl;
  Impl* impl_;
  bool disable_free_ = false;
};

}  // namespace accord::diff
