// The pre-commit entry point (ci/pre-commit/accord-pre-commit) in a throwaway
// repository: installed as the repository's pre-commit hook, it must refuse a
// commit that removes an operation and let a harmless one through.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_support.h"
#include "test_paths.h"

using namespace accord;

namespace {

const std::string kHook = std::string(ACCORD_SOURCE_DIR) + "/ci/pre-commit/accord-pre-commit";

// `git commit` with the hook able to find the accord under test.
test::Run commit(const test::TempRepo& repo, const std::string& message) {
  return test::run({"git", "-C", repo.str(), "commit", "-q", "-m", message}, {},
                   {std::string("ACCORD=") + ACCORD_BINARY, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null"});
}

}  // namespace

TEST_CASE("pre-commit: a commit that removes an operation is refused, a harmless one passes", "[cli][pre-commit]") {
  test::TempRepo repo;
  repo.copy_in("fixtures/cli/users-v1.yaml", "api/openapi.yaml");
  repo.write("ci.yaml", "stages: [build]\n");
  repo.commit_all("v1");
  repo.install_pre_commit_hook();

  repo.copy_in("fixtures/cli/users-v2-removed.yaml", "api/openapi.yaml");
  repo.git({"add", "api/openapi.yaml"});
  auto refused = commit(repo, "remove DELETE");
  INFO(refused.out << refused.err);
  CHECK(refused.exit_code != 0);
  CHECK((refused.out + refused.err).find("DELETE /users/{id}") != std::string::npos);
  CHECK(refused.err.find("commit refused") != std::string::npos);
  // Nothing was committed.
  CHECK(repo.git({"rev-list", "--count", "HEAD"}) == "1\n");

  repo.copy_in("fixtures/cli/users-v2-harmless.yaml", "api/openapi.yaml");
  repo.write("ci.yaml", "stages: [build, test]\n");  // other YAML is not a contract
  repo.git({"add", "-A"});
  auto accepted = commit(repo, "document users");
  INFO(accepted.out << accepted.err);
  CHECK(accepted.exit_code == 0);
  CHECK(repo.git({"rev-list", "--count", "HEAD"}) == "2\n");
}

TEST_CASE("pre-commit: file names from the framework, options passed through", "[cli][pre-commit]") {
  test::TempRepo repo;
  repo.copy_in("fixtures/cli/users-v1.yaml", "api/openapi.yaml");
  repo.commit_all("v1");
  repo.copy_in("fixtures/cli/users-v2-removed.yaml", "api/openapi.yaml");
  repo.write("api/new-spec.yaml", "openapi: 3.0.3\n");  // new: nothing to compare with
  const std::vector<std::string> env = {std::string("ACCORD=") + ACCORD_BINARY};
  auto r = test::run({kHook, "--format=github-actions", "api/openapi.yaml", "api/new-spec.yaml"}, repo.str(), env);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("::error file=api/openapi.yaml") != std::string::npos);
  CHECK(r.out.find("new-spec.yaml") == std::string::npos);
}

TEST_CASE("pre-commit: without accord it says how to provide it", "[cli][pre-commit]") {
  test::TempRepo repo;
  repo.write("a.yaml", "openapi: 3.0.3\n");
  repo.commit_all("v1");
  // A copy of the hook outside the checkout, with a PATH that has no accord.
  std::filesystem::copy_file(kHook, repo.path() / "hook");
  auto r = test::run({"/bin/bash", (repo.path() / "hook").string(), "a.yaml"}, repo.str(),
                     {"PATH=/usr/bin:/bin", "ACCORD="});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot find accord") != std::string::npos);
}

TEST_CASE("pre-commit: names the staged files it skipped and never refuses for one it cannot compare",
          "[cli][pre-commit]") {
  test::TempRepo repo;
  repo.copy_in("fixtures/cli/users-v1.yaml", "api/openapi.yaml");
  repo.copy_in("fixtures/cli/users-v1.yaml", "api/broken.yaml");
  repo.write("ci.yaml", "stages: [build]\n");
  repo.write("README.md", "# service\n");
  repo.commit_all("v1");
  repo.install_pre_commit_hook();

  repo.copy_in("fixtures/cli/users-v2-harmless.yaml", "api/openapi.yaml");
  repo.write("api/broken.yaml", "openapi: 3.0.3\npaths: [unclosed\n");  // a contract accord cannot read
  repo.write("ci.yaml", "stages: [build, test]\n");
  repo.write("README.md", "# service\n\nNow documented.\n");
  repo.copy_in("fixtures/cli/users-v1.yaml", "api/second.yaml");  // new: nothing to break
  repo.git({"add", "-A"});
  auto r = commit(repo, "docs, a broken draft and a new spec");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(repo.git({"rev-list", "--count", "HEAD"}) == "2\n");
  CHECK(r.err.find("accord-pre-commit: skipped ci.yaml (not an API contract)") != std::string::npos);
  CHECK(r.err.find("accord-pre-commit: skipped README.md (not an API contract)") != std::string::npos);
  CHECK(r.err.find("accord-pre-commit: skipped api/second.yaml (new at this commit") != std::string::npos);
  CHECK(r.err.find("could not compare api/broken.yaml") != std::string::npos);
  CHECK(r.err.find("commit refused") == std::string::npos);
}
