// --against git:REF through a SourceReader: the old version of a multi-file
// OpenAPI spec read from a git revision file by file, only the files the
// comparison reaches, in one comparison (no export, no second run).
#include <catch2/catch.hpp>

#include <algorithm>

#include "cli/git_reader.h"
#include "cli_support.h"
#include "diff/engine.h"

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

// Two versions of a spec whose $refs reach a sibling file and one outside
// the spec's directory; two files at the ref are never referenced.
void commit_old_version(TempRepo& repo) {
  repo.write("api/openapi.yaml", kSpec);
  repo.write("api/schemas/pet.yaml", "type: object\nproperties:\n  name: {type: string}\n  tag: {type: string}\n");
  repo.write("api/schemas/unused.yaml", "type: string\n");
  repo.write("shared/error.yaml", "type: object\nproperties:\n  code: {type: integer}\n");
  repo.write("other/unrelated.yaml", "not: [read\n");
  repo.commit_all("v1");
  // The working tree (NEW) drops a property from each referenced file.
  repo.write("api/schemas/pet.yaml", "type: object\nproperties:\n  name: {type: string}\n");
  repo.write("shared/error.yaml", "type: object\nproperties: {}\n");
}

std::vector<std::string> rules_of(const std::vector<diff::Finding>& findings) {
  std::vector<std::string> out;
  for (const diff::Finding& f : findings) out.push_back(f.rule + " " + (f.old_place ? f.old_place->file : "-"));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a git ref is read lazily: exactly the files a comparison reaches, once each", "[git][source]") {
  TempRepo repo;
  commit_old_version(repo);
  auto reader = cli::GitSourceReader::open("HEAD", repo.str());
  REQUIRE(reader);
  const std::string spec = repo.str() + "/api/openapi.yaml";
  diff::ContractInput old_input{spec, std::nullopt};
  old_input.source = reader->get();
  auto findings = diff::compare_contracts(old_input, {spec, std::nullopt}, {});
  REQUIRE(findings);
  // One comparison found the changes in both $ref'd files, the one outside
  // the spec's directory too: nothing had to be retried with more of the tree.
  CHECK(rules_of(*findings) == std::vector<std::string>{
                                   "openapi.response-optional-property-removed " + repo.str() + "/api/schemas/pet.yaml",
                                   "openapi.response-optional-property-removed " + repo.str() + "/shared/error.yaml"});
  // Read from the ref: the root and the two files it references, each once;
  // never the unreferenced ones (other/unrelated.yaml would not even parse).
  std::vector<std::string> reads = (*reader)->reads();
  std::sort(reads.begin(), reads.end());
  CHECK(reads == std::vector<std::string>{spec, repo.str() + "/api/schemas/pet.yaml",
                                          repo.str() + "/shared/error.yaml"});
}

TEST_CASE("a git source reads the ref, not the working tree, and says what is missing", "[git][source]") {
  TempRepo repo;
  commit_old_version(repo);
  auto reader = cli::GitSourceReader::open("HEAD", repo.str());
  REQUIRE(reader);
  auto pet = (*reader)->read(repo.str() + "/api/schemas/pet.yaml");
  REQUIRE(pet);
  CHECK(pet->find("tag:") != std::string::npos);  // the committed version, not the edited file
  CHECK((*reader)->is_directory(repo.str() + "/api/schemas"));
  CHECK(!(*reader)->is_directory(repo.str() + "/api/openapi.yaml"));
  auto names = (*reader)->list(repo.str() + "/api/schemas");
  REQUIRE(names);
  CHECK(*names == std::vector<std::string>{"pet.yaml", "unused.yaml"});
  auto gone = (*reader)->read(repo.str() + "/api/schemas/gone.yaml");
  REQUIRE(!gone);
  CHECK(gone.error().missing_file == repo.str() + "/api/schemas/gone.yaml");
  CHECK(!cli::GitSourceReader::open("no-such-ref", repo.str()));
}
