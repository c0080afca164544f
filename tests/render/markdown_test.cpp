#include <catch2/catch.hpp>

#include "diff/render/render.h"
#include "sample_findings.h"

using namespace accord;

namespace {
size_t at(const std::string& s, std::string_view needle) {
  size_t p = s.find(needle);
  INFO("looking for: " << needle << "\nin:\n" << s);
  REQUIRE(p != std::string::npos);
  return p;
}
}  // namespace

TEST_CASE("markdown: grouped by severity, then operation", "[render][markdown]") {
  auto findings = test::sample_findings();
  diff::RenderContext ctx;
  ctx.command = "diff";
  ctx.old_path = "old.yaml";
  ctx.new_path = "new.yaml";
  std::string md = diff::render_markdown(findings, ctx);
  CHECK(md.find("**2 errors, 1 warning, 2 info**") != std::string::npos);
  size_t errors = at(md, "### Breaking changes (error)");
  size_t warnings = at(md, "### Possibly breaking (warning)");
  size_t infos = at(md, "### Other changes (info)");
  CHECK(errors < warnings);
  CHECK(warnings < infos);
  // Operations are sorted inside a severity: DELETE before GET.
  size_t del = at(md, "#### `DELETE /users/{id}`");
  size_t get = at(md, "#### `GET /users/{id}`");
  CHECK(errors < del);
  CHECK(del < get);
  CHECK(get < warnings);
  // The GET operation appears again under warnings, with its own finding.
  size_t get_warning = md.find("#### `GET /users/{id}`", warnings);
  REQUIRE(get_warning != std::string::npos);
  CHECK(md.find("query parameter 'limit' became required", get_warning) < infos);
  // Findings without an operation come last in their severity.
  size_t general = at(md, "#### Not tied to an operation");
  CHECK(general > at(md, "#### `POST /users`"));
  CHECK(md.find("- operation was removed `openapi.operation-removed` at `old.yaml:140:5`") != std::string::npos);
}

TEST_CASE("markdown: messages cannot inject markup, code spans survive backticks", "[render][markdown]") {
  auto f = test::finding("openapi.x", diff::Severity::error, "property '*a*' <b> | [link](x)", "GET /a`b", std::nullopt,
                         test::place("n.yaml", 1, 1, ""));
  std::string md = diff::render_markdown({f}, {});
  CHECK(md.find("property '\\*a\\*' \\<b\\> \\| \\[link\\](x)") != std::string::npos);
  CHECK(md.find("#### ``GET /a`b``") != std::string::npos);
}

TEST_CASE("markdown: nothing to report, and notes", "[render][markdown]") {
  diff::RenderContext ctx;
  ctx.notes = {"ignore of openapi.x expired on 2026-01-01"};
  std::string md = diff::render_markdown({}, ctx);
  CHECK(md.find("No breaking changes.") != std::string::npos);
  CHECK(md.find("### Notes\n\n- ignore of openapi.x expired on 2026-01-01") != std::string::npos);
  CHECK(md.find("###", 0) == md.find("### Notes"));
}
