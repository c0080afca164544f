// `--against git:REF` for the formats that read their own files: protobuf
// (imports through the compiler's source tree), Avro (with -I definitions)
// and GraphQL read the old version from the ref through the same reader as
// the document formats, file by file. Each working tree is made so that
// reading an old file from it instead of the ref would fail or find nothing.
#include <catch2/catch.hpp>

#include <map>

#include "cli_support.h"

using namespace accord;
using accord::test::TempRepo;

TEST_CASE("cli: a .proto against git:REF reads it and its imports at the ref", "[cli][git][proto]") {
  TempRepo repo;
  repo.write("protos/acme/common.proto", "syntax = \"proto3\";\npackage acme;\nmessage Id {\n  string value = 1;\n}\n");
  repo.write("protos/acme/user.proto",
             "syntax = \"proto3\";\npackage acme;\nimport \"acme/common.proto\";\nmessage User {\n  Id id = 1;\n"
             "  string email = 2;\n}\n");
  repo.write("protos/acme/unused.proto", "this would not parse\n");
  repo.commit_all("v1");
  // The working tree renames the imported message: the old user.proto builds
  // only over the old common.proto.
  repo.write("protos/acme/common.proto", "syntax = \"proto3\";\npackage acme;\nmessage Ident {\n  string value = 1;\n}\n");
  repo.write("protos/acme/user.proto",
             "syntax = \"proto3\";\npackage acme;\nimport \"acme/common.proto\";\nmessage User {\n  Ident id = 1;\n}\n");
  test::GitLog git;
  auto r = git.accord({"breaking", "--against", "git:main", "protos/acme/user.proto", "-I", "protos", "--format", "json"},
                      repo.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"rule\": \"proto.field-no-delete\"") != std::string::npos);
  CHECK(r.out.find("\"file\": \"main:protos/acme/user.proto\"") != std::string::npos);
  CHECK(!git.ran("archive"));
  CHECK(git.blob_reads() == std::map<std::string, int>{{"protos/acme/common.proto", 1}, {"protos/acme/user.proto", 1}});

  // A broken file at the ref is exit 2 at its place, named at the ref.
  repo.write("protos/acme/user.proto", "syntax = \"proto3\";\npackage acme;\nmessage User {\n  string id = 1\n}\n");
  repo.commit_all("broken");
  repo.write("protos/acme/user.proto", "syntax = \"proto3\";\npackage acme;\nmessage User {\n  string id = 1;\n}\n");
  auto broken = test::run_accord({"breaking", "--against", "git:HEAD", "protos/acme/user.proto"}, repo.str());
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("HEAD:protos/acme/user.proto:5:1: ") != std::string::npos);
}

TEST_CASE("cli: an Avro schema against git:REF reads it and its -I definitions at the ref", "[cli][git][avro]") {
  TempRepo repo;
  repo.write("avro/types/address.avsc",
             R"({"type": "record", "name": "Address", "namespace": "acme", "fields": [{"name": "street", "type": "string"}]})");
  repo.write("avro/user.avsc", R"({"type": "record", "name": "User", "namespace": "acme", "fields": [
  {"name": "id", "type": "long"},
  {"name": "home", "type": "acme.Address"}
]})");
  repo.commit_all("v1");
  // The working tree renames the -I type: the old user.avsc parses only over the old definitions.
  repo.write("avro/types/address.avsc",
             R"({"type": "record", "name": "Location", "namespace": "acme", "fields": [{"name": "street", "type": "string"}]})");
  repo.write("avro/user.avsc", R"({"type": "record", "name": "User", "namespace": "acme", "fields": [
  {"name": "id", "type": "long"},
  {"name": "home", "type": "acme.Location"},
  {"name": "email", "type": "string"}
]})");
  test::GitLog git;
  auto r = git.accord({"breaking", "--against", "git:main", "avro/user.avsc", "-I", "avro/types", "--format", "json"},
                      repo.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"rule\": \"avro.field-added-without-default\"") != std::string::npos);
  CHECK(r.out.find("\"file\": \"main:avro/user.avsc\"") != std::string::npos);
  CHECK(git.blob_reads() == std::map<std::string, int>{{"avro/types/address.avsc", 1}, {"avro/user.avsc", 1}});
}

TEST_CASE("cli: a GraphQL schema against git:REF is read at the ref", "[cli][git][graphql]") {
  TempRepo repo;
  repo.write("api/schema.graphql", "type Query {\n  user: User\n}\n\ntype User {\n  id: ID!\n  email: String\n}\n");
  repo.commit_all("v1");
  repo.write("api/schema.graphql", "type Query {\n  user: User\n}\n\ntype User {\n  id: ID!\n}\n");
  test::GitLog git;
  auto r = git.accord({"breaking", "--against", "git:main", "api/schema.graphql", "--format", "json"}, repo.str());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"rule\": \"graphql.field-removed\"") != std::string::npos);
  CHECK(r.out.find("\"file\": \"main:api/schema.graphql\"") != std::string::npos);
  CHECK(git.blob_reads() == std::map<std::string, int>{{"api/schema.graphql", 1}});
}
