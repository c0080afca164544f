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
          std::multiset<std::string>{"proto.field-no-delete new/proto/acme/v1/user.proto:7:1 acme/v1/user.proto:7:1"});
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
