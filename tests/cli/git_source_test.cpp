#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/git_source.h"
#include "cli_support.h"

using namespace accord;
using accord::test::read_text;
using accord::test::TempRepo;

TEST_CASE("git:REF is parsed, other forms are not", "[git]") {
  CHECK(cli::parse_git_against("git:main") == "main");
  CHECK(cli::parse_git_against("git:4f2a9c0") == "4f2a9c0");
  CHECK(cli::parse_git_against("main").empty());
}

TEST_CASE("snapshot: the spec's directory at the ref, with its relative $ref targets", "[git]") {
  TempRepo repo;
  repo.write("api/openapi.yaml", "openapi: 3.0.3\n# v1\n");
  repo.write("api/schemas/user.yaml", "type: object # v1\n");
  repo.write("other/unrelated.txt", "not needed\n");
  repo.commit_all("v1");
  repo.write("api/openapi.yaml", "openapi: 3.0.3\n# v2\n");
  repo.write("api/schemas/user.yaml", "type: object # v2\n");
  repo.commit_all("v2");
  repo.write("api/openapi.yaml", "openapi: 3.0.3\n# working tree\n");

  const std::string spec = repo.str() + "/api/openapi.yaml";
  auto snap = cli::snapshot_at_ref("HEAD~1", spec);
  REQUIRE(snap);
  const std::string old_spec = (*snap)->spec_path();
  CHECK(read_text(old_spec) == "openapi: 3.0.3\n# v1\n");
  const std::string dir = old_spec.substr(0, old_spec.rfind('/'));
  CHECK(read_text(dir + "/schemas/user.yaml") == "type: object # v1\n");
  // Only the spec's directory is materialised.
  CHECK(!std::filesystem::exists(dir + "/../other/unrelated.txt"));
  // Temporary names map back to what the user typed, prefixed by the ref.
  CHECK((*snap)->display(old_spec) == "HEAD~1:" + spec);
  CHECK((*snap)->display("error in " + dir + "/schemas/user.yaml:3:1") == "error in HEAD~1:" + repo.str() +
                                                                              "/api/schemas/user.yaml:3:1");
  std::string root = old_spec.substr(0, old_spec.find("/api/"));
  // Outside the spec's directory: git's REF:path from the top, and a hint
  // that the whole tree is needed.
  CHECK((*snap)->display("cannot read " + root + "/other/x.yaml") == "cannot read HEAD~1:other/x.yaml");
  core::Error missing_outside = core::make_error("cannot resolve $ref", old_spec, 3, 1);
  missing_outside.missing_file = root + "/other/x.yaml";
  CHECK((*snap)->needs_whole_tree(missing_outside));
  // Decided by the value, not by what the message says.
  CHECK(!(*snap)->needs_whole_tree(core::make_error("cannot read " + root + "/other/x.yaml", old_spec, 3, 1)));
  core::Error missing_inside = missing_outside;
  missing_inside.missing_file = dir + "/schemas/gone.yaml";
  CHECK(!(*snap)->needs_whole_tree(missing_inside));
  auto whole = cli::snapshot_at_ref("HEAD~1", spec, true);
  REQUIRE(whole);
  const std::string whole_spec = (*whole)->spec_path();
  CHECK(read_text(whole_spec.substr(0, whole_spec.find("/api/")) + "/other/unrelated.txt") == "not needed\n");
  core::Error missing_in_whole = missing_outside;
  missing_in_whole.missing_file = whole_spec.substr(0, whole_spec.find("/api/")) + "/x.yaml";
  CHECK(!(*whole)->needs_whole_tree(missing_in_whole));
  snap->reset();
  CHECK(!std::filesystem::exists(root));  // removed with the snapshot
}

TEST_CASE("snapshot: a relative path from inside the repository, and a directory spec", "[git]") {
  TempRepo repo;
  repo.write("protos/a.proto", "syntax = \"proto3\";\n");
  repo.write("protos/sub/b.proto", "syntax = \"proto3\";\n");
  repo.commit_all("protos");
  auto in_repo = test::run({"true"}, repo.str());  // sanity: the repo is usable as a cwd
  REQUIRE(in_repo.exit_code == 0);
  auto snap = cli::snapshot_at_ref("main", repo.str() + "/protos");
  REQUIRE(snap);
  CHECK(std::filesystem::is_directory((*snap)->spec_path()));
  CHECK(read_text((*snap)->spec_path() + "/sub/b.proto") == "syntax = \"proto3\";\n");
  CHECK((*snap)->display((*snap)->spec_path() + "/sub/b.proto") == "main:" + repo.str() + "/protos/sub/b.proto");
}

TEST_CASE("snapshot: unusable refs and places are clear errors", "[git]") {
  TempRepo repo;
  repo.write("api/openapi.yaml", "openapi: 3.0.3\n");
  repo.commit_all("v1");
  repo.write("api/new.yaml", "openapi: 3.0.3\n");
  const std::string spec = repo.str() + "/api/openapi.yaml";

  auto unknown = cli::snapshot_at_ref("no-such-branch", spec);
  REQUIRE(!unknown);
  CHECK(unknown.error().message.find("unknown git ref 'no-such-branch'") != std::string::npos);

  auto absent = cli::snapshot_at_ref("main", repo.str() + "/api/new.yaml");
  REQUIRE(!absent);
  CHECK(absent.error().message.find("does not exist at git ref 'main'") != std::string::npos);

  auto option_like = cli::snapshot_at_ref("--output=/tmp/x", spec);
  REQUIRE(!option_like);

  test::TempDir outside;
  std::filesystem::create_directories(outside.path() / "api");
  auto not_repo = cli::snapshot_at_ref("main", outside.str() + "/api/openapi.yaml");
  REQUIRE(!not_repo);
  CHECK(not_repo.error().message.find("needs a git repository") != std::string::npos);
}
