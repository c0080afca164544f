// Message payloads by schemaFormat: Avro payloads go through the Avro rules
// (placed in the .avsc when it is a $ref'd file), OpenAPI 3.0 ones through
// the schema comparator with OpenAPI 3.0 semantics, anything else is
// reported as not compared.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "diff/engine.h"

using namespace accord;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> rules_of(const std::vector<diff::Finding>& findings) {
  std::vector<std::string> out;
  for (const diff::Finding& f : findings) out.push_back(f.rule);
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<std::string> kOpenApi30Rules{"asyncapi.receive-became-not-nullable", "asyncapi.receive-min-increased"};
const std::string kReceive = "fixtures/asyncapi/rules/avro-payload-receive/";

}  // namespace

TEST_CASE("every Avro schemaFormat spelling is compared by the Avro rules", "[asyncapi][avro]") {
  const std::string written = "application/vnd.apache.avro+json;version=1.9.0";
  for (std::string format :
       {"application/vnd.apache.avro;version=1.9.0", "application/vnd.apache.avro+yaml;version=1.9.0",
        "application/vnd.apache.avro+json;version=1.8.2", "Application/VND.Apache.Avro; version=1.9.0"}) {
    INFO(format);
    auto findings = diff::compare_contracts({"old.yaml", replaced(read(kReceive + "old.yaml"), written, format)},
                                            {"new.yaml", replaced(read(kReceive + "new.yaml"), written, format)}, {});
    REQUIRE(findings.ok());
    CHECK(rules_of(*findings) == std::vector<std::string>{"avro.enum-symbols-changed",
                                                          "avro.field-added-without-default", "avro.type-promoted"});
  }
}

TEST_CASE("a $ref'd .avsc payload is placed in the .avsc files, under the message's operation", "[asyncapi][avro]") {
  const std::string dir = "fixtures/asyncapi/rules/avro-payload-avsc-ref/";
  auto findings = diff::compare_contracts({dir + "old.yaml", std::nullopt}, {dir + "new.yaml", std::nullopt}, {});
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 2);
  for (const diff::Finding& f : *findings) {
    INFO(f.rule);
    REQUIRE(f.old_place);
    REQUIRE(f.new_place);
    CHECK(f.old_place->file == dir + "measured-old.avsc");
    CHECK(f.new_place->file == dir + "measured-new.avsc");
    CHECK(f.operation == "send lights.measured");
    CHECK(f.arg("message") == "measured");
  }
}

TEST_CASE("a payload whose schema format changes is reported as not compared, naming both", "[asyncapi][avro]") {
  std::string avro = read(kReceive + "old.yaml");
  std::string raml =
      replaced(avro, "application/vnd.apache.avro+json;version=1.9.0", "application/raml+yaml;version=1.0");
  auto findings = diff::compare_contracts({"old.yaml", avro}, {"new.yaml", raml}, {});
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 1);
  CHECK(findings->front().rule == "asyncapi.payload-not-compared");
  CHECK(findings->front().arg("schema_format") ==
        "application/vnd.apache.avro+json;version=1.9.0 -> application/raml+yaml;version=1.0");
}

TEST_CASE("OpenAPI 3.0 payloads keep their semantics, which a JSON Schema payload does not have",
          "[asyncapi][openapi30]") {
  const std::string dir = "fixtures/asyncapi/rules/openapi30-payload/";
  const std::string format = "        schemaFormat: application/vnd.oai.openapi;version=3.0.0\n";
  auto as_openapi = diff::compare_contracts({dir + "old.yaml", std::nullopt}, {dir + "new.yaml", std::nullopt}, {});
  REQUIRE(as_openapi.ok());
  CHECK(rules_of(*as_openapi) == kOpenApi30Rules);
  // The same payloads as AsyncAPI's default format: `nullable` is no keyword there.
  for (std::string spelling :
       {"application/vnd.oai.openapi+yaml;version=3.0.0", "application/vnd.oai.openapi+json;version=3.0.0"}) {
    INFO(spelling);
    auto other = diff::compare_contracts(
        {"old.yaml", replaced(read(dir + "old.yaml"), "application/vnd.oai.openapi;version=3.0.0", spelling)},
        {"new.yaml", replaced(read(dir + "new.yaml"), "application/vnd.oai.openapi;version=3.0.0", spelling)}, {});
    REQUIRE(other.ok());
    CHECK(rules_of(*other) == kOpenApi30Rules);
  }
  auto as_json_schema = diff::compare_contracts({"old.yaml", replaced(read(dir + "old.yaml"), format, "")},
                                                {"new.yaml", replaced(read(dir + "new.yaml"), format, "")}, {});
  REQUIRE(as_json_schema.ok());
  // `nullable` beside a `$ref` is a sibling draft-07 ignores; the boolean
  // exclusiveMinimum is read leniently in both.
  CHECK(rules_of(*as_json_schema) == std::vector<std::string>{"asyncapi.receive-min-increased"});
}

