// `accord breaking` on JSON Schema and AsyncAPI files, as a user runs it:
// exit codes per --mode, accord.yaml `mode:`, and unusable input.
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

const std::string kEnumRemoved = "fixtures/jsonschema/rules/mode-backward-glob/";

}  // namespace

TEST_CASE("cli: --mode decides the verdict on a JSON Schema pair", "[jsonschema][cli]") {
  // An enum value removed: breaking for readers (backward), harmless for writers (forward).
  std::string pair = kEnumRemoved + "old.yaml " + kEnumRemoved + "new.yaml";
  auto backward = accord("breaking " + pair);
  INFO(backward.out);
  CHECK(backward.exit_code == 1);
  CHECK(backward.out.find("new.yaml:4:5") != std::string::npos);
  CHECK(accord("breaking --mode forward " + pair).exit_code == 0);
  CHECK(accord("breaking --mode full " + pair).exit_code == 1);
  auto bad = accord("breaking --mode sideways " + pair);
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.find("sideways") != std::string::npos);
}

TEST_CASE("cli: accord.yaml mode: applies by glob", "[jsonschema][cli]") {
  // The fixture's accord.yaml maps new.yaml to backward.
  auto r = accord("breaking " + kEnumRemoved + "old.yaml " + kEnumRemoved + "new.yaml");
  INFO(r.out);
  CHECK(r.exit_code == 1);
  // --mode wins over accord.yaml.
  CHECK(accord("breaking --mode forward " + kEnumRemoved + "old.yaml " + kEnumRemoved + "new.yaml").exit_code == 0);
}

TEST_CASE("cli: AsyncAPI pairs gate like OpenAPI ones", "[asyncapi][cli]") {
  std::string dir = "fixtures/asyncapi/rules/";
  CHECK(accord("breaking " + dir + "same-api-2.6-and-3.0/old.yaml " + dir + "same-api-2.6-and-3.0/new.yaml").exit_code == 0);
  auto r = accord("breaking " + dir + "channel-renamed/old.yaml " + dir + "channel-renamed/new.yaml");
  INFO(r.out);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("asyncapi.channel-renamed") != std::string::npos);
}
