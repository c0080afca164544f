// Every case of the Pact specification's test suite (../shared/conformance/
// pact-specification) must give its stated `match` result.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "contracts/matching/http_match.h"
#include "contracts/pact/loader.h"
#include "core/loader.h"

namespace fs = std::filesystem;
using namespace accord::contracts;

namespace {

const char* kRoot = "../shared/conformance/pact-specification";

struct Outcome {
  size_t checked = 0;
  std::vector<std::string> wrong;
};

Outcome run_cases(const std::string& version_dir, pact::SpecVersion version, const std::string& kind) {
  Outcome o;
  fs::path dir = fs::path(kRoot) / version_dir / "testcases" / kind;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    auto doc = accord::core::load_file(f.string(), accord::core::Syntax::json);
    if (!doc) {
      o.wrong.push_back(f.string() + ": " + doc.error().render());
      continue;
    }
    const auto* root = (*doc)->root();
    bool expected_match = root->get_bool("match");
    matching::Mismatches mismatches;
    std::string problem;
    if (kind == "request") {
      auto e = pact::parse_request(root->get("expected"), version);
      auto a = pact::parse_request(root->get("actual"), version);
      if (!e || !a) problem = (!e ? e.error() : a.error()).render();
      else mismatches = matching::match_request(*e, *a, version);
    } else if (kind == "response") {
      auto e = pact::parse_response(root->get("expected"), version);
      auto a = pact::parse_response(root->get("actual"), version);
      if (!e || !a) problem = (!e ? e.error() : a.error()).render();
      else mismatches = matching::match_response(*e, *a);
    } else {
      auto e = pact::parse_message(root->get("expected"), version);
      auto a = pact::parse_message(root->get("actual"), version);
      if (!e || !a) problem = (!e ? e.error() : a.error()).render();
      else mismatches = matching::match_message(*e, *a);
    }
    ++o.checked;
    bool matched = problem.empty() && mismatches.empty();
    if (matched != expected_match) {
      std::string why = problem;
      for (const auto& m : mismatches) why += " [" + m.path + ": " + m.message + "]";
      o.wrong.push_back(f.string().substr(std::string(kRoot).size() + 1) + " (expected match=" +
                        (expected_match ? "true" : "false") + ")" + why);
    }
  }
  return o;
}

void check_version(const std::string& dir, pact::SpecVersion version, const std::string& kind) {
  // ../shared is always present (CI has it): missing cases are a failure.
  const fs::path cases = fs::path(kRoot) / dir / "testcases" / kind;
  INFO("pact specification cases expected at " << cases.string());
  REQUIRE(fs::is_directory(cases));
  Outcome o = run_cases(dir, version, kind);
  INFO("checked " << o.checked << " case(s) in " << dir << "/" << kind);
  std::string failing;
  for (const std::string& w : o.wrong) failing += "\n  " + w;
  INFO("failing files:" << failing);
  CHECK(o.checked > 0);
  CHECK(o.wrong.empty());
}

}  // namespace

TEST_CASE("pact spec V1 request cases", "[conformance]") { check_version("version-1", pact::SpecVersion::v1, "request"); }
TEST_CASE("pact spec V1 response cases", "[conformance]") { check_version("version-1", pact::SpecVersion::v1, "response"); }
TEST_CASE("pact spec V1.1 request cases", "[conformance]") { check_version("version-1.1", pact::SpecVersion::v1_1, "request"); }
TEST_CASE("pact spec V1.1 response cases", "[conformance]") { check_version("version-1.1", pact::SpecVersion::v1_1, "response"); }
TEST_CASE("pact spec V2 request cases", "[conformance]") { check_version("version-2", pact::SpecVersion::v2, "request"); }
TEST_CASE("pact spec V2 response cases", "[conformance]") { check_version("version-2", pact::SpecVersion::v2, "response"); }
TEST_CASE("pact spec V3 request cases", "[conformance]") { check_version("version-3", pact::SpecVersion::v3, "request"); }
TEST_CASE("pact spec V3 response cases", "[conformance]") { check_version("version-3", pact::SpecVersion::v3, "response"); }
TEST_CASE("pact spec V3 message cases", "[conformance]") { check_version("version-3", pact::SpecVersion::v3, "message"); }
TEST_CASE("pact spec V4 request cases", "[conformance]") { check_version("version-4", pact::SpecVersion::v4, "request"); }
TEST_CASE("pact spec V4 response cases", "[conformance]") { check_version("version-4", pact::SpecVersion::v4, "response"); }
TEST_CASE("pact spec V4 message cases", "[conformance]") { check_version("version-4", pact::SpecVersion::v4, "message"); }
