// What OLD and NEW can be: `-` (stdin), --kind overriding detection, and a
// YAML/JSON file that is no contract at all (a clear error naming what was
// expected). URLs are in remote_refs_test.cpp, beside the HTTP server.
#include <catch2/catch.hpp>

#include <fstream>

#include "cli_support.h"
#include "test_paths.h"

using namespace accord;

namespace {
const std::string kV1 = "fixtures/cli/users-v1.yaml";
const std::string kRemoved = "fixtures/cli/users-v2-removed.yaml";

// `accord ARGS < stdin_file`, from the project root.
test::Run accord_with_stdin(const std::string& args, const std::string& stdin_file) {
  return test::run({"/bin/sh", "-c", std::string(ACCORD_BINARY) + " " + args + " < " + stdin_file},
                   ACCORD_SOURCE_DIR);
}
}  // namespace

TEST_CASE("cli: '-' reads OLD or NEW from stdin", "[cli][inputs]") {
  auto old_from_stdin = accord_with_stdin("breaking - " + kRemoved, kV1);
  INFO(old_from_stdin.out << old_from_stdin.err);
  CHECK(old_from_stdin.exit_code == 1);
  CHECK(old_from_stdin.out.find("[openapi.operation-removed]") != std::string::npos);
  CHECK(old_from_stdin.out.find("<stdin>") != std::string::npos);  // the old side is named

  auto new_from_stdin = accord_with_stdin("breaking " + kV1 + " -", kV1);
  INFO(new_from_stdin.err);
  CHECK(new_from_stdin.exit_code == 0);
  CHECK(new_from_stdin.out == "no breaking changes\n");

  auto both = accord_with_stdin("breaking - -", kV1);
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("only one of OLD and NEW") != std::string::npos);
}

TEST_CASE("cli: a YAML file that is no contract is exit 2 naming what was expected", "[cli][inputs]") {
  test::TempDir dir;
  std::ofstream(dir.path() / "ci.yaml") << "stages: [build, test]\n";
  auto r = test::run_accord({"breaking", (dir.path() / "ci.yaml").string(), kV1});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("ci.yaml:1:1: not a contract") != std::string::npos);
  CHECK(r.err.find("OpenAPI document (a top-level `openapi` or `swagger` key)") != std::string::npos);
  CHECK(r.err.find("protobuf") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("cli: --kind overrides detection, and an unknown kind lists the known ones", "[cli][inputs]") {
  // A .proto name would be detected as protobuf; --kind openapi reads it as the OpenAPI document it is.
  test::TempDir dir;
  for (auto [from, to] : {std::pair{kV1, "old.proto"}, std::pair{kRemoved, "new.proto"}}) {
    std::ifstream in(std::string(ACCORD_SOURCE_DIR) + "/" + from);
    std::ofstream(dir.path() / to) << in.rdbuf();
  }
  auto detected = test::run_accord({"breaking", "old.proto", "new.proto"}, dir.str());
  CHECK(detected.exit_code == 2);  // not protobuf syntax
  auto forced = test::run_accord({"breaking", "--kind", "openapi", "old.proto", "new.proto"}, dir.str());
  INFO(forced.out << forced.err);
  CHECK(forced.exit_code == 1);
  CHECK(forced.out.find("[openapi.operation-removed]") != std::string::npos);

  auto unknown = test::run_accord({"breaking", "--kind", "wsdl", kV1, kRemoved});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown --kind 'wsdl' (expected ") != std::string::npos);
  CHECK(unknown.err.find("openapi") != std::string::npos);
}
