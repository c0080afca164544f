// The CI integrations in ci/: their definitions parse and say what they
// must, and the scripts inside them run for real against a throwaway
// repository (with the accord under test standing in for the one they build).
#include <catch2/catch.hpp>

#include <vector>

#include <filesystem>
#include <fstream>
#include <map>

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

// Runs a CI step's script in the repository (or in `subdir` of it).
test::Run run_script(const test::TempRepo& repo, const std::string& script, std::vector<std::string> env,
                     const std::string& subdir = "") {
  const std::string path = repo.str() + "/.ci-script.sh";
  std::ofstream(path) << script;
  env.push_back("GIT_CONFIG_NOSYSTEM=1");
  env.push_back("GIT_CONFIG_GLOBAL=/dev/null");
  return test::run({"bash", "-eo", "pipefail", path}, subdir.empty() ? repo.str() : repo.str() + "/" + subdir, env);
}

// The steps of the composite action, by name.
std::map<std::string, const core::Node*> steps_by_name(const core::Node& runs) {
  std::map<std::string, const core::Node*> out;
  for (const auto& step : runs.get("steps")->children()) out[std::string(step.value->get_text("name"))] = step.value;
  return out;
}

}  // namespace

TEST_CASE("GitHub Action: a composite action whose check step annotates and gates", "[cli][ci]") {
  auto action = load("ci/github-action/action.yml");
  const core::Node* runs = action->root()->get("runs");
  REQUIRE(runs);
  CHECK(runs->get_text("using") == "composite");
  CHECK(action->root()->get("inputs")->get("against")->get_text("default") ==
        "${{ github.event.pull_request.base.sha }}");
  auto steps = steps_by_name(*runs);
  // Every run installs only what running accord needs; building (and its
  // packages) happens only when the cache has no binary for this version.
  REQUIRE(steps.count("Install runtime dependencies"));
  CHECK(steps["Install runtime dependencies"]->get_text("run").find("install-deps.sh\" --runtime") !=
        std::string_view::npos);
  REQUIRE(steps.count("Restore accord"));
  CHECK(steps["Restore accord"]->get_text("uses").rfind("actions/cache@", 0) == 0);
  CHECK(steps["Restore accord"]->get("with")->get_text("key").find("steps.version.outputs.version") !=
        std::string_view::npos);
  REQUIRE(steps.count("Build accord"));
  CHECK(steps["Build accord"]->get_text("if") == "steps.cache.outputs.cache-hit != 'true'");
  CHECK(steps["Build accord"]->get_text("run").find("install-deps.sh\" --build") != std::string_view::npos);
  CHECK(steps["Build accord"]->get_text("run").find("--target accord") != std::string_view::npos);
  REQUIRE(steps.count("Check contracts"));
  const std::string check_script(steps["Check contracts"]->get_text("run"));
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

TEST_CASE("GitHub Action: annotations stay relative to the repository root under working-directory", "[cli][ci]") {
  auto action = load("ci/github-action/action.yml");
  auto steps = steps_by_name(*action->root()->get("runs"));
  REQUIRE(steps.count("Check contracts"));
  const std::string check_script(steps["Check contracts"]->get_text("run"));
  test::TempRepo repo;
  breaking_repo(repo);
  test::TempDir runner_temp;
  const std::vector<std::string> env = {std::string("ACCORD=") + ACCORD_BINARY, "ACCORD_AGAINST=main",
                                        "ACCORD_SPECS=openapi.yaml", "ACCORD_FAIL_ON=", "ACCORD_CONFIG=",
                                        "ACCORD_ARGS=", "GITHUB_WORKSPACE=" + repo.str(),
                                        "RUNNER_TEMP=" + runner_temp.str()};
  auto r = run_script(repo, check_script, env, "api");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("::error file=api/openapi.yaml,") != std::string::npos);
  CHECK(r.out.find("file=openapi.yaml") == std::string::npos);
}

