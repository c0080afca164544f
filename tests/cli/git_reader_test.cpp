// --against git:REF through a SourceReader: the old version of a multi-file
// OpenAPI spec read from a git revision file by file, only the files the
// comparison reaches, in one comparison (no export, no second run).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

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
  // The old places are named at the ref (the reader was opened on an
  // absolute directory: paths from the repository root).
  CHECK(rules_of(*findings) == std::vector<std::string>{
                                   "openapi.response-optional-property-removed HEAD:api/schemas/pet.yaml",
                                   "openapi.response-optional-property-removed HEAD:shared/error.yaml"});
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

TEST_CASE("git:REF is parsed, other forms are not", "[git]") {
  CHECK(cli::parse_git_against("git:main") == "main");
  CHECK(cli::parse_git_against("git:4f2a9c0") == "4f2a9c0");
  CHECK(cli::parse_git_against("main").empty());
}

TEST_CASE("a git source names files REF:path: the user's spelling in its directory, else from the root",
          "[git][source]") {
  TempRepo repo;
  commit_old_version(repo);
  // Opened on "api" as spelled from the repository root, the current directory.
  struct InRepo {
    std::filesystem::path was = std::filesystem::current_path();
    explicit InRepo(const std::filesystem::path& to) { std::filesystem::current_path(to); }
    ~InRepo() { std::filesystem::current_path(was); }
  } in_repo(repo.path());
  auto reader = cli::GitSourceReader::open("HEAD", "api");
  REQUIRE(reader);
  // A file it was never asked about is not this version's: left as it is.
  CHECK((*reader)->display_name("api/schemas/pet.yaml") == "api/schemas/pet.yaml");
  for (const std::string& asked : {std::string("api/schemas/pet.yaml"), std::string("api/./schemas/../openapi.yaml"),
                                   repo.str() + "/shared/error.yaml"})
    (void)(*reader)->is_directory(asked);
  CHECK((*reader)->display_name("api/schemas/pet.yaml") == "HEAD:api/schemas/pet.yaml");
  CHECK((*reader)->display_name("api/./schemas/../openapi.yaml") == "HEAD:api/openapi.yaml");
  CHECK((*reader)->display_name(repo.str() + "/shared/error.yaml") == "HEAD:shared/error.yaml");
  CHECK((*reader)->display_name("/usr/include/google/protobuf/empty.proto") == "/usr/include/google/protobuf/empty.proto");
  // Read once from git; a second read is the same text from memory.
  auto first = (*reader)->read(repo.str() + "/shared/error.yaml");
  auto again = (*reader)->read(repo.str() + "/shared/error.yaml");
  REQUIRE(first);
  REQUIRE(again);
  CHECK(*first == *again);
  CHECK((*reader)->reads().size() == 1);
  CHECK((*reader)->text_named("HEAD:shared/error.yaml") == *first);
  CHECK(!(*reader)->text_named("HEAD:api/schemas/pet.yaml"));  // never read: nothing is read for it
  // Outside the repository: the file system (no version at the ref).
  auto outside = (*reader)->read("/etc/hostname");
  CHECK(outside.ok() == std::filesystem::exists("/etc/hostname"));
  CHECK((*reader)->reads().size() == 1);
}

TEST_CASE("a git source's unusable refs and places are clear errors", "[git][source]") {
  TempRepo repo;
  commit_old_version(repo);
  auto unknown = cli::GitSourceReader::open("no-such-branch", repo.str());
  REQUIRE(!unknown);
  CHECK(unknown.error().message.find("unknown git ref 'no-such-branch'") != std::string::npos);
  auto option_like = cli::GitSourceReader::open("--output=/tmp/x", repo.str());
  REQUIRE(!option_like);
  CHECK(option_like.error().message.find("needs a commit, branch or tag") != std::string::npos);
  test::TempDir outside;
  auto not_repo = cli::GitSourceReader::open("main", outside.str());
  REQUIRE(!not_repo);
  CHECK(not_repo.error().message.find("needs a git repository") != std::string::npos);
  auto reader = cli::GitSourceReader::open("main", repo.str());
  REQUIRE(reader);
  auto dir = (*reader)->read(repo.str() + "/api/schemas");
  REQUIRE(!dir);
  CHECK(dir.error().message == "is a directory at git ref 'main'");
  CHECK(dir.error().missing_file.empty());
}