TEST_CASE("a JSON Schema schemaFormat naming a draft reads the payload in that draft", "[asyncapi][dialect]") {
  auto document = [](const std::string& format, bool limited) {
    return "asyncapi: 2.6.0\ninfo: {title: t, version: '1'}\nchannels:\n  c:\n    publish:\n      message:\n"
           "        name: m\n" +
           (format.empty() ? std::string() : "        schemaFormat: " + format + "\n") +
           "        payload:\n          $ref: '#/components/schemas/S'\n" + (limited ? "          maxLength: 5\n" : "") +
           "components:\n  schemas:\n    S: {type: string}\n";
  };
  // Keywords beside a `$ref` apply from 2019-09 on; draft-07 (AsyncAPI's default) ignores them.
  for (auto [format, expected] :
       {std::pair<std::string, std::vector<std::string>>{"", {}},
        {"application/schema+json;version=draft-07", {}},
        {"application/schema+yaml;version=2020-12", {"asyncapi.receive-max-length-set"}}}) {
    INFO(format);
    auto findings =
        diff::compare_contracts({"old.yaml", document(format, false)}, {"new.yaml", document(format, true)}, {});
    REQUIRE(findings.ok());
    CHECK(rules_of(*findings) == expected);
  }
}

TEST_CASE("an Avro payload's named type from a sibling .avsc is compared there, in the message's direction",
          "[asyncapi][avro][named-types]") {
  const std::string dir = "fixtures/asyncapi/rules/avro-payload-named-type-file/";
  auto findings = diff::compare_contracts({dir + "old.yaml", std::nullopt}, {dir + "new.yaml", std::nullopt}, {});
  REQUIRE(findings.ok());
  std::vector<std::string> seen;
  for (const diff::Finding& f : *findings) {
    INFO(f.rule);
    REQUIRE(f.old_place);
    REQUIRE(f.new_place);
    // The field is removed in com.acme.Address, which order.avsc only names.
    CHECK(f.old_place->file == dir + "old/com.acme.Address.avsc");
    CHECK(f.new_place->file == dir + "new/com.acme.Address.avsc");
    CHECK(f.arg("field") == "zip");
    seen.push_back(f.rule + "=" + std::string(diff::severity_name(f.severity)) + " " + f.operation);
  }
  std::sort(seen.begin(), seen.end());
  // Sent: OLD consumers read what NEW writes (forward); received: NEW reads what OLD senders write (backward).
  CHECK(seen == std::vector<std::string>{"avro.field-removed-without-default=error send orders.placed",
                                         "avro.field-removed=info receive orders.placed"});
}

TEST_CASE("an inline Avro payload finds its named types in any .avsc beside the AsyncAPI file",
          "[asyncapi][avro][named-types]") {
  const std::string dir = "fixtures/asyncapi/avro-types/sibling/";
  auto findings =
      diff::compare_contracts({dir + "old/api.yaml", std::nullopt}, {dir + "new/api.yaml", std::nullopt}, {});
  REQUIRE(findings.ok());
  REQUIRE(findings->size() == 1);
  const diff::Finding& f = findings->front();
  CHECK(f.rule == "avro.field-added-without-default");
  CHECK(f.arg("field") == "country");
  CHECK(f.new_place->file == dir + "new/address.avsc");
  CHECK(f.new_place->line == 8);
  CHECK(f.old_place->file == dir + "old/address.avsc");
}

TEST_CASE("Avro payload types come from -I roots, an unknown one names where it is used",
          "[asyncapi][avro][named-types]") {
  const std::string dir = "fixtures/asyncapi/avro-types/include/";
  const diff::ContractInput old_input{dir + "old.yaml", std::nullopt}, new_input{dir + "new.yaml", std::nullopt};
  auto without = diff::compare_contracts(old_input, new_input, {});
  REQUIRE_FALSE(without.ok());
  CHECK(without.error().render() == dir + "old.yaml:21:23: unknown Avro type \"com.acme.Address\" (no .avsc file in " +
                                        dir + " defines it)");
  diff::CompareOptions options;
  options.include_paths = {dir + "types"};
  auto with = diff::compare_contracts(old_input, new_input, options);
  REQUIRE(with.ok());
  REQUIRE(with->size() == 1);
  CHECK(with->front().rule == "avro.field-added-without-default");
  CHECK(with->front().arg("field") == "note");
}

