// `accord breaking` / `accord diff` through the binary: usage errors, the
// accord.yaml policy, --against git:REF and the output formats end to end.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "cli_support.h"
#include "core/loader.h"
#include "../render/json_schema_check.h"
#include "test_paths.h"

using namespace accord;

namespace {
const std::string kV1 = "fixtures/demo/petstore-v1.yaml";
const std::string kV2 = "fixtures/demo/petstore-v2.yaml";
}  // namespace

TEST_CASE("cli: usage errors exit 2 with a message", "[cli]") {
  auto bad_format = test::run_accord({"breaking", kV1, kV2, "--format", "html"});
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.err.find("unknown --format 'html'") != std::string::npos);
  auto bad_fail_on = test::run_accord({"breaking", kV1, kV2, "--fail-on", "fatal"});
  CHECK(bad_fail_on.exit_code == 2);
  CHECK(bad_fail_on.err.find("unknown --fail-on 'fatal'") != std::string::npos);
  auto one_spec = test::run_accord({"breaking", kV2});
  CHECK(one_spec.exit_code == 2);
  CHECK(one_spec.err.find("expected OLD and NEW") != std::string::npos);
  auto against_two = test::run_accord({"breaking", "--against", "git:main", kV1, kV2});
  CHECK(against_two.exit_code == 2);
  CHECK(against_two.err.find("name only the NEW spec") != std::string::npos);
  auto against_form = test::run_accord({"breaking", "--against", "main", kV2});
  CHECK(against_form.exit_code == 2);
  CHECK(against_form.err.find("--against takes git:REF") != std::string::npos);
  auto missing = test::run_accord({"breaking", "fixtures/cli/no-such.yaml", kV2});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no-such.yaml") != std::string::npos);
  CHECK(missing.out.empty());
}

