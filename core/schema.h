// A JSON Schema read from a core::Node: the keywords a comparator or a
// validator needs, normalised across dialects (draft-04 boolean
// exclusiveMaximum vs the later numeric form, OpenAPI 3.0 `nullable`, Swagger
// `x-nullable`, 3.1 type arrays, `items` tuples vs `prefixItems`).
//
// Schemas are built lazily through a SchemaGraph: a subschema is only a
// (node, pointer) handle until someone asks for it, so a recursive schema is
// a graph of shared Schema objects, never an infinite tree. A `$ref` with
// sibling keywords (2019-09+ / OpenAPI 3.1 semantics) is one Schema whose
// `base` is the referenced schema; lookups fall back to the base.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/expected.h"
#include "core/node.h"
#include "core/refs.h"

namespace accord::core {

// Instance types as a bit set. `integer` is its own bit; a set holding
// `number` also accepts integers (see type_accepts).
enum TypeBit : uint8_t {
  type_null = 1 << 0,
  type_boolean = 1 << 1,
  type_integer = 1 << 2,
  type_number = 1 << 3,
  type_string = 1 << 4,
  type_array = 1 << 5,
  type_object = 1 << 6,
};
constexpr uint8_t type_any = 0x7f;

// "string", "integer"... -> bit (0 when unknown).
uint8_t type_bit(std::string_view name);
// "integer or string" style list of the bits in `mask` (no null unless set).
std::string type_names(uint8_t mask);
// Whether every instance of `inner` is also accepted by `outer`.
bool type_subset(uint8_t inner, uint8_t outer);

class Schema;

// A not yet built subschema: where it sits.
struct SchemaHandle {
  const Node* node = nullptr;
  std::string pointer;
  bool via_ref = false;  // the node is a `$ref` (its target may be shared)
  // Filled by SchemaGraph::get on first use: comparing a big spec asks for
  // the same handles millions of times.
  mutable const Schema* resolved = nullptr;
  explicit operator bool() const { return node != nullptr; }
};

struct NamedHandle {
  std::string_view name;
  SchemaHandle schema;
};

// One numeric limit (minimum/maximum) after draft normalisation.
struct Bound {
  bool present = false;
  double value = 0;
  bool exclusive = false;
  const Node* at = nullptr;  // the keyword's value node
  std::string_view text;     // the number as written, for messages
  std::string_view keyword;  // the keyword that set it ("maximum", "exclusiveMaximum")
};

// Where a keyword's value came from (the schema itself or its $ref base).
struct Keyword {
  const Node* value = nullptr;
  const Schema* owner = nullptr;
  explicit operator bool() const { return value != nullptr; }
};

class Schema {
 public:
  // Identity and position: the schema object after following bare $refs.
  const Node* node = nullptr;
  const Document* document = nullptr;
  std::string pointer;
  const Schema* base = nullptr;  // the target of a `$ref` that has siblings

  // `true` / `false` boolean schemas (2019-09+); `{}` is accepts_all too.
  bool boolean_schema = false;
  bool accepts_nothing = false;
  // Made by the comparator's normalisation (a merged allOf, or the
  // intersection of two subschemas): `node` only gives it a place, so two
  // synthetic schemas with equal nodes may still differ.
  bool synthetic = false;

  // Types. `declared_types` is 0 when no `type` keyword exists; `types`
  // folds in nullability (3.0 `nullable`, `x-nullable`, "null" in a type
  // array) and an implied object/array type when the schema only has
  // object/array keywords.
  uint8_t declared_types = 0;
  uint8_t types = 0;  // 0 = unconstrained
  bool nullable = false;
  Keyword type_keyword;
  Keyword nullable_keyword;

  std::vector<NamedHandle> properties;
  std::vector<std::string_view> required;
  Keyword required_keyword;
  // additionalProperties: absent (= allowed), boolean, or a schema.
  enum class Additional : uint8_t { absent, allowed, forbidden, schema } additional = Additional::absent;
  SchemaHandle additional_schema;
  Keyword additional_keyword;
  std::vector<NamedHandle> pattern_properties;
  std::optional<SchemaHandle> property_names;

  SchemaHandle items;                 // single schema for every item
  std::vector<SchemaHandle> prefix_items;  // tuple form (`prefixItems`, or draft-04 `items: [...]`)
  Keyword items_keyword;

  const Node* enum_values = nullptr;  // array node
  const Node* const_value = nullptr;
  Keyword enum_keyword;
  Keyword const_keyword;

  Bound minimum, maximum;
  Keyword multiple_of;
  Keyword min_length, max_length, min_items, max_items, min_properties, max_properties;
  Keyword pattern, format, default_value;
  bool unique_items = false;
  Keyword unique_items_keyword;
  bool read_only = false, write_only = false, deprecated = false;
  Keyword read_only_keyword, write_only_keyword, deprecated_keyword;

  std::vector<SchemaHandle> all_of, any_of, one_of;
  SchemaHandle not_schema;
  Keyword all_of_keyword, any_of_keyword, one_of_keyword;

  struct Discriminator {
    const Node* at = nullptr;
    std::string_view property_name;
    std::vector<std::pair<std::string_view, std::string_view>> mapping;  // value -> $ref
  };
  std::optional<Discriminator> discriminator;

  const NamedHandle* property(std::string_view name) const;
  bool is_required(std::string_view name) const;
  // Whether no keyword constrains instances (an empty schema or `true`).
  bool unconstrained() const;
};

// Builds and owns the Schema objects of one DocumentSet.
class SchemaGraph {
 public:
  explicit SchemaGraph(DocumentSet& documents) : documents_(documents) {}
  SchemaGraph(const SchemaGraph&) = delete;
  SchemaGraph& operator=(const SchemaGraph&) = delete;

  // The schema at `node` (which may be a `$ref`); `pointer` is the node's
  // JSON Pointer, used when the node is not a bare reference. Errors: a
  // dangling or circular `$ref`, or a node that is not a schema.
  Expected<const Schema*> get(const Node* node, const std::string& pointer);
  Expected<const Schema*> get(const SchemaHandle& handle);

  DocumentSet& documents() { return documents_; }
  size_t size() const { return schemas_.size(); }

 private:
  Expected<const Schema*> build(const Node* node, const std::string& pointer, const Document* doc);

  DocumentSet& documents_;
  std::deque<Schema> schemas_;
  std::unordered_map<const Node*, const Schema*> by_node_;
  std::map<std::pair<const Node*, std::string>, const Schema*> by_alias_;  // YAML aliases: same node, other place
  std::unordered_set<const Node*> building_;  // guards `$ref`-with-siblings loops
};

// Reads the keywords of `node` into `out` (used by SchemaGraph; exposed for tests).
void read_schema_keywords(const Node* node, const std::string& pointer, Schema& out);

}  // namespace accord::core
