// The CI integrations in ci/: their definitions parse and say what they
// must, and the scripts inside them run for real against a throwaway
// repository (with the accord under test standing in for the one they build).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli_support.h"
#include "core/loader.h"
#include "test_paths.h"

using namespace accord;

namespace {

std::unique_ptr<core::Document> load(const std::string& relative) {
  auto doc = core::load_file(std::string(ACCORD_SOURCE_DIR) + "/" + relative);
  INFO(relative << ": " << (doc ? "" : doc.error().render()));
  REQUIRE(doc);
  return std::move(*doc);
}

// A repository whose working tree removes an operation that `main` has.
void breaking_repo(const test::TempRepo& repo) {
  repo.copy_in("fixtures/cli/users-v1.yaml", "api/openapi.yaml");
  repo.commit_all("v1");
  repo.copy_in("fixtures/cli/users-v2-removed.yaml", "api/openapi.yaml");
}

test::Run run_script(const test::TempRepo& repo, const std::string& script, std::vector<std::string> env) {
  const std::string path = repo.str() + "/.ci-script.sh";
  std::ofstream(path) << script;
  env.push_back("GIT_CONFIG_NOSYSTEM=1");
  env.push_back("GIT_CONFIG_GLOBAL=/dev/null");
  return test::run({"bash", "-eo", "pipefail", path}, repo.str(), env);
}

}  // namespace

TEST_CASE("GitHub Action: a composite action whose check step annotates and gates", "[cli][ci]") {
  auto action = load("ci/github-action/action.yml");
  const core::Node* runs = action->root()->get("runs");
  REQUIRE(runs);
  CHECK(runs->get_text("using") == "composite");
  CHECK(action->root()->get("inputs")->get("against")->get_text("default") ==
        "${{ github.event.pull_request.base.sha }}");
  std::string check_script;
  bool installs = false, builds = false;
  for (const auto& step : runs->get("steps")->children()) {
    std::string_view run = step.value->get_text("run");
    installs = installs || run.find("scripts/install-deps.sh") != std::string_view::npos;
    builds = builds || run.find("--target accord") != std::string_view::npos;
    if (step.value->get_text("name") == "Check contracts") check_script = std::string(run);
  }
  CHECK(installs);
  CHECK(builds);
  REQUIRE(check_script.find("--format github-actions") != std::string::npos);

  test::TempRepo repo;
  breaking_repo(repo);
  const std::vector<std::string> env = {std::string("ACCORD=") + ACCORD_BINARY, "ACCORD_AGAINST=main",
                                        "ACCORD_SPECS=api/openapi.yaml", "ACCORD_FAIL_ON=", "ACCORD_CONFIG=",
                                        "ACCORD_ARGS="};
  auto r = run_script(repo, check_script, env);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("::error file=api/openapi.yaml,") != std::string::npos);
  CHECK(r.out.find("DELETE /users/{id}") != std::string::npos);
  // Against the current commit there is nothing to report.
  repo.commit_all("v2");
  std::vector<std::string> clean_env = env;
  clean_env[1] = "ACCORD_AGAINST=HEAD";
  auto clean = run_script(repo, check_script, clean_env);
  CHECK(clean.exit_code == 0);
  // A spec the base does not have yet is skipped, not an error.
  repo.copy_in("fixtures/cli/users-v1.yaml", "api/second.yaml");
  clean_env[2] = "ACCORD_SPECS=api/openapi.yaml api/second.yaml";
  auto added = run_script(repo, check_script, clean_env);
  INFO(added.out << added.err);
  CHECK(added.exit_code == 0);
  CHECK(added.out.find("api/second.yaml is new since HEAD") != std::string::npos);
}

TEST_CASE("GitLab template: merge-request job publishing JUnit reports", "[cli][ci]") {
  auto tmpl = load("ci/gitlab/accord.gitlab-ci.yml");
  const core::Node* job = tmpl->root()->get(".accord-breaking");
  REQUIRE(job);
  CHECK(job->get("artifacts")->get("reports")->get_text("junit") == "accord-reports/accord-*.xml");
  CHECK(job->get("artifacts")->get_text("when") == "always");
  const core::Node* script = job->get("script");
  REQUIRE(script);
  REQUIRE(script->size() == 1);

  test::TempRepo repo;
  breaking_repo(repo);
  const std::string base = repo.git({"rev-parse", "main"}).substr(0, 40);
  auto r = run_script(repo, std::string(script->at(0)->text()),
                      {std::string("ACCORD_BIN=") + ACCORD_BINARY, "CI_MERGE_REQUEST_DIFF_BASE_SHA=" + base,
                       "ACCORD_SPECS=api/openapi.yaml", "ACCORD_FAIL_ON=", "ACCORD_ARGS="});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("error:") != std::string::npos);  // readable findings in the job log
  std::string report = test::read_text(repo.str() + "/accord-reports/accord-1.xml");
  CHECK(report.find("<testsuite ") != std::string::npos);
  CHECK(report.find("<failure ") != std::string::npos);
}

TEST_CASE("pre-commit hook definition points at an executable entry", "[cli][ci]") {
  auto hooks = load(".pre-commit-hooks.yaml");
  REQUIRE(hooks->root()->is_array());
  const core::Node* hook = hooks->root()->at(0);
  CHECK(hook->get_text("id") == "accord-breaking");
  CHECK(hook->get_text("language") == "script");
  const std::string entry = std::string(ACCORD_SOURCE_DIR) + "/" + std::string(hook->get_text("entry"));
  REQUIRE(std::filesystem::exists(entry));
  CHECK((std::filesystem::status(entry).permissions() & std::filesystem::perms::owner_exec) !=
        std::filesystem::perms::none);
}
