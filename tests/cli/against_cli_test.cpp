// `accord diff --against git:REF` through the binary: the old version is read
// from git file by file (never exported), only the files the comparison
// reaches, once each; its files are named "REF:path" from any working
// directory. Git's calls are counted by a logging `git` put first in PATH
// (test::GitLog).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "cli_support.h"
#include "test_paths.h"

using namespace accord;
using accord::test::TempRepo;

namespace {

const char* kSpec = R"(openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'schemas/pet.yaml'}
        default:
          description: error
          content:
            application/json:
              schema: {$ref: '../shared/error.yaml'}
)";

// A spec in `dir` whose $refs reach a sibling file and one above `dir`; two
// files at the ref are never referenced (one would not even parse).
void commit_spec(const TempRepo& repo, const std::string& dir, const std::string& shared) {
  repo.write(dir + "/openapi.yaml", kSpec);
  repo.write(dir + "/schemas/pet.yaml", "type: object\nproperties:\n  name: {type: string}\n  tag: {type: string}\n");
  repo.write(dir + "/schemas/unused.yaml", "type: string\n");
  repo.write(shared + "/error.yaml", "type: object\nproperties:\n  code: {type: integer}\n");
  repo.write("other/unrelated.yaml", "not: [read\n");
  repo.commit_all("v1");
  // The working tree (NEW) drops a property from each referenced file.
  repo.write(dir + "/schemas/pet.yaml", "type: object\nproperties:\n  name: {type: string}\n");
  repo.write(shared + "/error.yaml", "type: object\nproperties: {}\n");
}

}  // namespace

TEST_CASE("cli: --against git:REF reads exactly the files the comparison reaches, once each", "[cli][git]") {
  TempRepo repo;
  commit_spec(repo, "api", "shared");
  test::GitLog git;
  auto r = git.accord({"diff", "--against", "git:main", "api/openapi.yaml", "--format", "json"}, repo.str());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // Both $ref'd files were compared, the one above the spec's directory too,
  // in one run: no export, no second try.
  CHECK(r.out.find("\"file\": \"main:api/schemas/pet.yaml\"") != std::string::npos);
  CHECK(r.out.find("\"file\": \"main:shared/error.yaml\"") != std::string::npos);
  CHECK(git.blob_reads() == std::map<std::string, int>{
                                {"api/openapi.yaml", 1}, {"api/schemas/pet.yaml", 1}, {"shared/error.yaml", 1}});
  CHECK(!git.ran("archive"));
  // SARIF counts columns on the text read from git, without reading it again.
  test::GitLog sarif_git;
  auto sarif = sarif_git.accord({"diff", "--against", "git:main", "api/openapi.yaml", "--format", "sarif"}, repo.str());
  REQUIRE(sarif.exit_code == 0);
  CHECK(sarif.out.find("\"uri\": \"main%3Ashared/error.yaml\"") != std::string::npos);
  CHECK(sarif_git.blob_reads().size() == 3);
  for (const auto& [object, count] : sarif_git.blob_reads()) CHECK(count == 1);
}

TEST_CASE("cli: --against git:REF for a contract in a subdirectory, run from other directories", "[cli][git]") {
  TempRepo repo;
  commit_spec(repo, "services/api", "services/shared");
  std::filesystem::create_directories(repo.path() / "docs");
  const std::map<std::string, std::string> from = {
      // cwd -> how the spec is named from it
      {"services", "api/openapi.yaml"},
      {"docs", "../services/api/openapi.yaml"},
      {"services/api", "openapi.yaml"},
  };
  const std::map<std::string, std::pair<std::string, std::string>> expected = {
      // cwd -> the old pet.yaml and error.yaml as findings name them
      {"services", {"main:api/schemas/pet.yaml", "main:services/shared/error.yaml"}},
      {"docs", {"main:services/api/schemas/pet.yaml", "main:services/shared/error.yaml"}},
      {"services/api", {"main:schemas/pet.yaml", "main:services/shared/error.yaml"}},
  };
  for (const auto& [cwd, spec] : from) {
    test::GitLog git;
    auto r = git.accord({"diff", "--against", "git:main", spec, "--format", "json"}, repo.str() + "/" + cwd);
    INFO(cwd << ": " << r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("\"file\": \"" + expected.at(cwd).first + "\"") != std::string::npos);
    CHECK(r.out.find("\"file\": \"" + expected.at(cwd).second + "\"") != std::string::npos);
    // Whatever the cwd, git is asked for the paths from the repository root.
    CHECK(git.blob_reads() == std::map<std::string, int>{{"services/api/openapi.yaml", 1},
                                                          {"services/api/schemas/pet.yaml", 1},
                                                          {"services/shared/error.yaml", 1}});
  }
  // Through a symlink to the repository from outside it: the same objects.
  test::TempDir outside;
  std::filesystem::create_directory_symlink(repo.path(), outside.path() / "link");
  test::GitLog git;
  auto linked = git.accord({"diff", "--against", "git:main", "link/services/api/openapi.yaml", "--format", "json"},
                            outside.str());
  INFO(linked.out << linked.err);
  REQUIRE(linked.exit_code == 0);
  CHECK(linked.out.find("\"file\": \"main:link/services/api/schemas/pet.yaml\"") != std::string::npos);
  CHECK(git.blob_reads().count("services/shared/error.yaml") == 1);
}

TEST_CASE("cli: --against git:REF when NEW did not exist at REF is exit 2, named at the ref", "[cli][git]") {
  TempRepo repo;
  commit_spec(repo, "api", "shared");
  repo.write("api/v2.yaml", kSpec);
  auto r = test::run_accord({"breaking", "--against", "git:main", "api/v2.yaml"}, repo.str());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("main:api/v2.yaml: does not exist at git ref 'main' (as api/v2.yaml)") != std::string::npos);
  CHECK(r.out.empty());
}
