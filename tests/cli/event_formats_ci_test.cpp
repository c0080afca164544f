// The pre-commit hook, the GitHub Action's check step and the GitLab job on
// AsyncAPI and JSON Schema contracts, run for real in a throwaway repository
// as the OpenAPI ones are (pre_commit_test.cpp, ci_integration_test.cpp).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <vector>

#include "cli_support.h"
#include "core/loader.h"
#include "test_paths.h"

using namespace accord;

namespace {

const std::string kEvents = "fixtures/cli/events/";

struct EventContract {
  std::string name;       // the contract's path in the repository
  std::string v1, removed, harmless;  // fixtures
  std::string rule;       // what the breaking version reports
};

std::vector<EventContract> contracts() {
  return {{"events/orders.asyncapi.yaml", kEvents + "orders-v1.asyncapi.yaml", kEvents + "orders-v2-removed.asyncapi.yaml",
           kEvents + "orders-v2-harmless.asyncapi.yaml", "asyncapi.send-"},
          {"schemas/order.schema.json", kEvents + "order-v1.schema.json", kEvents + "order-v2-removed.schema.json",
           kEvents + "order-v2-harmless.schema.json", "jsonschema.backward-enum-value-removed"}};
}

const std::vector<std::string> kGitEnv = {"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null"};

test::Run commit(const test::TempRepo& repo, const std::string& message) {
  return test::run({"git", "-C", repo.str(), "commit", "-q", "-m", message}, {},
                   {std::string("ACCORD=") + ACCORD_BINARY, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null"});
}

test::Run run_script(const test::TempRepo& repo, const std::string& script, std::vector<std::string> env) {
  const std::string path = repo.str() + "/.ci-script.sh";
  std::ofstream(path) << script;
  env.insert(env.end(), kGitEnv.begin(), kGitEnv.end());
  return test::run({"bash", "-eo", "pipefail", path}, repo.str(), env);
}

// A repository whose `main` has c.v1 and whose working tree breaks it.
void commit_then_break(const test::TempRepo& repo, const EventContract& c) {
  repo.copy_in(c.v1, c.name);
  repo.commit_all("v1");
  repo.copy_in(c.removed, c.name);
}

// The environment of the action's check step, comparing `spec` with `main`.
std::vector<std::string> action_env(const std::string& spec) {
  return {std::string("ACCORD=") + ACCORD_BINARY, "ACCORD_AGAINST=main", "ACCORD_SPECS=" + spec, "ACCORD_FAIL_ON=",
          "ACCORD_CONFIG=", "ACCORD_ARGS="};
}

// The `run:` of a named step of the composite action, or the GitLab job's one script line.
std::string action_step(const std::string& name) {
  auto action = core::load_file(std::string(ACCORD_SOURCE_DIR) + "/ci/github-action/action.yml");
  REQUIRE(action);
  for (const auto& step : (*action)->root()->get("runs")->get("steps")->children())
    if (step.value->get_text("name") == name) return std::string(step.value->get_text("run"));
  FAIL("no step " << name);
  return "";
}

std::string gitlab_script() {
  auto tmpl = core::load_file(std::string(ACCORD_SOURCE_DIR) + "/ci/gitlab/accord.gitlab-ci.yml");
  REQUIRE(tmpl);
  const core::Node* script = (*tmpl)->root()->get(".accord-breaking")->get("script");
  REQUIRE(script);
  return std::string(script->at(0)->text());
}

}  // namespace

TEST_CASE("pre-commit: AsyncAPI and JSON Schema contracts are gated like OpenAPI ones", "[cli][pre-commit][events]") {
  for (const EventContract& c : contracts()) {
    INFO(c.name);
    test::TempRepo repo;
    repo.copy_in(c.v1, c.name);
    repo.commit_all("v1");
    repo.install_pre_commit_hook();

    repo.copy_in(c.removed, c.name);
    repo.git({"add", "-A"});
    auto refused = commit(repo, "break");
    INFO(refused.out << refused.err);
    CHECK(refused.exit_code != 0);
    CHECK((refused.out + refused.err).find(c.rule) != std::string::npos);
    CHECK(refused.err.find("commit refused") != std::string::npos);
    CHECK(refused.err.find("not an API contract") == std::string::npos);
    CHECK(repo.git({"rev-list", "--count", "HEAD"}) == "1\n");

    repo.copy_in(c.harmless, c.name);
    repo.git({"add", "-A"});
    auto accepted = commit(repo, "document");
    INFO(accepted.out << accepted.err);
    CHECK(accepted.exit_code == 0);
    CHECK(repo.git({"rev-list", "--count", "HEAD"}) == "2\n");
  }
}

TEST_CASE("GitHub Action: AsyncAPI and JSON Schema findings annotate and gate", "[cli][ci][events]") {
  const std::string script = action_step("Check contracts");
  for (const EventContract& c : contracts()) {
    INFO(c.name);
    test::TempRepo repo;
    commit_then_break(repo, c);
    auto r = run_script(repo, script, action_env(c.name));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("::error file=" + c.name + ",line=") != std::string::npos);
    CHECK(r.out.find(c.rule) != std::string::npos);
    repo.copy_in(c.harmless, c.name);
    auto clean = run_script(repo, script, action_env(c.name));
    INFO(clean.out << clean.err);
    CHECK(clean.exit_code == 0);
  }
}

TEST_CASE("GitLab template: AsyncAPI and JSON Schema findings in JUnit and Code Quality", "[cli][ci][events]") {
  const std::string script = gitlab_script();
  for (const EventContract& c : contracts()) {
    INFO(c.name);
    test::TempRepo repo;
    commit_then_break(repo, c);
    const std::string base = repo.git({"rev-parse", "main"}).substr(0, 40);
    auto r = run_script(repo, script, {std::string("ACCORD_BIN=") + ACCORD_BINARY, "CI_MERGE_REQUEST_DIFF_BASE_SHA=" + base,
                                       "ACCORD_SPECS=" + c.name, "ACCORD_FAIL_ON=", "ACCORD_ARGS="});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(test::read_text(repo.str() + "/accord-reports/accord-1.junit.xml").find("<failure ") != std::string::npos);
    auto quality = core::load_file(repo.str() + "/accord-reports/accord-1.gitlab.json");
    REQUIRE(quality);
    REQUIRE((*quality)->root()->size() >= 1);
    CHECK((*quality)->root()->at(0)->get_text("check_name").rfind(c.rule, 0) == 0);
    CHECK((*quality)->root()->at(0)->get("location")->get_text("path") == c.name);
  }
}
