// The JSON Schema model: dialect normalisation and lazy, cycle-safe building.
#include <catch2/catch.hpp>

#include "core/json_pointer.h"
#include "core/loader.h"
#include "core/schema.h"
#include "diff/openapi/schema_profile.h"

using namespace accord::core;

namespace {

struct Loaded {
  DocumentSet set;
  const Document* doc = nullptr;
  explicit Loaded(const char* yaml) {
    auto parsed = load_text("model.yaml", yaml);
    REQUIRE(parsed.ok());
    doc = set.adopt(std::move(*parsed));
  }
  const Schema* schema(SchemaGraph& graph, const std::string& pointer) {
    const Node* node = pointer_resolve(doc->root(), pointer);
    REQUIRE(node);
    auto s = graph.get(node, pointer);
    REQUIRE(s.ok());
    return *s;
  }
};

}  // namespace

TEST_CASE("exclusive limits: draft-04 boolean form and the later numeric form", "[schema][model]") {
  Loaded in(R"(
draft4: {type: number, maximum: 10, exclusiveMaximum: true, minimum: 1, exclusiveMinimum: false}
numeric: {type: number, maximum: 10, exclusiveMaximum: 5}
looser: {type: number, maximum: 10, exclusiveMaximum: 12, exclusiveMinimum: 0}
)");
  SchemaGraph graph(in.set, accord::diff::openapi_schema_vocabulary());
  const Schema* d4 = in.schema(graph, "/draft4");
  CHECK(d4->maximum.present);
  CHECK(d4->maximum.value == 10);
  CHECK(d4->maximum.exclusive);
  CHECK(d4->minimum.value == 1);
  CHECK_FALSE(d4->minimum.exclusive);
  const Schema* numeric = in.schema(graph, "/numeric");
  CHECK(numeric->maximum.value == 5);
  CHECK(numeric->maximum.exclusive);
  const Schema* looser = in.schema(graph, "/looser");
  CHECK(looser->maximum.value == 10);  // the inclusive 10 is tighter than < 12
  CHECK_FALSE(looser->maximum.exclusive);
  CHECK(looser->minimum.present);
  CHECK(looser->minimum.exclusive);
  CHECK(looser->minimum.value == 0);
}

TEST_CASE("nullability: OpenAPI 3.0 nullable, Swagger x-nullable, 3.1 type arrays", "[schema][model]") {
  Loaded in(R"(
oas30: {type: string, nullable: true}
swagger: {type: string, x-nullable: true}
oas31: {type: [integer, 'null']}
plain: {type: [integer, string]}
)");
  SchemaGraph graph(in.set, accord::diff::openapi_schema_vocabulary());
  for (const char* p : {"/oas30", "/swagger"}) {
    const Schema* s = in.schema(graph, p);
    CHECK(s->null_allowed);
    CHECK(s->types == (type_string | type_null));
  }
  const Schema* oas31 = in.schema(graph, "/oas31");
  CHECK(oas31->null_allowed);
  CHECK(oas31->types == (type_integer | type_null));
  const Schema* plain = in.schema(graph, "/plain");
  CHECK_FALSE(plain->null_allowed);
  CHECK(plain->types == (type_integer | type_string));
  CHECK(type_subset(type_integer, type_number));
  CHECK_FALSE(type_subset(type_number, type_integer));
  CHECK(type_names(type_integer | type_string) == "integer or string");
}

TEST_CASE("a $ref with siblings applies both, annotation-only siblings share the target", "[schema][model]") {
  Loaded in(R"(
Name:
  type: string
  maxLength: 50
  properties: {}
Short:
  $ref: '#/Name'
  maxLength: 10
  nullable: true
Described:
  $ref: '#/Name'
  description: just a note
)");
  SchemaGraph graph(in.set, accord::diff::openapi_schema_vocabulary());
  const Schema* name = in.schema(graph, "/Name");
  const Schema* shortened = in.schema(graph, "/Short");
  CHECK(shortened->base == name);
  CHECK(shortened->pointer == "/Short");
  CHECK(shortened->types == (type_string | type_null));
  REQUIRE(shortened->max_length);
  CHECK(shortened->max_length.value->text() == "10");
  CHECK(shortened->max_length.owner == shortened);
  const Schema* described = in.schema(graph, "/Described");
  CHECK(described == name);
  CHECK(described->pointer == "/Name");
}

