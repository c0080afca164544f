// A JSON Schema read from a core::Node: the keywords a comparator or a
// validator needs, normalised across dialects (draft-04 boolean
// exclusiveMaximum vs the later numeric form, type arrays with "null",
// `items` tuples vs `prefixItems`). core reads JSON Schema's own vocabulary
// only; what a contract format adds (a keyword that admits null, one that
// tags composition branches, more annotations) is read by the format's
// SchemaVocabulary hooks (diff/schema/profile.h fills them per format).
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
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/boxed.h"
#include "core/expected.h"
#include "core/node.h"
#include "core/pointer_map.h"
#include "core/refs.h"
#include "core/stable_pool.h"
#include "core/string_arena.h"

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
struct SchemaVocabulary;

// The JSON Schema dialect a document is written in. It decides how some
// keywords read: `$ref` siblings (ignored before 2019-09 and in OpenAPI 3.0),
// `dependencies` (draft-04..07) vs `dependentRequired`/`dependentSchemas`
// (2019-09+), the tuple form `items: [...]` (up to 2019-09) vs `prefixItems`
// (2020-12), `$recursiveRef` (2019-09) and `$dynamicRef` (2020-12).
// `unknown` reads every spelling (a document that does not say).
// `openapi30` is OpenAPI 3.0's schema object (a draft-04/05 subset: no
// `dependencies`, no tuple `items`; `$ref` siblings ignored); OpenAPI 3.1 is
// `draft2020_12`.
enum class Dialect : uint8_t { unknown, draft4, draft6, draft7, draft2019_09, draft2020_12, openapi30 };

// "http://json-schema.org/draft-07/schema#" -> draft7 (unknown for anything else).
Dialect dialect_of_uri(std::string_view uri);
std::string_view dialect_name(Dialect d);
// Whether keywords beside a `$ref` apply (2019-09+) or are ignored (earlier drafts, OpenAPI 3.0).
bool ref_siblings_apply(Dialect d);

// A not yet built subschema: where it sits. `pointer` lives in a
// SchemaGraph's StringArena (or is a Schema's pointer): as long as the schemas.
struct SchemaHandle {
  const Node* node = nullptr;
  std::string_view pointer;
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

// dependentRequired (2019-09+), or an array-valued `dependencies` entry
// (draft-04..07): when property `name` is present, `required` must be too.
struct SchemaDependency {
  std::string_view name;
  std::vector<std::string_view> required;
  const Node* at = nullptr;
};

// The keywords few schemas have. They sit in one block beside the Schema,
// made when the first of them is written: a big specification builds
// thousands of Schemas, and inline these were a third of each one's 1.5 KB
// (vector's pair: 10 MB of Schemas).
struct SchemaRare {
  std::optional<SchemaHandle> property_names;
  std::vector<SchemaDependency> dependent_required;
  // dependentSchemas (2019-09+), or a schema-valued `dependencies` entry.
  std::vector<NamedHandle> dependent_schemas;
  // unevaluatedProperties / unevaluatedItems (2019-09+): a boolean or a schema.
  SchemaHandle unevaluated_properties, unevaluated_items;
  SchemaHandle contains;               // draft-06+
  Keyword min_contains, max_contains;  // 2019-09+
  Keyword content_encoding, content_media_type;
  SchemaHandle not_schema;
  SchemaHandle if_schema, then_schema, else_schema;  // draft-07+
};

class Schema {
 public:
  // Identity and position: the schema object after following bare $refs.
  const Node* node = nullptr;
  const Document* document = nullptr;
  std::string_view pointer;  // kept by the SchemaGraph's StringArena (or a handle's)
  const Schema* base = nullptr;  // the target of a `$ref` that has siblings
  Dialect dialect = Dialect::unknown;

  // `true` / `false` boolean schemas (2019-09+); `{}` is accepts_all too.
  bool boolean_schema = false;
  bool accepts_nothing = false;
  // Made by the comparator's normalisation (a merged allOf, or the
  // intersection of two subschemas): `node` only gives it a place, so two
  // synthetic schemas with equal nodes may still differ.
  bool synthetic = false;

  // Types. `declared_types` is 0 when no `type` keyword exists; `types`
  // folds in null ("null" in a type array, a null in an untyped `enum`, or
  // the vocabulary's null flag) and an implied object/array type when the
  // schema only has object/array keywords.
  uint8_t declared_types = 0;
  uint8_t types = 0;  // 0 = unconstrained
  bool null_allowed = false;
  Keyword type_keyword;
  Keyword null_flag;  // the vocabulary's keyword that set null_allowed, if any

  std::vector<NamedHandle> properties;
  std::vector<std::string_view> required;
  Keyword required_keyword;
  // additionalProperties: absent (= allowed), boolean, or a schema.
  enum class Additional : uint8_t { absent, allowed, forbidden, schema } additional = Additional::absent;
  SchemaHandle additional_schema;
  Keyword additional_keyword;
  std::vector<NamedHandle> pattern_properties;
  using Dependency = SchemaDependency;

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
  Keyword all_of_keyword, any_of_keyword, one_of_keyword;

  // A property whose value selects one branch of a composition: not JSON
  // Schema, a format's keyword read by its vocabulary.
  struct BranchTag {
    const Node* at = nullptr;
    std::string_view property_name;
    std::vector<std::pair<std::string_view, std::string_view>> mapping;  // value -> $ref
  };
  std::optional<BranchTag> branch_tag;
  const SchemaVocabulary* vocabulary = nullptr;  // how it was read (for unconstrained())