TEST_CASE("cli: a broken accord.yaml is exit 2 at file:line:col", "[cli][config]") {
  auto r = test::run_accord({"breaking", kV1, kV2, "--config", "fixtures/config/errors/no-reason.yaml"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("fixtures/config/errors/no-reason.yaml:2:5: an ignore needs a 'reason'") != std::string::npos);
  // The registry decides which rule IDs exist.
  auto unknown = test::run_accord({"breaking", kV1, kV2, "--config", "fixtures/config/errors/unknown-rule-ignore.yaml"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown-rule-ignore.yaml:2:11: unknown rule 'openapi.operation-remvoed'") !=
        std::string::npos);
  auto absent = test::run_accord({"diff", kV1, kV2, "--config", "fixtures/cli/no-such-accord.yaml"});
  CHECK(absent.exit_code == 2);
}

TEST_CASE("cli: git:REF errors are exit 2", "[cli][git]") {
  test::TempRepo repo;
  repo.copy_in(kV1, "api/openapi.yaml");
  repo.commit_all("v1");
  auto unknown = test::run_accord({"breaking", "--against", "git:nope", repo.str() + "/api/openapi.yaml"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown git ref 'nope'") != std::string::npos);
  test::TempDir outside;
  std::filesystem::copy_file(std::string(ACCORD_SOURCE_DIR) + "/" + kV1, outside.path() / "openapi.yaml");
  auto no_repo = test::run_accord({"breaking", "--against", "git:main", "openapi.yaml"}, outside.str());
  CHECK(no_repo.exit_code == 2);
  CHECK(no_repo.err.find("needs a git repository") != std::string::npos);
}

TEST_CASE("cli: breaking against git:REF reports and gates, diff exits 0", "[cli][git]") {
  test::TempRepo repo;
  repo.copy_in(kV1, "api/openapi.yaml");
  repo.commit_all("v1");
  repo.copy_in(kV2, "api/openapi.yaml");
  auto r = test::run_accord({"breaking", "--against", "git:main", "api/openapi.yaml"}, repo.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("api/openapi.yaml:") != std::string::npos);
  CHECK(r.out.find("main:api/openapi.yaml:") != std::string::npos);  // the old side, named by ref
  CHECK(r.out.find("accord-git-") == std::string::npos);             // no temporary paths leak
  repo.commit_all("v2");
  auto clean = test::run_accord({"breaking", "--against", "git:HEAD", "api/openapi.yaml"}, repo.str());
  CHECK(clean.exit_code == 0);
  CHECK(clean.out == "no breaking changes\n");
  auto diff = test::run_accord({"diff", "--against", "git:HEAD~1", "api/openapi.yaml"}, repo.str());
  CHECK(diff.exit_code == 0);
  CHECK(diff.out.find("main") == std::string::npos);
  CHECK(diff.out.find("HEAD~1:api/openapi.yaml:") != std::string::npos);
}

TEST_CASE("cli: accord.yaml beside NEW turns findings off, ignores them and sets fail-on", "[cli][config]") {
  auto plain = test::run_accord({"breaking", kV1, kV2, "--format", "json"});
  REQUIRE(plain.exit_code == 1);
  // Make a policy that ignores the first reported finding by fingerprint
  // and turns every other reported rule off.
  test::TempDir dir;
  std::filesystem::copy_file(std::string(ACCORD_SOURCE_DIR) + "/" + kV1, dir.path() / "old.yaml");
  std::filesystem::copy_file(std::string(ACCORD_SOURCE_DIR) + "/" + kV2, dir.path() / "new.yaml");
  auto listed = test::run_accord({"diff", "old.yaml", "new.yaml", "--format", "json"}, dir.str());
  size_t fp = listed.out.find("\"fingerprint\": \"");
  REQUIRE(fp != std::string::npos);
  std::string fingerprint = listed.out.substr(fp + 16, 16);
  std::string rules;
  for (size_t p = listed.out.find("\"rule\": \""); p != std::string::npos; p = listed.out.find("\"rule\": \"", p + 1)) {
    std::string id = listed.out.substr(p + 9, listed.out.find('"', p + 9) - p - 9);
    if (rules.find(" " + id + ":") == std::string::npos) rules += "  " + id + ": off\n";
  }
  size_t rule_count = static_cast<size_t>(std::count(rules.begin(), rules.end(), '\n'));
  std::ofstream(dir.path() / "accord.yaml") << "fail-on: warning\nrules:\n" << rules
                                            << "ignores:\n  - fingerprint: " << fingerprint
                                            << "\n    reason: accepted in review\n"
                                            << "  - fingerprint: " << fingerprint
                                            << "\n    reason: an old waiver\n    expires: 2001-01-01\n";
  auto quiet = test::run_accord({"breaking", "old.yaml", "new.yaml"}, dir.str());
  INFO(quiet.out << quiet.err);
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out.find("no breaking changes") != std::string::npos);
  const std::string expired_at = "accord.yaml:" + std::to_string(rule_count + 6) + ":5: ";
  CHECK(quiet.out.find(expired_at + "ignore of fingerprint " + fingerprint + " expired on 2001-01-01") !=
        std::string::npos);

  // Only the fingerprint ignore: that one finding goes, the others stay.
  std::ofstream(dir.path() / "accord.yaml", std::ios::trunc)
      << "ignores:\n  - fingerprint: " << fingerprint << "\n    reason: accepted in review\n";
  auto one_less = test::run_accord({"diff", "old.yaml", "new.yaml", "--format", "json"}, dir.str());
  CHECK(one_less.exit_code == 0);
  CHECK(one_less.out.find(fingerprint) == std::string::npos);
  CHECK(one_less.out.find("1 finding(s) ignored by accord.yaml") != std::string::npos);
}

TEST_CASE("cli: every output format through the binary", "[cli][formats]") {
  for (std::string format : {"text", "json", "markdown", "junit", "sarif", "github-actions"}) {
    auto r = test::run_accord({"breaking", kV1, kV2, "--format", format});
    INFO(format << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(!r.out.empty());
  }
  auto sarif = test::run_accord({"breaking", kV1, kV2, "--format", "sarif"});
  CHECK(sarif.out.find("\"version\": \"2.1.0\"") != std::string::npos);
  CHECK(sarif.out.find("\"ruleId\": \"openapi.") != std::string::npos);
  auto gh = test::run_accord({"breaking", kV1, kV2, "--format", "github-actions"});
  CHECK(gh.out.rfind("::error file=fixtures/demo/petstore-v", 0) == 0);
  test::TempDir dir;
  auto to_file = test::run_accord({"breaking", kV1, kV2, "--format", "junit", "-o", dir.str() + "/report.xml"});
  CHECK(to_file.exit_code == 1);
  CHECK(to_file.out.empty());
  CHECK(test::read_text(dir.str() + "/report.xml").find("<testsuite ") != std::string::npos);
}

TEST_CASE("cli: relative $refs of the old version resolve at the ref", "[cli][git]") {
  test::TempRepo repo;
  repo.write("api/openapi.yaml",
             "openapi: 3.0.3\ninfo: {title: U, version: '1'}\npaths:\n  /users/{id}:\n    get:\n      parameters:\n"
             "        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n"
             "        '200':\n          description: ok\n          content:\n            application/json:\n"
             "              schema:\n                $ref: './schemas/user.yaml#/User'\n");
  repo.write("api/schemas/user.yaml", "User:\n  type: object\n  properties:\n    id: {type: string}\n"
                                      "    email: {type: string}\n");
  repo.commit_all("v1");
  // Only the referenced file changes: the property disappears from the response.
  repo.write("api/schemas/user.yaml", "User:\n  type: object\n  properties:\n    id: {type: string}\n");
  auto r = test::run_accord({"diff", "--against", "git:main", "api/openapi.yaml"}, repo.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("'email'") != std::string::npos);
  CHECK(r.out.find("main:api/schemas/user.yaml:5:") != std::string::npos);
  // From the spec's own directory, names follow the user's spelling.
  auto inside = test::run_accord({"diff", "--against", "git:main", "openapi.yaml"}, repo.str() + "/api");
  CHECK(inside.out.find("main:schemas/user.yaml:5:") != std::string::npos);
  // The old version's own $ref target is missing at an older ref: a clear error, exit 2.
  repo.git({"rm", "-q", "--cached", "api/schemas/user.yaml"});
  repo.git({"commit", "-q", "-m", "drop schema from history"});
  auto broken = test::run_accord({"breaking", "--against", "git:HEAD", "api/openapi.yaml"}, repo.str());
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("HEAD:api/") != std::string::npos);
  CHECK(broken.err.find(": HEAD:api/schemas/user.yaml: does not exist at git ref 'HEAD'") != std::string::npos);
  CHECK(broken.err.find("accord-git-") == std::string::npos);
}

TEST_CASE("cli: a $ref reaching above the spec's directory resolves at the ref too", "[cli][git]") {
  test::TempRepo repo;
  repo.write("api/openapi.yaml",
             "openapi: 3.0.3\ninfo: {title: U, version: '1'}\npaths:\n  /users/{id}:\n    get:\n      parameters:\n"
             "        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n"
             "        '200':\n          description: ok\n          content:\n            application/json:\n"
             "              schema:\n                $ref: '../shared/user.yaml#/User'\n");
  repo.write("shared/user.yaml", "User:\n  type: object\n  properties:\n    id: {type: string}\n"
                                 "    email: {type: string}\n");
  repo.commit_all("v1");
  repo.write("shared/user.yaml", "User:\n  type: object\n  properties:\n    id: {type: string}\n");
  auto r = test::run_accord({"diff", "--against", "git:main", "api/openapi.yaml"}, repo.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("'email'") != std::string::npos);
  CHECK(r.out.find("main:shared/user.yaml:5:") != std::string::npos);
  CHECK(r.out.find("accord-git-") == std::string::npos);
}

TEST_CASE("cli: SARIF from real findings is valid SARIF 2.1.0", "[cli][formats]") {
  const std::string schema_path = "../shared/corpus/jsonschema/schemastore-sarif-draft04/new.json";
  REQUIRE(std::filesystem::exists(schema_path));  // ../shared is always present
  auto r = test::run_accord({"diff", kV1, kV2, "--format", "sarif"});
  REQUIRE(r.exit_code == 0);
  auto schema = core::load_file(schema_path);
  REQUIRE(schema);
  auto log = core::load_text("accord.sarif", r.out, core::Syntax::json);
  REQUIRE(log);
  auto errors = test::check_against_schema(*(*schema)->root(), *(*log)->root());
  INFO("first violation: " << (errors.empty() ? "" : errors.front()));
  CHECK(errors.empty());
  CHECK((*log)->root()->get("runs")->at(0)->get("results")->size() > 0);
}

TEST_CASE("cli: a directory of protos against git:REF", "[cli][git]") {
  test::TempRepo repo;
  repo.write("protos/acme/user.proto",
             "syntax = \"proto3\";\npackage acme;\nmessage User {\n  string id = 1;\n  string email = 2;\n}\n");
  repo.commit_all("v1");
  repo.write("protos/acme/user.proto", "syntax = \"proto3\";\npackage acme;\nmessage User {\n  string id = 1;\n}\n");
  auto r = test::run_accord({"breaking", "--against", "git:main", "protos", "--format", "json"}, repo.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"rule\": \"proto.field-no-delete\"") != std::string::npos);
  CHECK(r.out.find("\"file\": \"main:protos/acme/user.proto\"") != std::string::npos);
  CHECK(r.out.find("accord-git-") == std::string::npos);
}

TEST_CASE("cli: the failure threshold: --fail-on over accord.yaml over the default", "[cli][config]") {
  const std::string v1 = "fixtures/cli/users-v1.yaml", added = "fixtures/cli/users-v2-added.yaml";
  auto plain = test::run_accord({"breaking", v1, added});
  // An added operation is info: hidden by `breaking` unless the threshold is info.
  CHECK(plain.exit_code == 0);
  CHECK(plain.out == "no breaking changes\n");
  auto info = test::run_accord({"breaking", v1, added, "--fail-on", "info"});
  CHECK(info.exit_code == 1);
  CHECK(info.out.find("info: operation was added (PUT /users/{id}) [openapi.operation-added]") != std::string::npos);
  test::TempDir dir;
  std::filesystem::copy_file(std::string(ACCORD_SOURCE_DIR) + "/" + v1, dir.path() / "old.yaml");
  std::filesystem::copy_file(std::string(ACCORD_SOURCE_DIR) + "/" + added, dir.path() / "new.yaml");
  std::ofstream(dir.path() / "accord.yaml") << "fail-on: info\n";
  auto from_config = test::run_accord({"breaking", "old.yaml", "new.yaml"}, dir.str());
  CHECK(from_config.exit_code == 1);
  auto flag_wins = test::run_accord({"breaking", "old.yaml", "new.yaml", "--fail-on", "error"}, dir.str());
  CHECK(flag_wins.exit_code == 0);
  // A severity override promotes the rule for this project.
  std::ofstream(dir.path() / "accord.yaml", std::ios::trunc) << "rules:\n  openapi.operation-added: error\n";
  auto promoted = test::run_accord({"breaking", "old.yaml", "new.yaml"}, dir.str());
  CHECK(promoted.exit_code == 1);
  CHECK(promoted.out.find("error: operation was added") != std::string::npos);
  // `diff` shows everything and never fails.
  auto diff = test::run_accord({"diff", "old.yaml", "new.yaml", "--format", "markdown"}, dir.str());
  CHECK(diff.exit_code == 0);
  CHECK(diff.out.find("#### `PUT /users/{id}`") != std::string::npos);
}

TEST_CASE("cli: SARIF counts the columns of a file taken from git in UTF-16 units too", "[cli][git][sarif]") {
  // One line, with a two-byte character ("é", one UTF-16 unit) before the removed path.
  const std::string before =
      R"({"openapi":"3.0.3","info":{"title":"café","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}}}},"/b":{"get":{"responses":{"200":{"description":"ok"}}}}}})";
  const std::string after =
      R"({"openapi":"3.0.3","info":{"title":"café","version":"1"},"paths":{"/b":{"get":{"responses":{"200":{"description":"ok"}}}}}})";
  test::TempRepo repo;
  repo.write("api.json", before);
  repo.commit_all("v1");
  repo.write("api.json", after);
  auto json = test::run_accord({"breaking", "--against", "git:main", "api.json", "--format", "json"}, repo.str());
  auto sarif = test::run_accord({"breaking", "--against", "git:main", "api.json", "--format", "sarif"}, repo.str());
  INFO(json.out << json.err << sarif.err);
  REQUIRE(json.exit_code == 1);
  REQUIRE(sarif.exit_code == 1);
  auto report = core::load_text("report.json", json.out, core::Syntax::json);
  auto log = core::load_text("accord.sarif", sarif.out, core::Syntax::json);
  REQUIRE(report);
  REQUIRE(log);
  const core::Node* old_place = (*report)->root()->get("findings")->at(0)->get("old");
  REQUIRE(old_place);
  CHECK(old_place->get_text("file") == "main:api.json");
  const double byte_column = old_place->get("column")->as_number();
  REQUIRE(byte_column > 40);  // after "café"
  const core::Node* related =
      (*log)->root()->get("runs")->at(0)->get("results")->at(0)->get("relatedLocations")->at(0);
  REQUIRE(related);
  CHECK(related->get("physicalLocation")->get("region")->get("startColumn")->as_number() == byte_column - 1);
}

