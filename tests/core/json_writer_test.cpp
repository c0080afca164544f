#include <catch2/catch.hpp>

#include "core/json_writer.h"
#include "core/loader.h"

using namespace accord::core;

TEST_CASE("JsonWriter output parses back", "[writer]") {
  JsonWriter w;
  w.begin_object();
  w.key("s").value("a\"b\n\x01");
  w.key("n").value(int64_t{-3});
  w.key("arr").begin_array().value(true).null().begin_object().end_object().end_array();
  w.key("empty").begin_array().end_array();
  w.end_object();
  auto doc = load_text("w.json", w.str());
  INFO(w.str());
  REQUIRE(doc.ok());
  CHECK((*doc)->root()->get("s")->text() == "a\"b\n\x01");
  CHECK((*doc)->root()->get("arr")->size() == 3);
  CHECK((*doc)->root()->get("empty")->size() == 0);
}

TEST_CASE("json_escape escapes only what JSON needs, in long runs too", "[writer]") {
  const std::string run(23, 'y');
  CHECK(json_escape(run + "\"" + run + "\\" + run + "\n\x1f" + run + "\xC3\xA9") ==
        run + "\\\"" + run + "\\\\" + run + "\\n\\u001f" + run + "\xC3\xA9");
  CHECK(json_escape("") == "");
  CHECK(json_escape("\t") == "\\t");
}

TEST_CASE("xml_escape escapes markup", "[writer]") {
  CHECK(xml_escape("<a & 'b'>") == "&lt;a &amp; &apos;b&apos;&gt;");
}
