// The hard limits on untrusted input (issue 14), each at its boundary: the
// input under the limit loads, the one over it is a clear error naming the
// place (file:line:col where there is one).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "contracts/pact/loader.h"
#include "core/limits.h"
#include "core/loader.h"
#include "core/refs.h"

using namespace accord;

namespace {

std::string temp_path(const std::string& name) { return "/tmp/accord-limits-" + std::to_string(::getpid()) + "-" + name; }

// `levels` arrays, one inside the other.
std::string nested(int levels) { return std::string(levels, '[') + std::string(levels, ']'); }

// `aliases` references to an anchored list of 999 scalars (1000 nodes).
std::string aliased(int aliases) {
  std::string yaml = "base: &b [";
  for (int i = 0; i < 999; ++i) yaml += i ? ",x" : "x";
  yaml += "]\nuses:\n";
  for (int i = 0; i < aliases; ++i) yaml += "  - *b\n";
  return yaml;
}

// A chain s0 -> s1 -> ... -> s<hops> where the last one is a real schema.
std::string ref_chain(int hops) {
  std::ostringstream yaml;
  for (int i = 0; i < hops; ++i) yaml << 's' << i << ": {$ref: '#/s" << i + 1 << "'}\n";
  yaml << 's' << hops << ": {type: string}\n";
  return yaml.str();
}

}  // namespace

TEST_CASE("limits: JSON and YAML nesting deeper than 512 is refused with its position", "[limits]") {
  CHECK(core::load_text("ok.json", nested(500)).ok());
  CHECK(core::load_text("ok.yaml", nested(500), core::Syntax::yaml).ok());
  for (auto syntax : {core::Syntax::json, core::Syntax::yaml}) {
    std::string text = nested(600);
    text.insert(text.begin(), '\n');
    auto deep = core::load_text("deep", text, syntax);
    REQUIRE_FALSE(deep.ok());
    CHECK(deep.error().message.find("nesting deeper than 512") != std::string::npos);
    CHECK(deep.error().file == "deep");
    CHECK(deep.error().line == 2);
    CHECK(deep.error().column > 500);
  }
}

TEST_CASE("limits: more than a million nodes expanded through YAML aliases is an alias bomb", "[limits]") {
  CHECK(core::load_text("fine.yaml", aliased(990)).ok());  // 990,000 nodes through aliases
  auto bomb = core::load_text("bomb.yaml", aliased(1001));  // 1,001,000
  REQUIRE_FALSE(bomb.ok());
  CHECK(bomb.error().message == "YAML aliases expand to more than 1000000 nodes (possible alias bomb)");
  CHECK(bomb.error().line == 1003);  // the alias that crossed the line
  // The classic billion laughs: nine levels of ten.
  std::ostringstream laughs;
  laughs << "l0: &l0 [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n";
  for (int i = 1; i < 9; ++i) {
    laughs << 'l' << i << ": &l" << i << " [";
    for (int j = 0; j < 10; ++j) laughs << (j ? ",*l" : "*l") << i - 1;
    laughs << "]\n";
  }
  auto billion = core::load_text("laughs.yaml", laughs.str());
  REQUIRE_FALSE(billion.ok());
  CHECK(billion.error().message.find("possible alias bomb") != std::string::npos);
}

TEST_CASE("limits: a $ref chain longer than 1000 is an error at the first reference, a loop says circular", "[limits]") {
  for (int hops : {999, 1000, 1001, 1500}) {
    auto doc = core::load_text("chain.yaml", ref_chain(hops));
    REQUIRE(doc.ok());
    core::DocumentSet set;
    const core::Document* d = set.adopt(std::move(*doc), "chain.yaml");
    auto r = set.resolve(d->root()->get("s0"), "/s0");
    INFO(hops);
    if (hops <= 1000) {
      REQUIRE(r.ok());
      CHECK(r->pointer == "/s" + std::to_string(hops));
    } else {
      REQUIRE_FALSE(r.ok());
      CHECK(r.error().message == "$ref chain longer than 1000 references");
      CHECK(r.error().line == 1);
    }
  }
  auto loop = core::load_text("loop.yaml", "a: {$ref: '#/b'}\nb: {$ref: '#/c'}\nc: {$ref: '#/a'}\n");
  REQUIRE(loop.ok());
  core::DocumentSet set;
  const core::Document* d = set.adopt(std::move(*loop), "loop.yaml");
  auto r = set.resolve(d->root()->get("b"), "/b");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.find("circular $ref chain") != std::string::npos);
  CHECK(r.error().line == 2);
}

TEST_CASE("limits: an input file over ACCORD_MAX_INPUT_SIZE (default 256 MiB) is refused before it is read", "[limits]") {
  CHECK(core::max_input_bytes() == (256ull << 20));
  CHECK(core::parse_byte_size("64M") == (64ull << 20));
  CHECK(core::parse_byte_size("512KiB") == (512ull << 10));
  CHECK(core::parse_byte_size("1G") == (1ull << 30));
  CHECK(core::parse_byte_size("100") == 100u);
  CHECK_FALSE(core::parse_byte_size("0").has_value());
  CHECK_FALSE(core::parse_byte_size("lots").has_value());
  CHECK_FALSE(core::parse_byte_size("99999999999999999999").has_value());
  CHECK_FALSE(core::parse_byte_size("1T").has_value());

  const std::string path = temp_path("big.yaml");
  std::ofstream(path) << "a: " << std::string(2000, 'x') << "\n";
  ::setenv("ACCORD_MAX_INPUT_SIZE", "1K", 1);
  auto refused = core::load_file(path);
  auto text_refused = core::load_text("from-git.yaml", std::string(2000, 'x'));
  ::unsetenv("ACCORD_MAX_INPUT_SIZE");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().file == path);
  CHECK(refused.error().message.find("input is 2004 bytes, over the limit of 1 KiB") != std::string::npos);
  CHECK(refused.error().message.find("ACCORD_MAX_INPUT_SIZE") != std::string::npos);
  REQUIRE_FALSE(text_refused.ok());
  CHECK(text_refused.error().message.find("over the limit of 1 KiB") != std::string::npos);
  CHECK(core::load_file(path).ok());  // the default limit lets it through
  std::remove(path.c_str());
}

TEST_CASE("limits: a pact with more than a million interactions is refused at its interactions array", "[limits]") {
  auto pact_with = [](size_t n) {
    std::string text = "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\n\"interactions\":[";
    text.reserve(text.size() + 3 * n);
    for (size_t i = 0; i < n; ++i) text += i ? ",{}" : "{}";
    return text + "]}";
  };
  auto over = contracts::pact::load_pact_text("huge.json", pact_with(1'000'001));
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().message.find("more than 1000000 interactions in one pact (1000001)") != std::string::npos);
  CHECK(over.error().line == 2);
  CHECK(over.error().column == 16);
  // At the limit the loader goes on to read the interactions (and finds these empty).
  auto at = contracts::pact::load_pact_text("big.json", pact_with(1'000'000));
  REQUIRE_FALSE(at.ok());
  CHECK(at.error().message.find("no 'description'") != std::string::npos);
}