TEST_CASE("cli: a -transitive mode over a history is refused for a format that compares two versions only",
          "[cli][modes]") {
  // OpenAPI keeps no version history: the earlier version would go unchecked.
  auto openapi = test::run_accord({"breaking", "--mode", "backward-transitive", kV1, kV1, kV2});
  CHECK(openapi.exit_code == 2);
  CHECK(openapi.err.find("OpenAPI compares OLD with NEW only") != std::string::npos);
  CHECK(openapi.err.find("Avro") != std::string::npos);  // names the formats that do compare a history
  // Avro does: the same command line is a verdict over every earlier version.
  const std::string history = "fixtures/avro/history/";
  auto avro = test::run_accord(
      {"breaking", "--mode", "backward-transitive", history + "v1.avsc", history + "v2.avsc", history + "v3.avsc"});
  INFO(avro.out << avro.err);
  CHECK(avro.exit_code == 1);
  CHECK(avro.out.find("avro.field-added-without-default") != std::string::npos);
  // An unknown mode is refused before anything is read.
  auto unknown = test::run_accord({"breaking", "--mode", "sideways-transitive", kV1, "no-such-file.yaml"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown --mode 'sideways-transitive'") != std::string::npos);
}

TEST_CASE("cli: proto additions are diff's changelog, not breaking's gate", "[cli][proto]") {
  const std::string dir = "fixtures/proto/rules/field-added/";
  auto changelog = test::run_accord({"diff", dir + "old", dir + "new", "--format", "json"});
  INFO(changelog.out << changelog.err);
  CHECK(changelog.exit_code == 0);
  CHECK(changelog.out.find("\"rule\": \"proto.field-added\"") != std::string::npos);
  auto gate = test::run_accord({"breaking", dir + "old", dir + "new", "--format", "json"});
  CHECK(gate.exit_code == 0);
  CHECK(gate.out.find("proto.field-added") == std::string::npos);
}

TEST_CASE("cli: a deprecated buf rule ID runs with a note naming its replacement", "[cli][proto]") {
  const std::string dir = "fixtures/proto/config/versions/";
  auto r = test::run_accord({"breaking", dir + "old", dir + "new", "--buf-config", dir + "v1-deprecated.yaml",
                             "--format", "json"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("FIELD_SAME_CTYPE is deprecated; it has been replaced by rule proto.field-same-cpp-string-type") !=
        std::string::npos);
}
