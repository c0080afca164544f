// Inputs other than two directories: descriptor sets, single files, errors
// that must come back as values naming the file, and buf.yaml handling.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "diff/engine.h"
#include "diff/proto/config.h"

using namespace accord;

namespace {
core::Expected<std::vector<diff::Finding>> compare(const std::string& old_path, const std::string& new_path,
                                                   diff::CompareOptions options = {}) {
  return diff::compare_contracts({old_path, std::nullopt}, {new_path, std::nullopt}, options);
}
}  // namespace

TEST_CASE("binary descriptor sets compare like sources, with positions", "[proto][inputs]") {
  auto findings = compare("fixtures/proto/descriptor-set/old.binpb", "fixtures/proto/descriptor-set/new.binpb");
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 1);
  const diff::Finding& f = findings->front();
  CHECK(f.rule == "proto.field-no-delete");
  CHECK(f.message == "Previously present field \"2\" with name \"email\" on message \"User\" was deleted.");
  REQUIRE(f.new_place);
  CHECK(f.new_place->line == 5);
  CHECK(f.new_place->pointer == "acme.v1.User");
}

TEST_CASE("two single files are compared as one file, whatever their names", "[proto][inputs]") {
  auto findings = compare("fixtures/proto/rules/field-same-name/old/a.proto",
                          "fixtures/proto/rules/field-same-name/new/a.proto");
  REQUIRE(findings.ok());
  bool renamed = false;
  for (const diff::Finding& f : *findings) renamed |= f.rule == "proto.field-same-name";
  CHECK(renamed);
}

TEST_CASE("a missing import names the import and the importing line", "[proto][errors]") {
  auto findings = compare("fixtures/proto/errors/missing-import/old", "fixtures/proto/errors/missing-import/new");
  REQUIRE_FALSE(findings.ok());
  CHECK(findings.error().file == "fixtures/proto/errors/missing-import/new/a.proto");
  CHECK(findings.error().line == 3);
  CHECK(findings.error().message.find("acme/v1/missing.proto") != std::string::npos);
}

TEST_CASE("a missing input or a garbage descriptor set is an error value", "[proto][errors]") {
  CHECK_FALSE(compare("fixtures/proto/nope", "fixtures/proto/nope2").ok());
  auto garbage = compare("fixtures/proto/descriptor-set/old.binpb", "fixtures/proto/errors/garbage.binpb");
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.error().message.find("FileDescriptorSet") != std::string::npos);
}

TEST_CASE("buf.yaml in NEW's root: except and ignore_unstable_packages apply", "[proto][config]") {
  auto findings = compare("fixtures/proto/config/unstable/old", "fixtures/proto/config/unstable/new");
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 1);  // the v1beta1 deletion is ignored, the type change is excepted
  CHECK(findings->front().rule == "proto.field-no-delete");
  CHECK(findings->front().new_place->file == "fixtures/proto/config/unstable/new/stable.proto");
}

TEST_CASE("buf.yaml's ignores are applied with accord.yaml's and counted in a note", "[proto][config]") {
  std::vector<std::string> notes;
  diff::CompareOptions options;
  options.notes = &notes;
  auto findings = compare("fixtures/proto/config/unstable/old", "fixtures/proto/config/unstable/new", options);
  REQUIRE(findings.ok());
  CHECK(findings->size() == 1);
  CHECK(std::count(notes.begin(), notes.end(), "1 finding(s) ignored by fixtures/proto/config/unstable/new/buf.yaml") == 1);
}

