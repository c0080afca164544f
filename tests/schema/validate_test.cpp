// Instance validation against OpenAPI 3.0 and 3.1 / 2020-12 schemas.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/json_pointer.h"
#include "core/loader.h"
#include "core/schema_validate.h"
#include "diff/openapi/schema_profile.h"

using namespace accord::core;

namespace {

struct Case {
  DocumentSet set;
  const Document* schema_doc = nullptr;
  std::vector<std::unique_ptr<Document>> instances;
  explicit Case(const char* schema_yaml) {
    auto parsed = load_text("schema.yaml", schema_yaml);
    REQUIRE(parsed.ok());
    schema_doc = set.adopt(std::move(*parsed));
  }
  // "instance pointer | schema pointer | message" lines for `json` against the schema at `pointer`.
  std::vector<std::string> check(const char* json, const std::string& pointer = "",
                                 ValidateOptions options = {}) {
    auto instance = load_text("instance.json", json, Syntax::json);
    REQUIRE(instance.ok());
    instances.push_back(std::move(*instance));
    SchemaGraph graph(set, accord::diff::openapi_schema_vocabulary());
    auto errors = validate_instance(graph, pointer_resolve(schema_doc->root(), pointer), pointer,
                                    instances.back()->root(), options);
    REQUIRE(errors.ok());
    std::vector<std::string> out;
    for (const ValidationError& e : *errors) out.push_back(e.instance_pointer + " | " + e.schema_pointer + " | " + e.message);
    std::sort(out.begin(), out.end());
    return out;
  }
};

using Lines = std::vector<std::string>;
Lines sorted(Lines lines) {
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("types, nullable (3.0) and type arrays (3.1)", "[schema][validate]") {
  Case c(R"(
count: {type: integer}
name30: {type: string, nullable: true}
name31: {type: [string, 'null']}
strict: {type: string}
)");
  CHECK(c.check("3", "/count").empty());
  CHECK(c.check("3.0", "/count").empty());  // 2020-12: an integral number is an integer
  CHECK(c.check("3.5", "/count") == Lines{" | /count/type | expected integer, got number"});
  CHECK(c.check("null", "/name30").empty());
  CHECK(c.check("null", "/name31").empty());
  CHECK(c.check("null", "/strict") == Lines{" | /strict/type | expected string, got null"});
}

TEST_CASE("objects: required, additionalProperties, readOnly/writeOnly by direction", "[schema][validate]") {
  Case c(R"(
User:
  type: object
  additionalProperties: false
  required: [id, name, password]
  properties:
    id: {type: integer, readOnly: true}
    name: {type: string, minLength: 2, maxLength: 5}
    password: {type: string, writeOnly: true}
    tags: {type: array, items: {type: string}, uniqueItems: true, maxItems: 2}
)");
  CHECK(c.check(R"({"id": 1, "name": "ann", "password": "x"})", "/User").empty());
  CHECK(c.check(R"({"name": "a", "extra": true, "tags": ["x", "x", 3]})", "/User") ==
        sorted({" | /User/required | missing required property 'id'",
              " | /User/required | missing required property 'password'",
              "/name | /User/properties/name/minLength | shorter than 2 characters",
              "/tags/2 | /User/properties/tags/items/type | expected string, got number",
              "/tags | /User/properties/tags/maxItems | more than 2 items",
              "/tags | /User/properties/tags/uniqueItems | items 0 and 1 are equal",
              "/extra | /User/additionalProperties | property 'extra' is not allowed"}));
  ValidateOptions request;
  request.direction = ValidateOptions::Direction::request;
  CHECK(c.check(R"({"name": "ann", "password": "x"})", "/User", request).empty());
  ValidateOptions response;
  response.direction = ValidateOptions::Direction::response;
  CHECK(c.check(R"({"id": 1, "name": "ann"})", "/User", response).empty());
  CHECK(c.check(R"({"id": 1, "name": "ann"})", "/User", request) ==
        Lines{" | /User/required | missing required property 'password'"});
  // Lengths count characters, not bytes.
  CHECK(c.check(R"({"id": 1, "name": "ééééé", "password": "x"})", "/User").empty());
}

TEST_CASE("numbers: draft-04 and 2020-12 exclusive limits, multipleOf, int32/int64", "[schema][validate]") {
  Case c(R"(
d4: {type: number, maximum: 10, exclusiveMaximum: true}
n2020: {type: number, exclusiveMinimum: 0, multipleOf: 0.5}
i32: {type: integer, format: int32}
i64: {type: integer, format: int64}
)");
  CHECK(c.check("9.9", "/d4").empty());
  CHECK(c.check("10", "/d4") == Lines{" | /d4/maximum | must be less than 10"});
  CHECK(c.check("0", "/n2020") == Lines{" | /n2020/exclusiveMinimum | must be greater than 0"});
  CHECK(c.check("1.5", "/n2020").empty());
  CHECK(c.check("1.2", "/n2020") == Lines{" | /n2020/multipleOf | must be a multiple of 0.5"});
  CHECK(c.check("2147483647", "/i32").empty());
  CHECK(c.check("2147483648", "/i32") == Lines{" | /i32/format | not a valid int32"});
  CHECK(c.check("9223372036854775807", "/i64").empty());
  CHECK(c.check("9223372036854775808", "/i64") == Lines{" | /i64/format | not a valid int64"});
}

TEST_CASE("string formats", "[schema][validate]") {
  CHECK(string_matches_format("date", "2024-02-29"));
  CHECK_FALSE(string_matches_format("date", "2023-02-29"));
  CHECK_FALSE(string_matches_format("date", "2023-13-01"));
  CHECK(string_matches_format("date-time", "2024-05-01T12:30:00Z"));
  CHECK(string_matches_format("date-time", "2024-05-01t12:30:00.123+02:00"));
  CHECK_FALSE(string_matches_format("date-time", "2024-05-01 12:30:00Z"));
  CHECK_FALSE(string_matches_format("date-time", "2024-05-01T25:30:00Z"));
  CHECK(string_matches_format("email", "ann.lee+tag@example.co.uk"));
  CHECK_FALSE(string_matches_format("email", "ann@@example.com"));
  CHECK_FALSE(string_matches_format("email", "ann lee@example.com"));
  CHECK_FALSE(string_matches_format("email", "@example.com"));
  CHECK(string_matches_format("uuid", "123e4567-e89b-12d3-a456-426614174000"));
  CHECK_FALSE(string_matches_format("uuid", "123e4567e89b12d3a456426614174000"));
  CHECK(string_matches_format("uri", "https://example.com/a?b=c#d"));
  CHECK(string_matches_format("uri", "urn:isbn:0451450523"));
  CHECK_FALSE(string_matches_format("uri", "/relative/path"));
  CHECK_FALSE(string_matches_format("uri", "http://exa mple.com"));
  CHECK(string_matches_format("x-unknown", "anything"));
  Case c("{type: string, format: uuid, pattern: '^[0-9a-f-]+$'}");
  CHECK(c.check(R"("123E4567-E89B-12D3-A456-426614174000")") == Lines{" | /pattern | does not match pattern '^[0-9a-f-]+$'"});
  ValidateOptions no_formats;
  no_formats.check_formats = false;
  CHECK(c.check(R"("abc")", "", no_formats).empty());
  CHECK(c.check(R"("abc")") == Lines{" | /format | not a valid uuid"});
}

TEST_CASE("composition, discriminator, $ref siblings and recursion", "[schema][validate]") {
  Case c(R"(
Pet:
  oneOf: [{$ref: '#/Cat'}, {$ref: '#/Dog'}]
  discriminator: {propertyName: kind}
Cat: {type: object, required: [kind, lives], properties: {kind: {const: Cat}, lives: {type: integer}}}
Dog: {type: object, required: [kind], properties: {kind: {const: Dog}, good: {type: boolean}}}
Either: {anyOf: [{type: string}, {type: integer}]}
One: {oneOf: [{type: number}, {type: integer}]}
Not: {not: {type: string}}
Short: {$ref: '#/Name', maxLength: 3}
Name: {type: string}
Tree: {type: object, properties: {kids: {type: array, items: {$ref: '#/Tree'}}, v: {type: integer}}}
Self: {allOf: [{$ref: '#/Self'}]}
Tuple: {type: array, prefixItems: [{type: string}], items: false}
)");
  CHECK(c.check(R"({"kind": "Cat", "lives": 9})", "/Pet").empty());
  CHECK(c.check(R"({"kind": "Cat"})", "/Pet") == Lines{" | /Cat/required | missing required property 'lives'"});
  CHECK(c.check(R"({"kind": "Dog", "good": "yes"})", "/Pet") ==
        Lines{"/good | /Dog/properties/good/type | expected boolean, got string"});
  CHECK(c.check("true", "/Either") == Lines{" | /Either/anyOf | matches none of the anyOf schemas"});
  CHECK(c.check("1", "/One") == Lines{" | /One/oneOf | matches more than one oneOf schema (0 and 1)"});
  CHECK(c.check("1.5", "/One").empty());
  CHECK(c.check(R"("x")", "/Not") == Lines{" | /Not/not | matches a schema it must not match"});
  CHECK(c.check(R"("abcd")", "/Short") == Lines{" | /Short/maxLength | longer than 3 characters"});
  CHECK(c.check(R"(5)", "/Short") == Lines{" | /Name/type | expected string, got number"});
  CHECK(c.check(R"({"kids": [{"kids": [{"v": "x"}]}]})", "/Tree") ==
        Lines{"/kids/0/kids/0/v | /Tree/properties/v/type | expected integer, got string"});
  CHECK(c.check("{}", "/Self").empty());
  CHECK(c.check(R"(["a"])", "/Tuple").empty());
  CHECK(c.check(R"(["a", 1])", "/Tuple") == Lines{"/1 | /Tuple/items | no value is allowed here"});
}

TEST_CASE("an unusable schema is an error, not a crash", "[schema][validate]") {
  DocumentSet set;
  auto parsed = load_text("schema.yaml", "{type: string, pattern: '(unclosed'}\n");
  REQUIRE(parsed.ok());
  const Document* doc = set.adopt(std::move(*parsed));
  auto instance = load_text("i.json", "\"x\"", Syntax::json);
  REQUIRE(instance.ok());
  SchemaGraph graph(set, accord::diff::openapi_schema_vocabulary());
  auto result = validate_instance(graph, doc->root(), "", (*instance)->root());
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message.find("not a valid regular expression") != std::string::npos);
  CHECK(result.error().line == 1);
}
