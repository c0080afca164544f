// buf parity found by side-by-side runs on real trees (issue 10): images as
// OLD, buf.yaml versions, deletion positions, targets under -I roots and
// editions files. Expected findings were checked against buf 1.75 on the
// same fixtures (buf breaking NEW --against OLD).
#include <catch2/catch.hpp>

#include <set>

#include "diff/engine.h"
#include "tests/rule_fixture_support.h"

using namespace accord;

namespace {

core::Expected<std::vector<diff::Finding>> compare(const std::string& old_path, const std::string& new_path,
                                                   diff::CompareOptions options = {}) {
  return diff::compare_contracts({old_path, std::nullopt}, {new_path, std::nullopt}, options);
}

// "<rule> <new place> <old place>" per finding, places relative to `dir`.
std::multiset<std::string> described(const std::vector<diff::Finding>& findings, const std::string& dir) {
  std::multiset<std::string> out;
  for (const diff::Finding& f : findings)
    out.insert(f.rule + " " + test::where(f.new_place, dir) + " " + test::where(f.old_place, dir));
  return out;
}

const std::string kImage = "fixtures/proto/image/";

}  // namespace

TEST_CASE("an OLD image's imported files are not deleted files", "[proto][inputs][image]") {
  diff::CompareOptions options;
  options.include_paths = {kImage + "new/include"};
  // buf marks dep/v1/dep.proto and google/protobuf/timestamp.proto is_import;
  // protoc --include_imports marks nothing: they are only dependencies there.
  for (const char* old_image : {"old.buf.binpb", "old.protoc.binpb"}) {
    INFO(old_image);
    auto findings = compare(kImage + old_image, kImage + "new/proto", options);
    REQUIRE(findings.ok());
    CHECK(described(*findings, kImage) ==
          std::multiset<std::string>{"proto.field-no-delete new/proto/acme/v1/user.proto:7:1 acme/v1/user.proto:9:3"});
  }
}

TEST_CASE("a dependency the other version compares is compared", "[proto][inputs][image]") {
  // NEW names dep/v1/dep.proto as its own file (the include root is the target): OLD's copy is compared.
  auto findings = compare(kImage + "old.protoc.binpb", kImage + "new/include");
  REQUIRE(findings.ok());
  std::multiset<std::string> rules;
  for (const diff::Finding& f : *findings) rules.insert(f.rule + " " + f.args.front().value);
  CHECK(rules.count("proto.file-no-delete acme/v1/user.proto") == 1);
  CHECK(rules.count("proto.file-no-delete dep/v1/dep.proto") == 0);
  CHECK(rules.count("proto.file-no-delete google/protobuf/timestamp.proto") == 0);
}

TEST_CASE("an editions file is exit-2 material from sources and images alike", "[proto][errors]") {
  const std::string dir = "fixtures/proto/errors/editions/";
  auto from_sources = compare(dir + "old", dir + "new");
  REQUIRE_FALSE(from_sources.ok());
  CHECK(from_sources.error().file == dir + "new/a.proto");
  CHECK(from_sources.error().line == 1);
  CHECK(from_sources.error().column == 1);
  CHECK(from_sources.error().message.find("cannot parse editions") != std::string::npos);
  CHECK(from_sources.error().message.find("libprotobuf version 3.") != std::string::npos);
  auto from_image = compare(dir + "image.binpb", dir + "new");
  REQUIRE_FALSE(from_image.ok());
  CHECK(from_image.error().file == "a.proto");
  CHECK(from_image.error().line == 1);
  CHECK(from_image.error().column == 1);
  CHECK(from_image.error().message.find("cannot parse editions") != std::string::npos);
  CHECK(from_image.error().message.find("image.binpb") != std::string::npos);
}

namespace {

const std::string kVersions = "fixtures/proto/config/versions/";

// The findings (and notes) under one config of fixtures/proto/config/versions; "" = no config.
core::Expected<std::vector<diff::Finding>> under_config(const std::string& config, std::vector<std::string>* notes = nullptr) {
  diff::CompareOptions options;
  if (!config.empty()) options.proto_config = kVersions + config;
  options.notes = notes;
  return compare(kVersions + "old", kVersions + "new", options);
}

}  // namespace

