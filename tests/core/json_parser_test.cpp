#include <catch2/catch.hpp>

#include <limits>

#include "core/integer.h"
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

TEST_CASE("JSON nodes remember line and column", "[json]") {
  auto doc = must_load("a.json", "{\n  \"paths\": {\n    \"/users/{id}\": {\"get\": 1}\n  }\n}");
  const Node* get = pointer_resolve(doc->root(), "/paths/~1users~1{id}/get");
  REQUIRE(get);
  CHECK(get->is_number());
  CHECK(get->text() == "1");
  CHECK(get->location().line == 3);
  CHECK(get->location().column == 28);
  CHECK(get->location().path() == "a.json");
}

TEST_CASE("JSON strings are unescaped, numbers keep their lexeme", "[json]") {
  auto doc = must_load("a.json", R"({"s": "a\"b\\c\u00e9\ud83d\ude00", "n": 1.50, "t": true, "z": null})");
  CHECK(doc->root()->get("s")->text() == "a\"b\\c\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(doc->root()->get("n")->text() == "1.50");
  CHECK(doc->root()->get("n")->as_number() == 1.5);
  CHECK(doc->root()->get("t")->as_bool());
  CHECK(doc->root()->get("z")->is_null());
}

TEST_CASE("long strings with escapes between runs, deep indentation", "[json]") {
  // Runs longer than the 16-byte scan step on both sides of each escape,
  // and indentation of more than 16 spaces before members and items.
  const std::string run(37, 'x');
  const std::string indent(40, ' ');
  const std::string text = "{\n" + indent + "\"s\": \"" + run + "\\n" + run + "\\\"" + run + "\\u00e9" + run +
                           "\",\n" + indent + "\"a\": [\n" + indent + "1,\n" + indent + "\t2]\n}";
  auto doc = must_load("a.json", text);
  CHECK(doc->root()->get("s")->text() == run + "\n" + run + "\"" + run + "\xC3\xA9" + run);
  const Node* a = doc->root()->get("a");
  REQUIRE(a);
  REQUIRE(a->size() == 2);
  CHECK(a->at(0)->location().line == 4);
  CHECK(a->at(0)->location().column == 41);
  CHECK(a->at(1)->location().line == 5);
  CHECK(a->at(1)->location().column == 42);
  // A control character after an escape is refused where it stands.
  auto bad = load_text("bad.json", "[\"" + run + "\\n" + run + "\t\"]");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().column == 2 + 1 + 37 + 2 + 37);
}

TEST_CASE("malformed JSON gives one message with file:line:col", "[json]") {
  auto doc = load_text("bad.json", "{\n  \"a\": 1,\n  \"b\" 2\n}");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().line == 3);
  CHECK(doc.error().column == 7);
  CHECK(doc.error().render() == "bad.json:3:7: expected ':' after member name");
}

TEST_CASE("truncated and hostile JSON never crashes", "[json]") {
  for (const char* text : {"{", "[1,", "\"abc", "{\"a\":tru}", "-", "01", "[1 2]", "{\"a\" : 1,}", "\"\\x\""}) {
    auto doc = load_text("bad.json", text);
    INFO(text);
    CHECK_FALSE(doc.ok());
    CHECK(doc.error().line >= 1);
  }
  std::string deep(100000, '[');
  auto doc = load_text("deep.json", deep);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().message.find("nesting") != std::string::npos);
}

TEST_CASE("duplicate keys: the last one wins", "[json]") {
  auto doc = must_load("d.json", R"({"a": 1, "b": 2, "a": 3})");
  CHECK(doc->root()->size() == 2);
  CHECK(doc->root()->get("a")->text() == "3");
  std::string big = "{";
  for (int i = 0; i < 20; ++i) big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  big += "\"k3\": 99}";
  auto doc2 = must_load("d2.json", big);
  CHECK(doc2->root()->size() == 20);
  CHECK(doc2->root()->get("k3")->text() == "99");
  CHECK(doc2->root()->get("k19")->text() == "19");
}

TEST_CASE("a UTF-8 byte order mark is skipped", "[json]") {
  auto doc = must_load("bom.json", "\xEF\xBB\xBF{\"a\": 1}");
  CHECK(doc->root()->get("a"));
}

TEST_CASE("structural equality ignores member order and number spelling", "[json]") {
  auto a = must_load("a.json", R"({"x": [1, {"p": 1.0, "q": "s"}], "y": null})");
  auto b = must_load("b.json", R"({"y": null, "x": [1, {"q": "s", "p": 1}]})");
  auto c = must_load("c.json", R"({"y": null, "x": [{"q": "s", "p": 1}, 1]})");
  CHECK(a->root()->equals(*b->root()));
  CHECK_FALSE(a->root()->equals(*c->root()));
}

TEST_CASE("JSON pointers escape and resolve", "[pointer]") {
  CHECK(pointer_append("/paths", "/users/{id}") == "/paths/~1users~1{id}");
  CHECK(pointer_append("", "a~b") == "/a~0b");
  auto doc = must_load("p.json", R"({"a": [10, {"b/c": {"d~e": 5}}], "%": 7})");
  CHECK(pointer_resolve(doc->root(), "/a/1/b~1c/d~0e")->text() == "5");
  CHECK(pointer_resolve(doc->root(), "#/a/0")->text() == "10");
  CHECK(pointer_resolve(doc->root(), "#/%25")->text() == "7");
  CHECK(pointer_resolve(doc->root(), "/a/7") == nullptr);
  CHECK(pointer_resolve(doc->root(), "/a/-1") == nullptr);
  CHECK(pointer_resolve(doc->root(), "") == doc->root());
}

TEST_CASE("whole_number reads a number as an integer type only when whole and in range", "[core][integer]") {
  auto number = [](const char* text) {
    auto doc = accord::core::load_text("n", text, accord::core::Syntax::json);
    REQUIRE(doc.ok());
    return std::move(*doc);
  };
  using accord::core::whole_number;
  CHECK(whole_number<size_t>(number("-1")->root()) == std::nullopt);
  CHECK(whole_number<size_t>(number("18446744073709551616")->root()) == std::nullopt);  // 2^64
  CHECK(whole_number<uint64_t>(number("9223372036854775808")->root()) == 9223372036854775808ull);  // 2^63
  CHECK(whole_number<long long>(number("-9223372036854775808")->root()) == std::numeric_limits<long long>::min());
  CHECK(whole_number<long long>(number("1e19")->root()) == std::nullopt);
  CHECK(whole_number<int>(number("2147483648")->root()) == std::nullopt);
  CHECK(whole_number<int>(number("-2147483648")->root()) == std::numeric_limits<int>::min());
  CHECK(whole_number<int>(number("7.5")->root()) == std::nullopt);
  CHECK(whole_number<int>(number("1e300")->root()) == std::nullopt);
  CHECK(whole_number<int>(number("\"7\"")->root()) == std::nullopt);  // a string is no number
}