TEST_CASE("a .avsc that cannot be read is the error when no other file defines the type",
          "[asyncapi][avro][named-types]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("accord-avro-types-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string api = read("fixtures/asyncapi/avro-types/sibling/old/api.yaml");
  for (std::string version : {"old", "new"}) std::ofstream(dir / (version + ".yaml")) << api;
  std::ofstream(dir / "broken.avsc") << "{\"type\": \"record\", \"name\": ";
  auto findings = diff::compare_contracts({(dir / "old.yaml").string(), std::nullopt},
                                          {(dir / "new.yaml").string(), std::nullopt}, {});
  std::string file = findings.ok() ? "" : findings.error().file;
  fs::remove_all(dir);
  REQUIRE_FALSE(findings.ok());
  CHECK(file == (dir / "broken.avsc").string());
}

TEST_CASE("3.x headers given as a Multi Format Schema object are compared in their format", "[asyncapi][headers]") {
  const std::string dir = "fixtures/asyncapi/rules/headers-multi-format/";
  auto findings = diff::compare_contracts({dir + "old.yaml", std::nullopt}, {dir + "new.yaml", std::nullopt}, {});
  REQUIRE(findings.ok());
  std::vector<std::string> seen;
  for (const diff::Finding& f : *findings) seen.push_back(f.rule + " " + std::string(f.arg("subject")) + " " + f.operation);
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<std::string>{
                    "asyncapi.send-optional-property-removed message 'reading' headers send devices.telemetry",
                    "avro.field-added-without-default message 'command' headers receive devices.commands"});
  // Headers in a format accord does not read are said to be unchecked, as payloads are.
  const std::string avro = "application/vnd.apache.avro+yaml;version=1.9.0";
  const std::string raml = "application/raml+yaml;version=1.0";
  auto other = diff::compare_contracts({"old.yaml", replaced(read(dir + "old.yaml"), avro, raml)},
                                       {"new.yaml", replaced(read(dir + "new.yaml"), avro, raml)}, {});
  REQUIRE(other.ok());
  std::vector<std::string> unchecked;
  for (const diff::Finding& f : *other)
    if (f.rule == "asyncapi.payload-not-compared") unchecked.push_back(std::string(f.arg("message")) + " " + std::string(f.arg("part")) + " " + f.message);
  CHECK(unchecked == std::vector<std::string>{"command headers message 'command': " + raml + " headers not compared"});
}

TEST_CASE("Kafka keys written in Avro are compared by the Avro rules whatever the payload format", "[asyncapi][kafka]") {
  auto document = [](const std::string& key) {
    return "asyncapi: 2.6.0\ninfo: {title: t, version: '1'}\nchannels:\n  c:\n    publish:\n      message:\n"
           "        name: m\n        bindings:\n          kafka:\n            key: " +
           key + "\n        payload: {type: object}\n";
  };
  auto change_of = [&](const std::string& old_key, const std::string& new_key) {
    auto findings = diff::compare_contracts({"old.yaml", document(old_key)}, {"new.yaml", document(new_key)}, {});
    REQUIRE(findings.ok());
    std::vector<std::string> out;
    for (const diff::Finding& f : *findings) out.push_back(f.rule + " " + std::string(f.arg("change")));
    return out;
  };
  const std::string record = "{type: record, name: K, fields: [{name: id, type: string}]}";
  // A record is no JSON Schema: the Avro rules read the key, received here (backward).
  CHECK(change_of("{type: string}", record) == std::vector<std::string>{"asyncapi.kafka-key-changed type-changed"});
  CHECK(change_of("int", "long").empty());  // a promotion reads the old keys
  CHECK(change_of("long", "int") == std::vector<std::string>{"asyncapi.kafka-key-changed type-changed"});
  CHECK(change_of("[string, int]", "string") ==
        std::vector<std::string>{"asyncapi.kafka-key-changed union-branch-removed"});
  // A JSON Schema key that no Avro parser reads, replaced by an Avro one.
  CHECK(change_of("{type: object, properties: {id: {type: string}}}", record) ==
        std::vector<std::string>{"asyncapi.kafka-key-changed JSON Schema -> Avro"});
  // Keys that are JSON Schema on both sides keep the schema comparator.
  CHECK(change_of("{type: string}", "{type: integer}") ==
        std::vector<std::string>{"asyncapi.kafka-key-changed type-changed"});
}