TEST_CASE("recursive schemas are graphs: building terminates and shares nodes", "[schema][model]") {
  Loaded in(R"(
Tree:
  type: object
  properties:
    children:
      type: array
      items: {$ref: '#/Tree'}
    parent: {$ref: '#/Tree', readOnly: true}
Loop: {$ref: '#/Loop2'}
Loop2: {$ref: '#/Loop'}
Dangling: {$ref: '#/Nowhere'}
)");
  SchemaGraph graph(in.set, accord::diff::openapi_schema_vocabulary());
  const Schema* tree = in.schema(graph, "/Tree");
  REQUIRE(tree->properties.size() == 2);
  auto children = graph.get(tree->properties[0].schema);
  REQUIRE(children.ok());
  CHECK((*children)->types == type_array);
  auto item = graph.get((*children)->items);
  REQUIRE(item.ok());
  CHECK(*item == tree);
  auto parent = graph.get(tree->property("parent")->schema);
  REQUIRE(parent.ok());
  CHECK((*parent)->base == tree);
  CHECK((*parent)->read_only);

  auto loop = graph.get(pointer_resolve(in.doc->root(), "/Loop"), "/Loop");
  REQUIRE_FALSE(loop.ok());
  CHECK(loop.error().message.find("circular") != std::string::npos);
  auto dangling = graph.get(pointer_resolve(in.doc->root(), "/Dangling"), "/Dangling");
  REQUIRE_FALSE(dangling.ok());
  CHECK(dangling.error().line == 11);
}

TEST_CASE("keywords: items forms, required, additionalProperties, composition, discriminator", "[schema][model]") {
  Loaded in(R"(
tuple4: {type: array, items: [{type: string}, {type: integer}], additionalItems: false}
tuple2020: {type: array, prefixItems: [{type: string}], items: {type: integer}}
object:
  required: [id, id]
  additionalProperties: {type: string}
  properties:
    id: {type: integer}
poly:
  oneOf: [{$ref: '#/object'}, {type: string}]
  discriminator: {propertyName: kind, mapping: {a: '#/object'}}
swagger: {discriminator: petType}
flag: true
)");
  SchemaGraph graph(in.set, accord::diff::openapi_schema_vocabulary());
  const Schema* t4 = in.schema(graph, "/tuple4");
  CHECK(t4->prefix_items.size() == 2);
  REQUIRE(t4->items);
  auto rest = graph.get(t4->items);
  REQUIRE(rest.ok());
  CHECK((*rest)->accepts_nothing);
  const Schema* t2020 = in.schema(graph, "/tuple2020");
  CHECK(t2020->prefix_items.size() == 1);
  CHECK(t2020->items.pointer == "/tuple2020/items");
  const Schema* object = in.schema(graph, "/object");
  CHECK(object->types == type_object);  // implied by its object keywords
  CHECK(object->required.size() == 1);
  CHECK(object->additional == Schema::Additional::schema);
  const Schema* poly = in.schema(graph, "/poly");
  CHECK(poly->one_of.size() == 2);
  CHECK(poly->one_of[0].via_ref);
  CHECK(poly->types == 0);
  REQUIRE(poly->branch_tag);
  CHECK(poly->branch_tag->property_name == "kind");
  CHECK(poly->branch_tag->mapping.size() == 1);
  CHECK(in.schema(graph, "/swagger")->branch_tag->property_name == "petType");
  const Schema* flag = in.schema(graph, "/flag");
  CHECK(flag->boolean_schema);
  CHECK(flag->unconstrained());
}

TEST_CASE("plain JSON Schema reads no format keyword: nullable and discriminator are unknown keywords",
          "[schema][model]") {
  Loaded in(R"(
flagged: {type: string, nullable: true}
swagger: {type: string, x-nullable: true}
poly:
  oneOf: [{type: object}, {type: string}]
  discriminator: {propertyName: kind}
)");
  SchemaGraph plain(in.set);  // core's default: JSON Schema's vocabulary only
  CHECK_FALSE(in.schema(plain, "/flagged")->null_allowed);
  CHECK(in.schema(plain, "/flagged")->types == type_string);
  CHECK_FALSE(in.schema(plain, "/swagger")->null_allowed);
  CHECK_FALSE(in.schema(plain, "/poly")->branch_tag);
  SchemaGraph openapi(in.set, accord::diff::openapi_schema_vocabulary());
  CHECK(in.schema(openapi, "/flagged")->types == (type_string | type_null));
  REQUIRE(in.schema(openapi, "/poly")->branch_tag);
  CHECK(in.schema(openapi, "/poly")->branch_tag->property_name == "kind");
}
