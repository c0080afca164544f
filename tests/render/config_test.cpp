#include <catch2/catch.hpp>

#include <set>

#include "diff/config/config.h"
#include "sample_findings.h"

using namespace accord;

namespace {

// The registry as far as these tests are concerned.
bool known_rule(std::string_view id) {
  static const std::set<std::string, std::less<>> rules = {
      "openapi.operation-removed", "openapi.response-property-removed", "openapi.request-parameter-became-required",
      "openapi.operation-added", "openapi.schema-description-changed"};
  return rules.count(id) > 0;
}

diff::Config load(const std::string& path) {
  auto config = diff::load_config(path, known_rule);
  INFO(path << ": " << (config ? "" : config.error().render()));
  REQUIRE(config);
  return *config;
}

std::string load_error(const std::string& path) {
  auto config = diff::load_config(path, known_rule);
  REQUIRE(!config);
  return config.error().render();
}

}  // namespace

TEST_CASE("config: every field is read", "[config]") {
  diff::Config c = load("fixtures/config/accord.yaml");
  CHECK(c.fail_on == diff::Severity::warning);
  REQUIRE(c.rule_severity.size() == 2);
  CHECK(c.rule_severity.at("openapi.request-parameter-became-required") == diff::Severity::info);
  CHECK(!c.rule_severity.at("openapi.schema-description-changed").has_value());
  REQUIRE(c.ignores.size() == 3);
  CHECK(c.ignores[0].rule == "openapi.operation-removed");
  CHECK(c.ignores[0].operation == "delete /users/{id}");
  CHECK(c.ignores[0].expires == core::Date{2026, 6, 30});
  CHECK(c.ignores[0].where == "fixtures/config/accord.yaml:7:5");
  CHECK(c.ignores[1].pointer == "/paths/~1users~1{id}/get");
  CHECK(!c.ignores[1].expires);
  CHECK(c.ignores[2].fingerprint == "0123456789abcdef");
}

TEST_CASE("config: mistakes are errors at file:line:col", "[config]") {
  const std::string dir = "fixtures/config/errors/";
  CHECK(load_error(dir + "no-reason.yaml") ==
        dir + "no-reason.yaml:2:5: an ignore needs a 'reason' saying why the change is accepted");
  CHECK(load_error(dir + "empty-reason.yaml") == dir + "empty-reason.yaml:3:13: 'reason' must not be empty");
  CHECK(load_error(dir + "unknown-rule-override.yaml") ==
        dir + "unknown-rule-override.yaml:4:25: unknown rule 'openapi.no-such-rule' (see `accord rules`)");
  CHECK(load_error(dir + "unknown-rule-ignore.yaml") ==
        dir + "unknown-rule-ignore.yaml:2:11: unknown rule 'openapi.operation-remvoed' (see `accord rules`)");
  CHECK(load_error(dir + "bad-date.yaml") ==
        dir + "bad-date.yaml:5:14: 'expires' must be a date written YYYY-MM-DD, got '2026-02-30'");
  CHECK(load_error(dir + "unknown-key.yaml") ==
        dir + "unknown-key.yaml:1:10: unknown key 'fail_on' (expected fail-on, deprecation-days, mode, rules or ignores)");
  CHECK(load_error(dir + "bad-deprecation-days.yaml") ==
        dir + "bad-deprecation-days.yaml:2:19: 'deprecation-days' must be a whole number of days, e.g. 90");
  CHECK(load_error(dir + "bad-severity.yaml").find("bad-severity.yaml:2:30: unknown severity 'fatal'") != std::string::npos);
  CHECK(load_error(dir + "bad-fingerprint.yaml").find("bad-fingerprint.yaml:2:18: 'fingerprint' must be") !=
        std::string::npos);
  CHECK(load_error(dir + "rule-without-scope.yaml").find("rule-without-scope.yaml:2:5: an ignore by rule needs") !=
        std::string::npos);
  CHECK(load_error(dir + "not-a-map.yaml").find("not-a-map.yaml:1:1: accord.yaml must be a map") != std::string::npos);
  CHECK(load_error(dir + "missing.yaml").find("missing.yaml") != std::string::npos);
}

TEST_CASE("dates: strict YYYY-MM-DD with real calendar days", "[config]") {
  CHECK(core::parse_date("2024-02-29") == core::Date{2024, 2, 29});
  CHECK(!core::parse_date("2025-02-29"));
  CHECK(!core::parse_date("2025-13-01"));
  CHECK(!core::parse_date("2025-1-01"));
  CHECK(!core::parse_date("2025/01/01"));
  CHECK(!core::parse_date("tomorrow"));
  CHECK(core::Date{2026, 1, 31} < core::Date{2026, 2, 1});
  CHECK(core::Date{2026, 2, 1}.text() == "2026-02-01");
  core::Date today = core::SystemClock().today();
  CHECK(today.year >= 2024);
  CHECK(core::parse_date(today.text()) == today);
}

