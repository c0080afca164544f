#include <catch2/catch.hpp>

#include "diff/render/render.h"
#include "sample_findings.h"

using namespace accord;

TEST_CASE("github-actions: one workflow command per finding", "[render][github]") {
  auto findings = test::sample_findings();
  std::string out = diff::render_github_actions(findings, {});
  CHECK(out.find("::error file=new.yaml,line=120,col=9,title=openapi.response-property-removed::response property "
                 "'email' was removed (GET /users/{id})%0Aold version: old.yaml:98:11\n") != std::string::npos);
  CHECK(out.find("::warning file=new.yaml,line=110,col=13,title=openapi.request-parameter-became-required::") !=
        std::string::npos);
  CHECK(out.find("::notice file=new.yaml,line=30,col=5,title=openapi.operation-added::operation was added (POST "
                 "/users)\n") != std::string::npos);
  CHECK(out.find("::error file=old.yaml,line=140,col=5,") != std::string::npos);
}

TEST_CASE("github-actions: an error annotation exactly when the finding fails the gate", "[render][github]") {
  auto findings = test::sample_findings();
  diff::RenderContext ctx;
  ctx.fail_on = diff::Severity::warning;
  CHECK(diff::render_github_actions(findings, ctx).find("::error file=new.yaml,line=110,col=13,") != std::string::npos);
  ctx.fail_on.reset();
  std::string diff_run = diff::render_github_actions(findings, ctx);
  CHECK(diff_run.find("::error ") == std::string::npos);
  CHECK(diff_run.find("::warning file=new.yaml,line=120,col=9,") != std::string::npos);
}

TEST_CASE("github-actions: escapes data and properties as GitHub requires", "[render][github]") {
  auto f = test::finding("openapi.x", diff::Severity::error, "100% of\r\nit: a, b", "", std::nullopt,
                         test::place("dir,a/b:c%.yaml", 7, 0, ""));
  std::string out = diff::render_github_actions({f}, {});
  CHECK(out.rfind("::error file=dir%2Ca/b%3Ac%25.yaml,line=7,title=openapi.x::100%25 of%0D%0Ait: a, b\n", 0) == 0);
  // Every command is exactly one line.
  CHECK(out.find('\r') == std::string::npos);
}

TEST_CASE("github-actions: notes become notices, the summary is a plain line", "[render][github]") {
  diff::RenderContext ctx;
  ctx.notes = {"ignore expired: 50%"};
  std::string out = diff::render_github_actions({}, ctx);
  CHECK(out == "::notice title=accord::ignore expired: 50%25\naccord: no breaking changes\n");
}
