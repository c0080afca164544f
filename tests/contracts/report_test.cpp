// Renderers for interaction results: every format carries the verdicts and
// mismatches, and redaction removes secrets from all of them.
#include <catch2/catch.hpp>

#include "contracts/verify/report.h"
#include "core/loader.h"

using namespace accord::contracts::verify;

namespace {

std::vector<InteractionResult> sample() {
  InteractionResult pass;
  pass.consumer = "web";
  pass.provider = "api";
  pass.description = "get a user";
  InteractionResult fail = pass;
  fail.description = "get a <broken> user";
  fail.outcome = Outcome::fail;
  fail.mismatches.push_back({"$.body.name", "\"Mary\"", "\"token-XYZ\"", "expected \"Mary\" but got \"token-XYZ\""});
  InteractionResult pending = pass;
  pending.description = "count users";
  pending.pending = true;
  pending.outcome = Outcome::pending_fail;
  pending.mismatches.push_back({"status", "200", "404", "expected status 200 but got 404"});
  return {pass, fail, pending};
}

}  // namespace

TEST_CASE("report: text lists verdicts and each mismatch with path, expected and actual", "[report]") {
  std::string text = render_report(sample(), ReportFormat::text);
  CHECK(text.find("PASS  get a user") != std::string::npos);
  CHECK(text.find("FAIL  get a <broken> user") != std::string::npos);
  CHECK(text.find("FAIL (pending)  count users") != std::string::npos);
  CHECK(text.find("$.body.name: expected \"Mary\"") != std::string::npos);
  CHECK(text.find("3 interaction(s): 1 passed, 1 failed, 1 pending failure(s)") != std::string::npos);
}

TEST_CASE("report: JSON, JUnit and Markdown are well formed", "[report]") {
  auto json = accord::core::load_text("r.json", render_report(sample(), ReportFormat::json), accord::core::Syntax::json);
  REQUIRE(json.ok());
  CHECK((*json)->root()->get("summary")->get_text("fail") == "1");
  CHECK((*json)->root()->get("interactions")->at(2)->get_text("status") == "pending-fail");

  std::string junit = render_report(sample(), ReportFormat::junit);
  CHECK(junit.find("tests=\"3\" failures=\"1\"") != std::string::npos);
  CHECK(junit.find("get a &lt;broken&gt; user") != std::string::npos);
  CHECK(junit.find("<skipped") != std::string::npos);

  std::string md = render_report(sample(), ReportFormat::markdown);
  // Escaped, so a Markdown viewer shows the text instead of taking <broken> for an HTML tag.
  CHECK(md.find("| **FAIL** | web | get a \\<broken\\> user |") != std::string::npos);
  CHECK(md.find("`$.body.name`") != std::string::npos);
}

TEST_CASE("report: redaction removes secrets from every field", "[report]") {
  auto results = sample();
  redact(results, {"token-XYZ"});
  for (auto format : {ReportFormat::text, ReportFormat::json, ReportFormat::junit, ReportFormat::markdown}) {
    std::string out = render_report(results, format);
    CHECK(out.find("token-XYZ") == std::string::npos);
    CHECK(out.find("***") != std::string::npos);
  }
}

TEST_CASE("report: bytes that are not UTF-8 never make a report invalid", "[report]") {
  auto results = sample();
  results[1].mismatches[0].actual = std::string("\xff\xd8\xff\xe0 \xc3\x28 \xed\xa0\x80 ok \xe2\x82\xac");
  results[1].description = std::string("cut \xe2\x82", 6);
  auto json = accord::core::load_text("r.json", render_report(results, ReportFormat::json), accord::core::Syntax::json);
  REQUIRE(json.ok());  // the JSON parser refuses invalid UTF-8
  std::string actual(json.value()->root()->get("interactions")->at(1)->get("mismatches")->at(0)->get_text("actual"));
  CHECK(actual.find("ok \xe2\x82\xac") != std::string::npos);  // valid sequences are kept
  CHECK(actual.find("\xef\xbf\xbd") != std::string::npos);     // the others become U+FFFD
  CHECK(valid_utf8("\xc3\x28") == "\xef\xbf\xbd(");
  std::string junit = render_report(results, ReportFormat::junit);
  CHECK(valid_utf8(junit) == junit);
}

TEST_CASE("report: skipped interactions are listed and counted, never passed", "[report]") {
  auto results = sample();
  InteractionResult skipped = results[0];
  skipped.description = "grpc call";
  skipped.outcome = Outcome::skipped;
  skipped.mismatches.push_back({"interaction", "", "", "not verified: needs the Pact plugin(s) protobuf"});
  results.push_back(skipped);
  CHECK(summarise(results).skipped == 1);
  CHECK(summarise(results).pass == 1);
  std::string text = render_report(results, ReportFormat::text);
  CHECK(text.find("SKIPPED  grpc call") != std::string::npos);
  CHECK(text.find(", 1 skipped (not verified)") != std::string::npos);
  auto json = accord::core::load_text("r.json", render_report(results, ReportFormat::json), accord::core::Syntax::json);
  REQUIRE(json.ok());
  CHECK((*json)->root()->get("summary")->get_text("skipped") == "1");
  CHECK((*json)->root()->get("interactions")->at(3)->get_text("status") == "skipped");
}