TEST_CASE("apply: overrides, off rules and ignores", "[config]") {
  diff::Config c = load("fixtures/config/accord.yaml");
  auto findings = test::sample_findings();
  core::FixedClock before_expiry({2026, 1, 15});
  diff::AppliedConfig a = diff::apply_config(c, findings, before_expiry);
  // Dropped: the DELETE (operation ignore, method case-insensitive), the
  // email removal (under the ignored pointer), the description change (off).
  REQUIRE(a.findings.size() == 2);
  CHECK(a.findings[0].rule == "openapi.request-parameter-became-required");
  CHECK(a.findings[0].severity == diff::Severity::info);  // overridden from warning
  CHECK(a.findings[1].rule == "openapi.operation-added");
  CHECK(a.ignored == 2);
  REQUIRE(a.notes.size() == 1);
  CHECK(a.notes[0] == "2 finding(s) ignored by fixtures/config/accord.yaml");
}

TEST_CASE("apply: an expired ignore stops applying and says so", "[config]") {
  diff::Config c = load("fixtures/config/accord.yaml");
  auto findings = test::sample_findings();
  // The last day is still covered...
  CHECK(diff::apply_config(c, findings, core::FixedClock({2026, 6, 30})).ignored == 2);
  // ...the day after is not.
  diff::AppliedConfig a = diff::apply_config(c, findings, core::FixedClock({2026, 7, 1}));
  CHECK(a.ignored == 1);
  bool deleted_is_back = false;
  for (const auto& f : a.findings) deleted_is_back = deleted_is_back || f.rule == "openapi.operation-removed";
  CHECK(deleted_is_back);
  REQUIRE(a.notes.size() == 3);
  CHECK(a.notes[0] ==
        "fixtures/config/accord.yaml:7:5: ignore of openapi.operation-removed (delete /users/{id}) expired on "
        "2026-06-30; its 1 finding(s) are reported again");
  CHECK(a.notes[1].find("ignore of fingerprint 0123456789abcdef expired on 2026-01-31; it matches nothing now") !=
        std::string::npos);
}

TEST_CASE("ignores: fingerprint, pointer prefix and operation matching", "[config]") {
  auto findings = test::sample_findings();
  diff::Ignore by_fp;
  by_fp.fingerprint = findings[2].fingerprint;
  CHECK(by_fp.matches(findings[2]));
  CHECK(!by_fp.matches(findings[0]));
  diff::Ignore by_pointer;
  by_pointer.rule = "openapi.response-property-removed";
  by_pointer.pointer = "/paths/~1users~1{id}/get/responses";
  CHECK(by_pointer.matches(findings[0]));
  by_pointer.pointer = "/paths/~1users~1{id}/get/resp";  // not a token boundary
  CHECK(!by_pointer.matches(findings[0]));
  diff::Ignore by_op;
  by_op.rule = "openapi.operation-removed";
  by_op.operation = "DELETE /users/{ID}";  // paths stay case-sensitive
  CHECK(!by_op.matches(findings[1]));
  by_op.operation = "Delete /users/{id}";
  CHECK(by_op.matches(findings[1]));
  CHECK(!by_op.matches(findings[0]));
}

TEST_CASE("config is found next to the new spec", "[config]") {
  CHECK(diff::find_config_for("fixtures/config/new.yaml") == std::optional<std::string>("fixtures/config/accord.yaml"));
  CHECK(diff::find_config_for("fixtures/config") == std::optional<std::string>("fixtures/config/accord.yaml"));
  CHECK(!diff::find_config_for("fixtures/config/errors/new.yaml"));
}

TEST_CASE("ignores: an operation matches when it is any of a finding's operations", "[config]") {
  diff::Finding f = test::finding("openapi.path-removed", diff::Severity::error, "path '/a' was removed", "GET /a",
                                  test::place("old.yaml", 3, 3, "/paths/~1a"), std::nullopt);
  f.operations = {"DELETE /a", "GET /a", "PUT /a"};
  f.operation = "DELETE /a";
  diff::Ignore by_op;
  by_op.operation = "put /a";
  CHECK(by_op.matches(f));
  by_op.operation = "POST /a";
  CHECK(!by_op.matches(f));
}
