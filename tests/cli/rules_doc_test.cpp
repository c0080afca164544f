// The rule reference is generated from the rule tables when accord is linked
// (cli/CMakeLists.txt, scripts/rules-doc.cmake) into build/docs/rules.md, never
// committed: this fails when the build did not write it or it lags the tables.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_support.h"
#include "test_paths.h"

using namespace accord;

TEST_CASE("build/docs/rules.md is `accord rules --format markdown` of this build", "[cli][rules]") {
  auto generated = test::run_accord({"rules", "--format", "markdown"});
  REQUIRE(generated.exit_code == 0);
  const auto doc = std::filesystem::path(ACCORD_BINARY).parent_path() / "docs" / "rules.md";
  REQUIRE(std::filesystem::is_regular_file(doc));
  CHECK(test::read_text(doc.string()) == generated.out);
}

TEST_CASE("accord rules lists every rule in each format", "[cli][rules]") {
  auto text = test::run_accord({"rules"});
  auto json = test::run_accord({"rules", "--format", "json"});
  auto md = test::run_accord({"rules", "--format", "markdown"});
  REQUIRE(text.exit_code == 0);
  REQUIRE(json.exit_code == 0);
  REQUIRE(md.exit_code == 0);
  // The same count everywhere: "N rules" closes text and markdown, JSON has N ids.
  size_t ids = 0;
  for (size_t p = json.out.find("\"id\":"); p != std::string::npos; p = json.out.find("\"id\":", p + 1)) ++ids;
  const std::string count = std::to_string(ids);
  const std::string text_end = count + " rules\n", markdown_end = "\n" + count + " rules.\n";
  CHECK(text.out.find(text_end) != std::string::npos);
  CHECK(md.out.find(markdown_end) != std::string::npos);
  auto bad = test::run_accord({"rules", "--format", "html"});
  CHECK(bad.exit_code == 2);
}
