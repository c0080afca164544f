// The gate as a user meets it through the binary: one finding per change, the
// closing summary, formats that agree with the exit code, and a command line
// that helps (suggestions, bad values refused, completion, examples, install).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli/version.h"
#include "cli_support.h"
#include "core/loader.h"
#include "test_paths.h"

using namespace accord;

namespace {

const std::string kShared1 = "fixtures/cli/shared-v1.yaml";
const std::string kShared2 = "fixtures/cli/shared-v2.yaml";

size_t count(const std::string& s, const std::string& part) {
  size_t n = 0;
  for (size_t at = s.find(part); at != std::string::npos; at = s.find(part, at + 1)) ++n;
  return n;
}

std::unique_ptr<core::Document> parse_json(const std::string& text) {
  auto doc = core::load_text("out.json", text, core::Syntax::json);
  INFO(text);
  REQUIRE(doc);
  return std::move(*doc);
}

const core::Node* finding_of_rule(const core::Node& findings, std::string_view rule) {
  for (size_t i = 0; i < findings.size(); ++i)
    if (findings.at(i)->get_text("rule") == rule) return findings.at(i);
  return nullptr;
}

std::vector<std::string> texts(const core::Node& array) {
  std::vector<std::string> out;
  for (size_t i = 0; i < array.size(); ++i) out.emplace_back(array.at(i)->text());
  return out;
}

}  // namespace

