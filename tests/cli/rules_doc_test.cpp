// docs/rules.md is generated from the rule registry; this fails when the
// checked-in copy no longer matches, and says how to regenerate it.
#include <catch2/catch.hpp>

#include "cli_support.h"
#include "test_paths.h"

using namespace accord;

TEST_CASE("docs/rules.md matches `accord rules --format markdown`", "[cli][rules]") {
  auto generated = test::run_accord({"rules", "--format", "markdown"});
  REQUIRE(generated.exit_code == 0);
  const std::string checked_in = test::read_text(std::string(ACCORD_SOURCE_DIR) + "/docs/rules.md");
  if (checked_in == generated.out) return;
  // Name the first line that differs rather than dumping both documents.
  size_t line = 1, i = 0;
  while (i < checked_in.size() && i < generated.out.size() && checked_in[i] == generated.out[i])
    if (checked_in[i++] == '\n') ++line;
  FAIL("docs/rules.md is stale (first difference on line " << line
                                                           << "); regenerate it from the project root with:\n  "
                                                           << ACCORD_BINARY << " rules --format markdown > docs/rules.md");
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
