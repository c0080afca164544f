// `accord breaking` / `accord diff` on AsyncAPI files as a user runs them:
// Avro payloads whose named types live in other .avsc files.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include "test_paths.h"

namespace {

struct Run {
  int exit_code;
  std::string out;
};

Run accord(const std::string& args) {
  std::string command = std::string(ACCORD_BINARY) + " " + args + " 2>&1";
  Run r{-1, ""};
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) r.out.append(buffer.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("cli: a field removed from a named type in a sibling .avsc breaks what the application sends",
          "[asyncapi][avro][cli]") {
  const std::string dir = "fixtures/asyncapi/rules/avro-payload-named-type-file/";
  auto gate = accord("breaking " + dir + "old.yaml " + dir + "new.yaml");
  INFO(gate.out);
  CHECK(gate.exit_code == 1);
  CHECK(contains(gate.out, dir + "new/com.acme.Address.avsc:1:1: error: Field \"zip\" was removed from com.acme.Address"));
  CHECK(contains(gate.out, "(send orders.placed) [avro.field-removed-without-default]"));
  CHECK(contains(gate.out, dir + "old/com.acme.Address.avsc:8:5: note: in the old version"));
  auto changelog = accord("diff --format json " + dir + "old.yaml " + dir + "new.yaml");
  CHECK(changelog.exit_code == 0);
  CHECK(contains(changelog.out, "\"rule\": \"avro.field-removed\""));
  CHECK(contains(changelog.out, "\"operation\": \"receive orders.placed\""));
}

TEST_CASE("cli: -I reaches Avro payloads of AsyncAPI files, without it the type is unknown",
          "[asyncapi][avro][cli]") {
  const std::string dir = "fixtures/asyncapi/avro-types/include/";
  const std::string pair = dir + "old.yaml " + dir + "new.yaml";
  auto without = accord("breaking " + pair);
  INFO(without.out);
  CHECK(without.exit_code == 2);
  CHECK(contains(without.out, dir + "old.yaml:21:23: unknown Avro type \"com.acme.Address\""));
  auto with = accord("breaking " + pair + " -I " + dir + "types");
  INFO(with.out);
  CHECK(with.exit_code == 1);
  CHECK(contains(with.out, dir + "new.yaml:22:17: error: Field \"note\" was added to com.acme.Shipment without a default"));
}