TEST_CASE("buf.yaml v1, and no buf.yaml, run buf's v1 defaults, v2 its v2 defaults", "[proto][config]") {
  const std::multiset<std::string> v1{
      "proto.field-same-cpp-string-type new/a.proto:4:44 old/a.proto:4:44",
      "proto.field-same-cardinality new/a.proto:5:3 old/a.proto:5:3",
  };
  for (const char* config : {"", "v1.yaml"}) {
    INFO("config '" << config << "'");
    auto findings = under_config(config);
    REQUIRE(findings.ok());
    CHECK(described(*findings, kVersions) == v1);
  }
  auto findings = under_config("v2.yaml");
  REQUIRE(findings.ok());
  std::multiset<std::string> v2 = v1;
  v2.insert("proto.extension-no-delete new/a.proto old/a.proto:8:15");
  // buf says 4:29 (the word `default`); protoc's source info only has the value's position.
  v2.insert("proto.field-same-default new/a.proto:4:39 old/a.proto:4:39");
  CHECK(described(*findings, kVersions) == v2);
}

TEST_CASE("v1's deprecated rule IDs run their replacements, with a warning naming them", "[proto][config]") {
  std::vector<std::string> notes;
  auto findings = under_config("v1-deprecated.yaml", &notes);
  REQUIRE(findings.ok());
  CHECK(described(*findings, kVersions) == std::multiset<std::string>{
                                               "proto.field-same-cpp-string-type new/a.proto:4:44 old/a.proto:4:44",
                                               "proto.field-same-cardinality new/a.proto:5:3 old/a.proto:5:3",
                                               "proto.field-wire-compatible-cardinality new/a.proto:5:3 old/a.proto:5:3",
                                               "proto.field-wire-json-compatible-cardinality new/a.proto:5:3 old/a.proto:5:3",
                                           });
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].find("FIELD_SAME_CTYPE is deprecated") != std::string::npos);
  CHECK(notes[0].find("proto.field-same-cpp-string-type") != std::string::npos);
  CHECK(notes[1].find("FIELD_SAME_LABEL is deprecated") != std::string::npos);
  CHECK(notes[1].find("proto.field-wire-json-compatible-cardinality") != std::string::npos);

  notes.clear();
  auto excepted = under_config("v1-except-deprecated.yaml", &notes);
  REQUIRE(excepted.ok());
  CHECK(described(*excepted, kVersions) ==
        std::multiset<std::string>{"proto.field-same-cpp-string-type new/a.proto:4:44 old/a.proto:4:44"});
  CHECK(notes.size() == 1);
}

TEST_CASE("names a buf.yaml version does not know are errors, as in buf", "[proto][config]") {
  // v2 dropped the deprecated IDs; v1 has no CSR category and no FIELD_SAME_DEFAULT.
  for (const char* config : {"v2-deprecated.yaml", "v1-csr.yaml", "v1-v2-rule.yaml"}) {
    INFO(config);
    auto findings = under_config(config);
    REQUIRE_FALSE(findings.ok());
    CHECK(findings.error().message.find("unknown proto rule or category") != std::string::npos);
    CHECK(findings.error().file == kVersions + config);
  }
}

TEST_CASE("a target directory under an -I root names its files as protoc does", "[proto][inputs]") {
  // order.proto imports "acme/v1/types.proto", which is also a file of the
  // target directory acme/: one file under one name, not "already defined".
  const std::string dir = "fixtures/proto/include-root/";
  const std::multiset<std::string> expected{
      "proto.field-no-delete new/protos/acme/v1/types.proto:4:1 old/protos/acme/v1/types.proto:6:3"};
  for (std::vector<std::string> includes : {std::vector<std::string>{"protos"},
                                            std::vector<std::string>{dir + "old/protos", dir + "new/protos"}}) {
    INFO(includes.front());
    diff::CompareOptions options;
    options.include_paths = includes;
    auto findings = compare(dir + "old/protos/acme", dir + "new/protos/acme", options);
    REQUIRE(findings.ok());
    CHECK(described(*findings, dir) == expected);
  }
}
