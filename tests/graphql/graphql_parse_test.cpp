// The SDL parser: every kind of definition with positions, extensions merged
// into their type, canonical default values, and invalid SDL refused with
// file:line:col (exit 2 from the CLI).
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "diff/engine.h"
#include "diff/graphql/parse.h"

using namespace accord;
using namespace accord::diff::graphql;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Schema parse_file(const std::string& path) {
  auto schema = parse_sdl(path, slurp(path));
  INFO((schema.ok() ? std::string() : schema.error().render()));
  REQUIRE(schema.ok());
  return std::move(*schema);
}

}  // namespace

TEST_CASE("the SDL parser reads every kind of definition with positions", "[graphql][parse]") {
  Schema s = parse_file("fixtures/graphql/parse/everything.graphql");
  CHECK(s.has_schema_definition);
  CHECK(s.roots.at("query").first == "Root");
  CHECK(s.roots.at("mutation").first == "Changes");
  CHECK(s.roots.count("subscription") == 0);

  const TypeDef* root = s.type("Root");
  REQUIRE(root);
  CHECK(root->description == "The root");
  CHECK(root->pos.line == 28);
  CHECK(root->interfaces == std::vector<std::string>{"Node", "Entity"});
  REQUIRE(root->fields.size() == 3);  // two of its own, one from `extend type`
  CHECK(root->fields[2].name == "when");
  CHECK(root->fields[2].pos.line == 34);
  CHECK(root->fields[2].pos.column == 3);
  CHECK(*root->fields[2].directives[0].arg("reason") == "\"use now\"");
  CHECK(root->fields[1].args[1].default_value == "{depth: 2, tags: [A, B]}");
  CHECK(root->fields[1].type.text() == "Node");
  CHECK(root->fields[1].args[0].type.text() == "ID!");

  const TypeDef* named = s.type("Named");
  REQUIRE(named);
  CHECK(named->kind == Kind::interface);
  CHECK(named->fields[1].args[1].type.text() == "[String!]");
  CHECK(named->fields[1].args[1].default_value == "[\"en\", \"de\"]");

  const TypeDef* result = s.type("Result");
  REQUIRE(result);
  REQUIRE(result->members.size() == 3);
  CHECK(result->members[2].first == "Other");

  const TypeDef* tag = s.type("Tag");
  REQUIRE(tag);
  REQUIRE(tag->values.size() == 3);
  CHECK(tag->values[1].directives[0].name == "deprecated");

  const TypeDef* opts = s.type("Opts");
  REQUIRE(opts);
  REQUIRE(opts->input_fields.size() == 4);
  CHECK(opts->input_fields[0].default_value == "-1");
  CHECK(opts->input_fields[2].default_value == "1.5e3");

  REQUIRE(s.directives.size() == 1);
  CHECK(s.directives[0].repeatable);
  CHECK(s.directives[0].description == "Links a schema to a spec.");
  CHECK(s.directives[0].locations == std::vector<std::string>{"SCHEMA", "OBJECT"});
  CHECK(s.directives[0].args[1].description == "import list");
  CHECK(s.type("DateTime")->kind == Kind::scalar);
}

TEST_CASE("invalid SDL is unusable input naming file:line:col", "[graphql][parse]") {
  struct Case {
    const char* file;
    const char* rendered;
  } cases[] = {
      {"field-twice", ":4:3: field Query.a is defined twice"},
      {"unknown-type", ":2:9: unknown type \"User\" (Query.user)"},
      {"unknown-directive", ":2:10: unknown directive \"@cached\""},
      {"type-twice", ":5:6: type Query is defined twice"},
      {"unterminated", ":4:1: expected a name, found the end of the file"},
      {"extend-unknown", ":5:13: extend type Mutation: no such type"},
      {"operation", ":1:1: an operation is not part of a schema (SDL)"},
      {"bad-string", ":2:17: unterminated string"},
      {"directive-argument-missing", ":4:10: @cache needs its required argument \"ttl\""},
  };
  for (const Case& c : cases) {
    std::string path = std::string("fixtures/graphql/errors/") + c.file + ".graphql";
    INFO(path);
    auto findings = diff::compare_contracts({"fixtures/graphql/rules/type-added/old.graphql", std::nullopt},
                                            {path, std::nullopt}, {});
    REQUIRE_FALSE(findings.ok());
    CHECK(findings.error().render() == path + c.rendered);
  }
}

TEST_CASE("GraphQL from memory (--against git:REF) names the path it was given", "[graphql][parse]") {
  std::string old_text = "type Query {\n  a: Int\n  b: Int\n}\n";
  auto findings = diff::compare_contracts({"git:main/schema.graphql", old_text},
                                          {"fixtures/graphql/rules/type-added/old.graphql", std::nullopt}, {});
  REQUIRE(findings.ok());
  bool removed_a = false;
  for (const diff::Finding& f : *findings)
    if (f.rule == "graphql.field-removed" && f.arg("name") == "a") {
      removed_a = true;
      CHECK(f.old_place->file == "git:main/schema.graphql");
      CHECK(f.old_place->line == 2);
    }
  CHECK(removed_a);
}
