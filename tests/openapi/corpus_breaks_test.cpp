// The real breaks in the corpus pairs must be found. Operation-level ones are
// this module's; schema-level ones come from the schema comparator and are
// tagged [schema-comparator] so they are easy to find.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "diff/engine.h"

namespace fs = std::filesystem;
using namespace accord;

namespace {

const std::string kCorpus = "../shared/corpus/openapi/";

std::optional<std::vector<diff::Finding>> compare_pair(const std::string& name, const std::string& ext) {
  std::string dir = kCorpus + name + "/";
  if (!fs::exists(dir + "old." + ext)) return std::nullopt;
  auto findings = diff::compare_contracts({dir + "old." + ext, std::nullopt}, {dir + "new." + ext, std::nullopt}, {});
  REQUIRE(findings.ok());
  return std::move(*findings);
}

template <class Pred>
bool any(const std::vector<diff::Finding>& findings, Pred pred) {
  return std::any_of(findings.begin(), findings.end(), pred);
}

}  // namespace

TEST_CASE("GitHub REST: removing /orgs/{org}/teams/{team_slug}/discussions is an error", "[openapi][corpus]") {
  auto findings = compare_pair("github-rest-api", "json");
  // ../shared is always present (CI has it): a missing pair is a failure, not a skip.
  REQUIRE(findings.has_value());
  CHECK(any(*findings, [](const diff::Finding& f) {
    return f.rule == "openapi.path-removed" && f.arg("path") == "/orgs/{org}/teams/{team_slug}/discussions" &&
           f.severity == diff::Severity::error && f.old_place && f.old_place->pointer.find("discussions") != std::string::npos;
  }));
  // Paths that survive are not reported as removed.
  CHECK_FALSE(any(*findings, [](const diff::Finding& f) {
    return f.rule == "openapi.path-removed" && f.arg("path") == "/repos/{owner}/{repo}";
  }));
}

TEST_CASE("Stripe spec3: invoice.collection_method became required in a response",
          "[openapi][corpus][schema-comparator]") {
  auto findings = compare_pair("stripe-spec3-json", "json");
  // ../shared is always present (CI has it): a missing pair is a failure, not a skip.
  REQUIRE(findings.has_value());
  CHECK(any(*findings, [](const diff::Finding& f) {
    return f.rule.rfind("openapi.response-", 0) == 0 && f.message.find("collection_method") != std::string::npos &&
           f.message.find("required") != std::string::npos;
  }));
}

TEST_CASE("Docker Engine: ImageSummary.VirtualSize was removed from responses", "[openapi][corpus][schema-comparator]") {
  auto findings = compare_pair("docker-engine-swagger2-yaml", "yaml");
  // ../shared is always present (CI has it): a missing pair is a failure, not a skip.
  REQUIRE(findings.has_value());
  CHECK(any(*findings, [](const diff::Finding& f) {
    return f.rule.rfind("openapi.response-", 0) == 0 && f.rule.find("removed") != std::string::npos &&
           f.message.find("VirtualSize") != std::string::npos && f.operation == "GET /images/json";
  }));
}
