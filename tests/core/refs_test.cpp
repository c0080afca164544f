#include <catch2/catch.hpp>

#include "core/json_pointer.h"
#include "core/loader.h"
#include "core/refs.h"

using namespace accord::core;

namespace {
const char* kRoot = "fixtures/core/refs/root.yaml";

const Node* schema(const Document* doc, const char* name) {
  return pointer_resolve(doc->root(), std::string("/components/schemas/") + name);
}

class FakeRemote : public RemoteSource {
 public:
  Expected<std::string> fetch(const std::string& url) override {
    fetched.push_back(url);
    return std::string("Thing: {type: integer}\n");
  }
  std::vector<std::string> fetched;
};
}  // namespace

TEST_CASE("a local $ref resolves, a recursive schema is not an error", "[refs]") {
  DocumentSet set;
  auto doc = set.load(kRoot);
  REQUIRE(doc.ok());
  auto alias = set.resolve(schema(*doc, "Alias"), "/components/schemas/Alias");
  REQUIRE(alias.ok());
  CHECK(alias->pointer == "/components/schemas/Node");
  CHECK(alias->node == schema(*doc, "Node"));
  auto next = set.resolve(pointer_resolve((*doc)->root(), "/components/schemas/Node/properties/next"));
  REQUIRE(next.ok());
  CHECK(next->node == schema(*doc, "Node"));
}

TEST_CASE("relative file refs resolve, also from the referenced file", "[refs]") {
  DocumentSet set;
  auto doc = set.load(kRoot);
  REQUIRE(doc.ok());
  auto user = set.resolve(schema(*doc, "External"));
  REQUIRE(user.ok());
  CHECK(user->document->path() == "fixtures/core/refs/schemas/user.yaml");
  CHECK(user->pointer == "/User");
  auto address = set.resolve(pointer_resolve(user->node, "/properties/address"));
  REQUIRE(address.ok());
  CHECK(address->document->path() == "fixtures/core/refs/shared/address.yaml");
  CHECK(address->node->get("properties")->get("street"));
}

TEST_CASE("a dangling $ref names the file:line:col of the $ref", "[refs]") {
  DocumentSet set;
  auto doc = set.load(kRoot);
  REQUIRE(doc.ok());
  auto r = set.resolve(schema(*doc, "Dangling"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().file == kRoot);
  CHECK(r.error().line == 13);
  CHECK(r.error().column == 13);
  CHECK(r.error().message.find("dangling $ref") != std::string::npos);
}

TEST_CASE("a $ref chain that loops is an error, not a hang", "[refs]") {
  DocumentSet set;
  auto doc = set.load(kRoot);
  REQUIRE(doc.ok());
  auto r = set.resolve(schema(*doc, "LoopA"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("circular") != std::string::npos);
}

TEST_CASE("remote refs need an explicit remote source", "[refs]") {
  DocumentSet offline;
  auto doc = offline.load(kRoot);
  REQUIRE(doc.ok());
  auto r = offline.resolve(schema(*doc, "Remote"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("--allow-remote-refs") != std::string::npos);

  FakeRemote remote;
  DocumentSet online(&remote);
  auto doc2 = online.load(kRoot);
  REQUIRE(doc2.ok());
  auto thing = online.resolve(schema(*doc2, "Remote"));
  REQUIRE(thing.ok());
  CHECK(thing->node->get_text("type") == "integer");
  CHECK(remote.fetched == std::vector<std::string>{"https://example.invalid/schemas.yaml"});
}

TEST_CASE("locations join like URIs", "[refs]") {
  CHECK(join_location("a/b/root.yaml", "../c.yaml") == "a/c.yaml");
  CHECK(join_location("root.yaml", "./x/y.yaml") == "x/y.yaml");
  CHECK(join_location("https://h/a/b.yaml", "../c.yaml") == "https://h/c.yaml");
  CHECK(join_location("/abs/r.yaml", "s.yaml") == "/abs/s.yaml");
}

// A document's identifiers are counted while it loads: one whose only `$id`
// is its root's is not walked, and its `$ref`s resolve against that root
// base all the same; a nested `$id` still rebases the `$ref`s under it.
TEST_CASE("$refs resolve against the root $id, and against a nested $id under it", "[refs]") {
  const std::string only_root = R"({"$id": "https://example.test/schemas/root.json",
    "properties": {"plain": {"$ref": "shared.yaml#/Thing"}, "id": {"type": "string"}}})";
  const std::string with_nested = R"({"$id": "https://example.test/schemas/root.json",
    "properties": {"plain": {"$ref": "shared.yaml#/Thing"},
      "nested": {"$id": "https://other.test/x/", "properties": {"inner": {"$ref": "y.yaml#/Thing"}}}}})";
  auto counted = load_text("root.json", only_root, Syntax::json);
  REQUIRE(counted.ok());
  CHECK((*counted)->identifier_keys().dollar_id == 1);
  CHECK((*counted)->identifier_keys().plain_id == 1);  // a property named "id", no identifier here
  CHECK((*counted)->identifier_keys().anchors == 0);
  for (bool nested : {false, true}) {
    CAPTURE(nested);
    FakeRemote remote;
    DocumentSet set(&remote);
    auto doc = load_text("root.json", nested ? with_nested : only_root, Syntax::json);
    REQUIRE(doc.ok());
    const Document* root = set.adopt(std::move(*doc));
    auto plain = set.resolve(pointer_resolve(root->root(), "/properties/plain"));
    INFO((plain.ok() ? std::string() : plain.error().render()));
    REQUIRE(plain.ok());
    CHECK(plain->node->get_text("type") == "integer");
    if (nested) {
      auto inner = set.resolve(pointer_resolve(root->root(), "/properties/nested/properties/inner"));
      REQUIRE(inner.ok());
    }
    const std::vector<std::string> expected = nested ? std::vector<std::string>{"https://example.test/schemas/shared.yaml",
                                                                                "https://other.test/x/y.yaml"}
                                                     : std::vector<std::string>{"https://example.test/schemas/shared.yaml"};
    CHECK(remote.fetched == expected);
  }
}