TEST_CASE("scripts/install-deps.sh: running accord needs none of the build or test packages", "[cli][ci]") {
  auto list = [](const std::string& group) {
    return test::run({"bash", std::string(ACCORD_SOURCE_DIR) + "/scripts/install-deps.sh", "--list", group});
  };
  auto runtime = list("runtime"), build = list("build"), tests = list("test");
  REQUIRE(runtime.exit_code == 0);
  REQUIRE(build.exit_code == 0);
  REQUIRE(tests.exit_code == 0);
  for (const char* heavy : {"chromium", "postgresql", "nginx", "catch2", "libcpp-httplib-dev", "cmake", "g++"})
    CHECK(runtime.out.find(std::string(heavy) + "\n") == std::string::npos);
  CHECK(runtime.out.find("libprotobuf32\n") != std::string::npos);
  CHECK(build.out.find("cmake\n") != std::string::npos);
  CHECK(build.out.find("chromium") == std::string::npos);
  CHECK(tests.out.find("chromium\n") != std::string::npos);
  // Every package the built binary's libraries come from is in the runtime
  // list: those it links (ldd) and those it opens when a command needs them
  // (core/dynamic_library.h), which it must not link.
  auto ldd = test::run({"ldd", ACCORD_BINARY});
  REQUIRE(ldd.exit_code == 0);
  auto ldconfig = test::run({"/sbin/ldconfig", "-p"});
  REQUIRE(ldconfig.exit_code == 0);
  // dpkg knows a file by the path its package installed it at, which may be
  // the /lib or the /usr/lib spelling (merged /usr) of where ldd found it.
  auto owner_of = [](const std::string& file) {
    const std::string real = std::filesystem::canonical(file).string();
    for (const std::string& path : {file, real, real.rfind("/usr/", 0) == 0 ? real.substr(4) : "/usr" + real}) {
      auto owner = test::run({"dpkg", "-S", path});
      if (owner.exit_code == 0) return owner.out.substr(0, owner.out.find(':'));
    }
    return std::string("(no package owns ") + file + ")";
  };
  // Every library ldd lists (but the kernel's vDSO), for the binary and for
  // `accord stub`'s HTTP module beside it, comes from a runtime package.
  const std::string module = (std::filesystem::path(ACCORD_BINARY).parent_path() / "accord-stub-http.so").string();
  auto module_ldd = test::run({"ldd", module});
  REQUIRE(module_ldd.exit_code == 0);
  size_t linked = 0;
  for (const std::string& listing : {ldd.out, module_ldd.out})
    for (size_t at = listing.find("=> "); at != std::string::npos; at = listing.find("=> ", at + 3)) {
      std::string file = listing.substr(at + 3, listing.find(' ', at + 3) - at - 3);
      INFO(file);
#if defined(__SANITIZE_ADDRESS__)
      // The sanitizers' runtimes come with the compiler; a release build never links them.
      if (file.find("/libasan.") != std::string::npos || file.find("/libubsan.") != std::string::npos) continue;
#endif
      CHECK(runtime.out.find(owner_of(file) + "\n") != std::string::npos);
      ++linked;
    }
  CHECK(linked >= 8);  // at least libc, libm, libyaml; the module's libstdc++, httplib and OpenSSL
  // cpp-httplib and OpenSSL are the module's, loaded only by `accord stub`.
  for (const char* lib : {"libcpp-httplib", "libssl", "libcrypto"}) {
    CHECK(ldd.out.find(lib) == std::string::npos);
    CHECK(module_ldd.out.find(lib) != std::string::npos);
  }
#if !defined(__SANITIZE_ADDRESS__) && ACCORD_STATIC_DEPS
  // jemalloc, libstdc++ and libgcc linked in (cli/CMakeLists.txt), and
  // jemalloc is still the allocator: its statistics print at exit.
  for (const char* lib : {"libjemalloc.so", "libstdc++.so", "libgcc_s.so"}) CHECK(ldd.out.find(lib) == std::string::npos);
  auto stats = test::run({ACCORD_BINARY, "--version"}, {}, {"MALLOC_CONF=stats_print:true"});
  CHECK(stats.exit_code == 0);
  CHECK(stats.err.find("jemalloc statistics") != std::string::npos);
#elif !defined(__SANITIZE_ADDRESS__)
  CHECK(ldd.out.find("libjemalloc.so") != std::string::npos);  // not under ASan, which intercepts the allocator
#endif
#if ACCORD_STATIC_DEPS
  // Linked from their static archives (CMakeLists.txt: ACCORD_STATIC_DEPS).
  CHECK(ldd.out.find("libprotobuf.so") == std::string::npos);
  CHECK(ldd.out.find("libsqlite3.so") == std::string::npos);
#endif
  for (const std::string soname : {"libcurl.so.4", "libpq.so.5", "libxml2.so.2"}) {
    INFO(soname);
    CHECK(ldd.out.find(soname) == std::string::npos);
    size_t at = ldconfig.out.find(soname + " (");
    REQUIRE(at != std::string::npos);
    size_t path = ldconfig.out.find("=> ", at) + 3;
    std::string file = ldconfig.out.substr(path, ldconfig.out.find('\n', path) - path);
    CHECK(runtime.out.find(owner_of(file) + "\n") != std::string::npos);
  }
  auto bad = test::run({"bash", std::string(ACCORD_SOURCE_DIR) + "/scripts/install-deps.sh", "--nope"});
  CHECK(bad.exit_code == 2);
}

TEST_CASE("GitLab template: merge-request job publishing JUnit reports", "[cli][ci]") {
  auto tmpl = load("ci/gitlab/accord.gitlab-ci.yml");
  const core::Node* job = tmpl->root()->get(".accord-breaking");
  REQUIRE(job);
  CHECK(job->get("artifacts")->get("reports")->get_text("junit") == "accord-reports/accord-*.junit.xml");
  CHECK(job->get("artifacts")->get("reports")->get_text("codequality") == "accord-reports/accord-*.gitlab.json");
  // Cached per accord version; the before_script installs the runtime, and the build packages only to build.
  CHECK(job->get("cache")->get_text("key") == "accord-$ACCORD_GIT_REF");
  std::string before;
  for (const auto& line : job->get("before_script")->children()) before += std::string(line.value->text()) + "\n";
  CHECK(before.find("install-deps.sh --runtime") != std::string::npos);
  CHECK(before.find("install-deps.sh --build") > before.find("!= \"$commit\""));
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
  std::string report = test::read_text(repo.str() + "/accord-reports/accord-1.junit.xml");
  CHECK(report.find("<testsuite ") != std::string::npos);
  CHECK(report.find("<failure ") != std::string::npos);
  auto quality = core::load_file(repo.str() + "/accord-reports/accord-1.gitlab.json");
  REQUIRE(quality);
  REQUIRE((*quality)->root()->is_array());
  REQUIRE((*quality)->root()->size() >= 1);
  CHECK((*quality)->root()->at(0)->get_text("check_name") == "openapi.operation-removed");
  CHECK((*quality)->root()->at(0)->get_text("severity") == "critical");
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
