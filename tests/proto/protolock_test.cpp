// proto.lock (protolock's snapshot) as a version: compared with a tree it
// gives the findings the tree it was taken from would give, positioned in
// the lock; `accord lock` writes the snapshot protolock writes.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/loader.h"
#include "diff/engine.h"
#include "diff/model/rules.h"
#include "diff/proto/image.h"
#include "diff/proto/protolock.h"

using namespace accord;

namespace {

const std::string kDir = "fixtures/proto/protolock/";

core::Expected<std::vector<diff::Finding>> compare(const std::string& old_path, const std::string& new_path) {
  return diff::compare_contracts({old_path, std::nullopt}, {new_path, std::nullopt}, {});
}

// What a finding says and about what, without where (the lock has its own lines).
std::multiset<std::string> what(const std::vector<diff::Finding>& findings) {
  std::multiset<std::string> out;
  for (const diff::Finding& f : findings)
    out.insert(f.rule + " " + (f.old_place ? f.old_place->pointer : "-") + " " + f.message);
  return out;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("a proto.lock compared with a tree finds what its source tree would", "[proto][protolock]") {
  auto from_tree = compare(kDir + "old", kDir + "new");
  REQUIRE(from_tree.ok());
  auto from_lock = compare(kDir + "proto.lock", kDir + "new");
  REQUIRE(from_lock.ok());
  CHECK(what(*from_lock) == what(*from_tree));
  std::set<std::string> rules;
  for (const diff::Finding& f : *from_lock) rules.insert(f.rule);
  // The fixture's changes: a map field (and so its entry message) and an RPC
  // deleted, a reserved number dropped, an enum value deleted, a type changed,
  // a field renamed (its JSON name with it), a response type changed.
  CHECK(rules == std::set<std::string>{"proto.enum-value-no-delete", "proto.field-no-delete", "proto.field-same-json-name",
                                       "proto.field-same-name", "proto.field-same-type", "proto.message-no-delete",
                                       "proto.reserved-message-no-delete", "proto.rpc-no-delete",
                                       "proto.rpc-same-response-type"});
  for (const diff::Finding& f : *from_lock) {
    INFO(f.rule << " " << f.message);
    REQUIRE(f.old_place);
    CHECK(f.old_place->file == kDir + "proto.lock");
    CHECK(f.old_place->line > 1);
  }
}

TEST_CASE("a proto.lock against the tree it was taken from, or a lock of the new tree, is no change", "[proto][protolock]") {
  auto same = compare(kDir + "proto.lock", kDir + "old");
  REQUIRE(same.ok());
  CHECK(what(*same).empty());
}

TEST_CASE("accord lock writes the snapshot protolock writes, and it reads back as its tree", "[proto][protolock]") {
  auto image = diff::proto::load_image({kDir + "old", {}, {}, {}, {}});
  REQUIRE(image.ok());
  CHECK(diff::proto::write_protolock(*image) == read(kDir + "proto.lock"));
  // The new tree's lock, read back, is the new tree: no change against it.
  auto new_image = diff::proto::load_image({kDir + "new", {}, {}, {}, {}});
  REQUIRE(new_image.ok());
  std::string dir = "build-test-protolock";
  std::filesystem::create_directories(dir);
  { std::ofstream(dir + "/proto.lock") << diff::proto::write_protolock(*new_image); }
  auto round_trip = compare(dir + "/proto.lock", kDir + "new");
  REQUIRE(round_trip.ok());
  CHECK(what(*round_trip).empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("a malformed proto.lock is an error naming where", "[proto][protolock][errors]") {
  auto not_lock = core::load_text("x/proto.lock", "{\n  \"files\": []\n}");
  REQUIRE(not_lock.ok());
  auto read_back = diff::proto::read_protolock(**not_lock, {});
  REQUIRE_FALSE(read_back.ok());
  CHECK(read_back.error().render() ==
        "x/proto.lock:1:1: not a proto.lock: no \"definitions\" array (protolock's snapshot of a .proto tree)");
  auto orphan = core::load_text("x/proto.lock", R"({"definitions": [{"protopath": "a.proto", "def": {
  "enums": [{"name": "Missing.Kind", "enum_fields": [{"name": "A"}]}]}}]})");
  REQUIRE(orphan.ok());
  auto orphan_read = diff::proto::read_protolock(**orphan, {});
  REQUIRE_FALSE(orphan_read.ok());
  CHECK(orphan_read.error().render() ==
        "x/proto.lock:2:13: enum \"Missing.Kind\" names a parent message the lock does not hold");
}

TEST_CASE("protolock's rule names map to proto rules that exist", "[proto][protolock][rules]") {
  auto names = diff::proto::protolock_rule_names();
  CHECK(names.size() == 9);  // protolock's ruleFuncs
  for (const auto& n : names) {
    INFO(n.peer_rule);
    std::string ids(n.rule_ids);
    size_t start = 0, count = 0;
    while (start < ids.size()) {
      size_t end = ids.find(' ', start);
      if (end == std::string::npos) end = ids.size();
      const diff::RuleInfo* rule = diff::find_rule(ids.substr(start, end - start));
      CHECK(rule != nullptr);
      if (rule) CHECK(rule->format == diff::Format::proto);
      ++count;
      start = end + 1;
    }
    CHECK(count > 0);
  }
}