TEST_CASE("cli: a shared schema's change is one finding, a removed path names its operations", "[cli][merge]") {
  auto r = test::run_accord({"diff", kShared1, kShared2, "--format", "json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto doc = parse_json(r.out);
  const core::Node* findings = doc->root()->get("findings");
  const core::Node* path = finding_of_rule(*findings, "openapi.path-removed");
  REQUIRE(path);
  CHECK(texts(*path->get("operations")) == std::vector<std::string>{"GET /teams", "PUT /teams"});
  CHECK(path->get_text("operation") == "GET /teams");
  size_t enum_findings = 0;
  for (size_t i = 0; i < findings->size(); ++i) {
    const core::Node* f = findings->at(i);
    // Enum values are args as the message shows them, quoted (a JSON value keeps its spelling).
    if (f->get("args")->get_text("value") != "'service'") continue;
    ++enum_findings;
    CHECK(texts(*f->get("operations")) ==
          std::vector<std::string>{"GET /users", "GET /users/{id}", "POST /users"});
  }
  CHECK(enum_findings == 1);
  // Text names it once, with its operations, and closes with the summary.
  auto text = test::run_accord({"diff", kShared1, kShared2});
  CHECK(count(text.out, "'service'") == 1);
  CHECK(text.out.find("(GET /users, GET /users/{id}, POST /users)") != std::string::npos);
  CHECK(text.out.find(" affecting 5 operations\n") != std::string::npos);
}

TEST_CASE("cli: an accord.yaml ignore by operation matches any of a finding's operations", "[cli][merge][config]") {
  test::TempDir dir;
  std::filesystem::copy_file(std::string(ACCORD_SOURCE_DIR) + "/" + kShared1, dir.path() / "old.yaml");
  std::filesystem::copy_file(std::string(ACCORD_SOURCE_DIR) + "/" + kShared2, dir.path() / "new.yaml");
  auto before = test::run_accord({"breaking", "old.yaml", "new.yaml"}, dir.str());
  CHECK(before.exit_code == 1);
  CHECK(before.out.find("[openapi.path-removed]") != std::string::npos);
  std::ofstream(dir.path() / "accord.yaml") << "ignores:\n  - rule: openapi.path-removed\n    operation: PUT /teams\n"
                                            << "    reason: teams moved to another service\n"
                                            << "    expires: 2030-01-01\n";
  auto after = test::run_accord({"breaking", "old.yaml", "new.yaml", "--today", "2029-12-31"}, dir.str());
  INFO(after.out << after.err);
  CHECK(after.out.find("[openapi.path-removed]") == std::string::npos);
  // --today decides when the ignore has expired.
  auto later = test::run_accord({"breaking", "old.yaml", "new.yaml", "--today", "2030-01-02"}, dir.str());
  CHECK(later.out.find("[openapi.path-removed]") != std::string::npos);
  CHECK(later.out.find("expired on 2030-01-01") != std::string::npos);
  auto bad_day = test::run_accord({"breaking", "old.yaml", "new.yaml", "--today", "2030-02-30"}, dir.str());
  CHECK(bad_day.exit_code == 2);
  CHECK(bad_day.err.find("--today") != std::string::npos);
}

TEST_CASE("cli: JUnit, SARIF and GitLab agree with the exit code", "[cli][formats]") {
  auto json = test::run_accord({"diff", kShared1, kShared2, "--format", "json"});
  auto doc = parse_json(json.out);
  const core::Node* findings = doc->root()->get("findings");
  size_t errors = 0, warnings = 0;
  for (size_t i = 0; i < findings->size(); ++i) {
    errors += findings->at(i)->get_text("severity") == "error";
    warnings += findings->at(i)->get_text("severity") == "warning";
  }
  REQUIRE(errors > 0);
  REQUIRE(warnings > 0);
  for (auto [fail_on, failing] : {std::pair{"error", errors}, std::pair{"warning", errors + warnings}}) {
    INFO("--fail-on " << fail_on);
    auto junit = test::run_accord({"breaking", kShared1, kShared2, "--format", "junit", "--fail-on", fail_on});
    CHECK(junit.exit_code == 1);
    CHECK(count(junit.out, "<failure ") == failing);
    auto sarif = test::run_accord({"breaking", kShared1, kShared2, "--format", "sarif", "--fail-on", fail_on});
    auto sarif_doc = parse_json(sarif.out);
    const core::Node* results = sarif_doc->root()->get("runs")->at(0)->get("results");
    size_t error_level = 0;
    for (size_t i = 0; i < results->size(); ++i) error_level += results->at(i)->get_text("level") == "error";
    CHECK(error_level == failing);
    auto gitlab = test::run_accord({"breaking", kShared1, kShared2, "--format", "gitlab", "--fail-on", fail_on});
    auto issues = parse_json(gitlab.out);
    size_t severe = 0;
    for (size_t i = 0; i < issues->root()->size(); ++i) {
      std::string_view s = issues->root()->at(i)->get_text("severity");
      severe += s == "critical" || s == "major";
    }
    CHECK(severe == failing);
  }
  // `diff` never fails, so nothing in its reports is a failure.
  auto diff_junit = test::run_accord({"diff", kShared1, kShared2, "--format", "junit"});
  CHECK(diff_junit.exit_code == 0);
  CHECK(count(diff_junit.out, "<failure ") == 0);
}

TEST_CASE("cli: a typo'd command or flag names the closest one", "[cli][usage]") {
  auto command = test::run_accord({"brekaing", kShared1, kShared2});
  CHECK(command.exit_code == 2);
  CHECK(command.err.find("unknown command 'brekaing' for 'accord'; did you mean 'breaking'?") != std::string::npos);
  auto flag = test::run_accord({"breaking", kShared1, kShared2, "--fail-onn", "warning"});
  CHECK(flag.exit_code == 2);
  CHECK(flag.err.find("unknown option '--fail-onn' for 'accord breaking'; did you mean '--fail-on'?") !=
        std::string::npos);
  auto nested = test::run_accord({"usage", "reprot", "--spec", kShared1});
  CHECK(nested.exit_code == 2);
  CHECK(nested.err.find("did you mean 'report'?") != std::string::npos);
  auto far = test::run_accord({"xyzzy"});
  CHECK(far.exit_code == 2);
  CHECK(far.err.find("did you mean") == std::string::npos);
}

TEST_CASE("cli: bad values exit 2", "[cli][usage]") {
  auto category = test::run_accord({"breaking", kShared1, kShared2, "--category", "BOGUS"});
  CHECK(category.exit_code == 2);
  CHECK(category.err.find("BOGUS") != std::string::npos);
  auto only = test::run_accord({"rules", "--only-format", "nope"});
  CHECK(only.exit_code == 2);
  CHECK(only.out.empty());
  CHECK(test::run_accord({"rules", "--only-format", "proto"}).exit_code == 0);
  auto format = test::run_accord({"diff", kShared1, kShared2, "--format", "nope"});
  CHECK(format.exit_code == 2);
  CHECK(format.err.find("gitlab") != std::string::npos);  // the message lists what is accepted
}

TEST_CASE("cli: --max-findings limits only a terminal, a pipe gets everything", "[cli][usage]") {
  auto all = test::run_accord({"diff", kShared1, kShared2});
  auto limited = test::run_accord({"diff", kShared1, kShared2, "--max-findings", "1"});
  CHECK(limited.exit_code == 0);
  CHECK(limited.out == all.out);  // the test's stdout is a pipe
  CHECK(limited.err.empty());     // and no progress line either
}

TEST_CASE("cli: completion scripts for bash, zsh and fish", "[cli][completion]") {
  for (std::string shell : {"bash", "zsh", "fish"}) {
    INFO(shell);
    auto r = test::run_accord({"completion", shell});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("breaking") != std::string::npos);
    CHECK(r.out.find("fail-on") != std::string::npos);
    CHECK(r.out.find("completion") != std::string::npos);
  }
  test::TempDir dir;
  std::ofstream(dir.path() / "accord.bash") << test::run_accord({"completion", "bash"}).out;
  // The bash script is valid and completes a subcommand's flags.
  auto words = test::run({"bash", "-c",
                          "source " + (dir.path() / "accord.bash").string() +
                              "; COMP_WORDS=(accord breaking --fail); COMP_CWORD=2; _accord; printf '%s\\n' "
                              "\"${COMPREPLY[@]}\""});
  INFO(words.err);
  CHECK(words.exit_code == 0);
  CHECK(words.out.find("--fail-on\n") != std::string::npos);
  CHECK(test::run_accord({"completion", "tcsh"}).exit_code == 2);
}

TEST_CASE("cli: --help shows examples and exit codes per subcommand", "[cli][help]") {
  auto breaking = test::run_accord({"breaking", "--help"});
  CHECK(breaking.exit_code == 0);
  CHECK(breaking.out.find("Examples:") != std::string::npos);
  CHECK(breaking.out.find("accord breaking --against git:main api.yaml") != std::string::npos);
  CHECK(breaking.out.find("Exit status:") != std::string::npos);
  for (std::string sub : {"diff", "rules", "verify", "test", "usage", "plan", "completion"}) {
    INFO(sub);
    CHECK(test::run_accord({sub, "--help"}).out.find("Examples:\n  accord " + sub) != std::string::npos);
  }
}

TEST_CASE("cli: cmake --install puts a working accord in PREFIX/bin", "[cli][install]") {
  test::TempDir prefix;
  const std::string build_dir = std::filesystem::path(ACCORD_BINARY).parent_path().string();
  auto install = test::run({"cmake", "--install", build_dir, "--prefix", prefix.str()});
  INFO(install.out << install.err);
  REQUIRE(install.exit_code == 0);
  const std::string installed = prefix.str() + "/bin/accord";
  REQUIRE(std::filesystem::exists(installed));
  CHECK(test::run({installed, "--version"}).out == std::string("accord ") + accord::cli::kAccordVersion + "\n");
}
