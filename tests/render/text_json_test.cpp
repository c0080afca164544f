#include <catch2/catch.hpp>

#include "core/loader.h"
#include "diff/render/render.h"
#include "sample_findings.h"

using namespace accord;

TEST_CASE("text: one compiler-style line per finding, old side as a note, summary", "[render][text]") {
  auto findings = test::sample_findings();
  diff::RenderContext ctx;
  std::string out = diff::render_text(findings, ctx);
  CHECK(out.find("new.yaml:120:9: error: response property 'email' was removed (GET /users/{id}) "
                 "[openapi.response-property-removed]\n  old.yaml:98:11: note: in the old version\n") !=
        std::string::npos);
  // Only the old side known: the line points there, no note.
  CHECK(out.find("old.yaml:140:5: error: operation was removed (DELETE /users/{id}) [openapi.operation-removed]\n") !=
        std::string::npos);
  // The closing line: changes by severity and the operations they affect.
  CHECK(out.find("\n5 changes (2 errors, 1 warning, 2 info) affecting 3 operations\n") != std::string::npos);
}

TEST_CASE("text: --max-findings shows the first N and still counts all", "[render][text]") {
  auto findings = test::sample_findings();
  diff::RenderContext ctx;
  ctx.max_findings = 2;
  std::string out = diff::render_text(findings, ctx);
  CHECK(out.find("operation was removed") != std::string::npos);
  CHECK(out.find("limit") == std::string::npos);  // the third finding is not shown
  CHECK(out.find("... 3 more not shown") != std::string::npos);
  CHECK(out.find("5 changes (2 errors, 1 warning, 2 info)") != std::string::npos);
  ctx.max_findings = 5;
  CHECK(diff::render_text(findings, ctx).find("more not shown") == std::string::npos);
}

TEST_CASE("gitlab: Code Quality issues, severity agreeing with the gate", "[render][gitlab]") {
  auto findings = test::sample_findings();
  diff::RenderContext ctx;
  ctx.new_path = "new.yaml";
  auto doc = core::load_text("out.json", diff::render_gitlab(findings, ctx), core::Syntax::json);
  REQUIRE(doc);
  const core::Node* issues = (*doc)->root();
  REQUIRE(issues->is_array());
  REQUIRE(issues->size() == findings.size());
  const core::Node* first = issues->at(0);
  CHECK(first->get_text("check_name") == "openapi.response-property-removed");
  CHECK(first->get_text("description") == "response property 'email' was removed (GET /users/{id})");
  CHECK(first->get_text("fingerprint") == findings[0].fingerprint);
  CHECK(first->get_text("severity") == "critical");
  CHECK(first->get("location")->get_text("path") == "new.yaml");
  CHECK(first->get("location")->get("lines")->get("begin")->as_number() == 120);
  CHECK(issues->at(2)->get_text("severity") == "minor");  // a warning below the gate
  CHECK(issues->at(3)->get_text("severity") == "info");
  ctx.fail_on = diff::Severity::warning;
  auto gated = core::load_text("out.json", diff::render_gitlab(findings, ctx), core::Syntax::json);
  CHECK((*gated)->root()->at(2)->get_text("severity") == "major");
  CHECK(diff::render_gitlab({}, ctx) == "[]\n");
}

TEST_CASE("text: empty result says so per command, notes are printed", "[render][text]") {
  diff::RenderContext ctx;
  ctx.notes = {"ignore of x expired on 2026-01-01"};
  CHECK(diff::render_text({}, ctx) == "note: ignore of x expired on 2026-01-01\nno breaking changes\n");
  ctx.command = "diff";
  ctx.notes.clear();
  CHECK(diff::render_text({}, ctx) == "no changes\n");
}

TEST_CASE("json: parses back with every field and the summary", "[render][json]") {
  auto findings = test::sample_findings();
  diff::RenderContext ctx;
  ctx.notes = {"a \"quoted\" note"};
  auto doc = core::load_text("out.json", diff::render_json(findings, ctx), core::Syntax::json);
  REQUIRE(doc);
  const core::Node* root = (*doc)->root();
  const core::Node* list = root->get("findings");
  REQUIRE(list);
  REQUIRE(list->size() == findings.size());
  const core::Node* first = list->at(0);
  CHECK(first->get_text("rule") == "openapi.response-property-removed");
  CHECK(first->get_text("severity") == "error");
  CHECK(first->get_text("operation") == "GET /users/{id}");
  CHECK(first->get("new")->get_text("file") == "new.yaml");
  CHECK(first->get("new")->get("line")->as_number() == 120);
  CHECK(first->get("old")->get_text("pointer") == "/paths/~1users~1{id}/get/responses/200");
  CHECK(first->get_text("fingerprint") == findings[0].fingerprint);
  CHECK(list->at(1)->get("new")->is_null());
  CHECK(root->get("summary")->get("error")->as_number() == 2);
  CHECK(root->get("summary")->get("warning")->as_number() == 1);
  CHECK(root->get("summary")->get("info")->as_number() == 2);
  CHECK(root->get("notes")->at(0)->text() == "a \"quoted\" note");
}

TEST_CASE("format names parse, unknown ones do not", "[render]") {
  CHECK(diff::parse_output_format("sarif") == diff::OutputFormat::sarif);
  CHECK(diff::parse_output_format("github-actions") == diff::OutputFormat::github_actions);
  CHECK(diff::parse_output_format("junit") == diff::OutputFormat::junit);
  CHECK(diff::parse_output_format("gitlab") == diff::OutputFormat::gitlab);
  CHECK(!diff::parse_output_format("html"));
}
