#include <catch2/catch.hpp>

#include "core/json_pointer.h"
#include "core/loader.h"

using namespace accord::core;

namespace {
std::unique_ptr<Document> must_load(const std::string& name, const std::string& text) {
  auto doc = load_text(name, text);
  INFO((doc ? std::string() : doc.error().render()));
  REQUIRE(doc.ok());
  return std::move(*doc);
}
}  // namespace

TEST_CASE("YAML 1.2 core schema: on/off/yes stay strings", "[yaml]") {
  auto doc = must_load("a.yaml", "a: on\nb: off\nc: yes\nd: true\ne: 12\nf: '12'\ng: ~\nh: 1.5e3\ni: 0x1F\nj: .5\n");
  const Node* r = doc->root();
  CHECK(r->get("a")->is_string());
  CHECK(r->get("a")->text() == "on");
  CHECK(r->get("b")->is_string());
  CHECK(r->get("c")->is_string());
  CHECK(r->get("d")->is_bool());
  CHECK(r->get("e")->is_number());
  CHECK(r->get("f")->is_string());
  CHECK(r->get("g")->is_null());
  CHECK(r->get("h")->as_number() == 1500);
  CHECK(r->get("i")->text() == "31");
  CHECK(r->get("j")->text() == "0.5");
}

TEST_CASE("YAML keys are never typed", "[yaml]") {
  auto doc = must_load("a.yaml", "responses:\n  200:\n    description: ok\n  on: 1\n");
  CHECK(pointer_resolve(doc->root(), "/responses/200/description")->text() == "ok");
  CHECK(pointer_resolve(doc->root(), "/responses/on"));
}

TEST_CASE("YAML positions are 1-based", "[yaml]") {
  auto doc = must_load("a.yaml", "info:\n  title: x\npaths:\n  /a:\n    get:\n      summary: s\n");
  const Node* s = pointer_resolve(doc->root(), "/paths/~1a/get/summary");
  REQUIRE(s);
  CHECK(s->location().line == 6);
  CHECK(s->location().column == 16);
}

TEST_CASE("YAML anchors, aliases and merge keys", "[yaml]") {
  auto doc = must_load("a.yaml",
                       "base: &b {type: string, maxLength: 3}\n"
                       "copy: *b\n"
                       "merged:\n  <<: *b\n  maxLength: 9\n");
  CHECK(doc->root()->get("copy")->equals(*doc->root()->get("base")));
  CHECK(pointer_resolve(doc->root(), "/merged/maxLength")->text() == "9");
  CHECK(pointer_resolve(doc->root(), "/merged/type")->text() == "string");
}

TEST_CASE("a YAML alias bomb is an error, not an OOM", "[yaml]") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", " : "") + "*" + prev;
    bomb += "]\n";
    prev = c;
  }
  auto doc = load_text("bomb.yaml", bomb);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().message.find("alias") != std::string::npos);
  CHECK(doc.error().line >= 1);
}

TEST_CASE("malformed YAML gives file:line:col", "[yaml]") {
  auto doc = load_text("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().file == "bad.yaml");
  CHECK(doc.error().line >= 2);
  auto tab = load_text("bad2.yaml", "a:\n  b: 1\n c: 2\n");
  CHECK_FALSE(tab.ok());
}

TEST_CASE("JSON and YAML of the same data are equal", "[yaml]") {
  auto j = must_load("a.json", R"({"a": [1, "two", true, null], "b": {"c": 1.5}})");
  auto y = must_load("a.yaml", "b:\n  c: 1.5\na:\n  - 1\n  - two\n  - true\n  - null\n");
  CHECK(j->root()->equals(*y->root()));
}

TEST_CASE("deeply nested YAML is refused, not a stack overflow", "[yaml]") {
  std::string deep(5000, '[');
  auto doc = load_text("deep.yaml", deep);
  REQUIRE_FALSE(doc.ok());
  std::string nested;
  for (int i = 0; i < 600; ++i) nested += std::string(static_cast<size_t>(i) * 2, ' ') + "k:\n";
  auto doc2 = load_text("nested.yaml", nested);
  REQUIRE_FALSE(doc2.ok());
  CHECK(doc2.error().message.find("nesting") != std::string::npos);
  CHECK(doc2.error().line == 513);
}

TEST_CASE("an alias to an unknown anchor names its position", "[yaml]") {
  auto doc = load_text("a.yaml", "a: 1\nb: *nowhere\n");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().line == 2);
  CHECK(doc.error().column == 4);
}

TEST_CASE("quoted and tagged scalars keep their type", "[yaml]") {
  auto doc = must_load("a.yaml", "a: \"true\"\nb: !!str 12\nc: !!int \"7\"\nd: 'null'\n");
  CHECK(doc->root()->get("a")->is_string());
  CHECK(doc->root()->get("b")->is_string());
  CHECK(doc->root()->get("c")->is_number());
  CHECK(doc->root()->get("d")->is_string());
}