TEST_CASE("buf.yaml's ignore_only names rules or categories, paths cover the files below them", "[proto][config]") {
  diff::proto::BreakingConfig config;
  config.source = "buf.yaml";
  config.ignore = {"vendor/"};
  config.ignore_only = {{"FIELD_NO_DELETE", {"acme/v1"}}, {"WIRE", {"legacy"}}, {"NO_SUCH_RULE", {"x"}}};
  const std::vector<diff::Ignore> ignores = diff::proto::buf_ignores(config);
  REQUIRE(ignores.size() == 3);  // a name that selects no rule ignores nothing
  auto finding = [](std::string rule, std::string module_path) {
    diff::Finding f;
    f.rule = std::move(rule);
    f.new_place.emplace();
    f.new_place->file = "root/" + module_path;
    f.new_place->module_path = std::move(module_path);
    return f;
  };
  auto ignored = [&](const diff::Finding& f) {
    return std::any_of(ignores.begin(), ignores.end(), [&](const diff::Ignore& i) { return i.matches(f); });
  };
  CHECK(ignored(finding("proto.enum-no-delete", "vendor/x.proto")));
  CHECK_FALSE(ignored(finding("proto.enum-no-delete", "vendorx/x.proto")));
  CHECK(ignored(finding("proto.field-no-delete", "acme/v1/user.proto")));
  CHECK_FALSE(ignored(finding("proto.field-same-name", "acme/v1/user.proto")));
  CHECK(ignored(finding("proto.field-wire-compatible-type", "legacy/a.proto")));  // in WIRE
  CHECK_FALSE(ignored(finding("proto.field-same-name", "legacy/a.proto")));       // not in WIRE
}

TEST_CASE("the category option selects buf's sets: WIRE does not report renames", "[proto][config]") {
  diff::CompareOptions wire;
  wire.proto_categories = {"WIRE"};
  auto findings = compare("fixtures/proto/rules/field-same-name/old", "fixtures/proto/rules/field-same-name/new", wire);
  REQUIRE(findings.ok());
  CHECK(findings->empty());
  diff::CompareOptions file;
  auto with_file = compare("fixtures/proto/rules/field-same-name/old", "fixtures/proto/rules/field-same-name/new", file);
  REQUIRE(with_file.ok());
  CHECK_FALSE(with_file->empty());
  diff::CompareOptions bad;
  bad.proto_categories = {"NOPE"};
  CHECK_FALSE(compare("fixtures/proto/rules/field-same-name/old", "fixtures/proto/rules/field-same-name/new", bad).ok());
}

// Checked against buf 1.75 on the same fixture: alpha's WIRE check reports the
// type change; beta's FILE check covers beta and the alpha file it imports;
// beta's ignore (relative to its module) hides the deletion in ignored.proto.
TEST_CASE("buf.work.yaml: each module is compared under its own buf.yaml", "[proto][config]") {
  const std::string dir = "fixtures/proto/config/workspace/";
  auto findings = compare(dir + "old", dir + "new");
  REQUIRE(findings.ok());
  std::multiset<std::string> actual;
  for (const diff::Finding& f : *findings)
    actual.insert(f.rule + " " + (f.new_place ? f.new_place->file + ":" + std::to_string(f.new_place->line) : "-"));
  const std::string alpha = dir + "new/alpha/acme/alpha/v1/alpha.proto:", beta = dir + "new/beta/acme/beta/v1/beta.proto:";
  std::multiset<std::string> expected{
      "proto.field-wire-compatible-type " + alpha + "7",
      "proto.field-same-type " + alpha + "7",
      "proto.field-same-name " + alpha + "6",
      "proto.field-same-json-name " + alpha + "6",
      "proto.field-same-name " + beta + "10",
      "proto.field-same-json-name " + beta + "10",
  };
  CHECK(actual == expected);
}

TEST_CASE("buf.work.yaml: a module whose check imports nothing else keeps to its own rules", "[proto][config]") {
  // Comparing alpha alone with its WIRE buf.yaml: the rename is not breaking on the wire.
  const std::string dir = "fixtures/proto/config/workspace/";
  auto findings = compare(dir + "old/alpha", dir + "new/alpha");
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 1);
  CHECK(findings->front().rule == "proto.field-wire-compatible-type");
}