  // propertyNames, dependencies, unevaluated*, contains, not, if/then/else,
  // content*: empty ones when the schema has none of them.
  const SchemaRare& rare() const { return rare_ ? *rare_ : no_rare(); }
  SchemaRare& rare_mut() { return rare_.get(); }
  bool has_rare() const { return static_cast<bool>(rare_); }

  const NamedHandle* property(std::string_view name) const;
  bool is_required(std::string_view name) const;
  // Whether no keyword constrains instances (an empty schema or `true`).
  bool unconstrained() const;

 private:
  static const SchemaRare& no_rare() {
    static constexpr SchemaRare none{};  // constant-initialised: no guard on each call
    return none;
  }
  Boxed<SchemaRare> rare_;
};

// What a contract format adds to JSON Schema's vocabulary. Plain JSON Schema
// (the default) adds nothing: every keyword it does not know is an annotation
// to the comparator's eyes only through `annotations` / `extension_prefix`.
struct SchemaVocabulary {
  // Keys beyond JSON Schema's own annotations that say nothing about instances.
  std::span<const std::string_view> annotations;
  std::string_view extension_prefix;  // e.g. "x-": annotations too; "" = none
  // Keys `read` gives meaning to: never annotations beside a `$ref`, even
  // when they carry the extension prefix.
  std::span<const std::string_view> own_keys;
  // Reads the format's keywords of `node` into `out` (null_flag /
  // null_allowed, branch_tag). `beside_ignored_ref`: `node` is a `$ref` whose
  // siblings the dialect ignores; only what `applies_beside_ref` said is read.
  void (*read)(const Node* node, Schema& out, Dialect dialect, bool beside_ignored_ref) = nullptr;
  // Whether a sibling of this `$ref` still applies in a dialect that ignores siblings.
  bool (*applies_beside_ref)(const Node* node, Dialect dialect) = nullptr;

  // One of JSON Schema's annotation/identifier keywords, of `annotations`, or an extension.
  bool is_annotation(std::string_view key) const;
  bool is_own_key(std::string_view key) const;
};

// Plain JSON Schema: no keyword beyond the specification's.
const SchemaVocabulary& json_schema_vocabulary();

// Builds and owns the Schema objects of one DocumentSet.
class SchemaGraph {
 public:
  explicit SchemaGraph(DocumentSet& documents, const SchemaVocabulary& vocabulary = json_schema_vocabulary())
      : documents_(documents), vocabulary_(vocabulary) {}
  SchemaGraph(const SchemaGraph&) = delete;
  SchemaGraph& operator=(const SchemaGraph&) = delete;

  // The schema at `node` (which may be a `$ref`); `pointer` is the node's
  // JSON Pointer, used when the node is not a bare reference. Errors: a
  // dangling or circular `$ref`, or a node that is not a schema.
  Expected<const Schema*> get(const Node* node, std::string_view pointer);
  Expected<const Schema*> get(const SchemaHandle& handle);
  // Where the graph keeps its schemas' and handles' pointers.
  StringArena& strings() { return strings_; }

  DocumentSet& documents() { return documents_; }
  const SchemaVocabulary& vocabulary() const { return vocabulary_; }

  // The dialect of schemas in `doc` when the document does not name one with
  // a root `$schema` (a format knows: OpenAPI 3.0, 3.1, AsyncAPI...). Set
  // before the first get(); the function sees each document once.
  void set_dialect_rule(Dialect (*rule)(const Document* doc, Dialect fallback), Dialect fallback) {
    dialect_rule_ = rule;
    fallback_dialect_ = fallback;
  }
  Dialect dialect_of(const Document* doc);
  size_t size() const { return schemas_.size(); }

 private:
  // `pointer_kept`: it lives as long as the schemas already (a handle's);
  // else the arena copies it when a schema is built with it.
  Expected<const Schema*> find_or_build(const Node* node, std::string_view pointer, bool pointer_kept);
  Expected<const Schema*> build(const Node* node, std::string_view pointer, const Document* doc);

  DocumentSet& documents_;
  const SchemaVocabulary& vocabulary_;
  StringArena strings_;  // before schemas_: their pointers live here
  StablePool<Schema> schemas_;
  PointerMap<Node, const Schema> by_node_;
  std::map<std::pair<const Node*, std::string>, const Schema*> by_alias_;  // YAML aliases: same node, other place
  std::unordered_set<const Node*> building_;  // guards `$ref`-with-siblings loops
  Dialect (*dialect_rule_)(const Document*, Dialect) = nullptr;
  Dialect fallback_dialect_ = Dialect::unknown;
  std::unordered_map<const Document*, Dialect> dialects_;
};

// The reference keyword of a schema object: `$ref`, or (resolved statically)
// `$recursiveRef` / `$dynamicRef`; nullptr when it has none.
const Node* reference_of(const Node* node);

// Reads the keywords of `node` into `out`, JSON Schema's and then the
// vocabulary's (used by SchemaGraph; exposed for tests).
// The handles' pointers are written into `strings`.
void read_schema_keywords(const Node* node, std::string_view pointer, Schema& out, Dialect dialect,
                          const SchemaVocabulary& vocabulary, StringArena& strings);

}  // namespace accord::core
