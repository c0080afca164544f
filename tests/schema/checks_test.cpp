// The schema rule table runs the comparator's keyword checks (checks.h):
// every row names its check or says the walker reports it, and a check
// that reports a change of another row is caught, not reported.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "diff/openapi/schema_profile.h"
#include "diff/schema/checks.h"

using namespace accord;
using namespace accord::diff::schema_detail;
using diff::Direction;

namespace {

// A check that reports a change its row does not give it (type-changed is check_type's).
void reports_a_foreign_change(const Reporter& report) { report("type-changed"); }
// One that reports a change the walker alone reports.
void reports_a_walker_change(const Reporter& report) { report("property-added"); }

struct StringToInteger {
  core::Schema old_s, new_s;
  std::string path = "a";
  StringToInteger() {
    old_s.types = core::type_string;
    new_s.types = core::type_integer;
  }
  CheckInput input(Direction d) const { return {old_s, new_s, d, path, diff::openapi_schema_profile(), ""}; }
};

}  // namespace

TEST_CASE("a schema check reports the changes of the rows naming it", "[schema][rules][checks]") {
  StringToInteger pair;
  const ChangeRow* row = find_change("type-changed");
  REQUIRE(row);
  REQUIRE(row->check);
  FrameOut out;
  REQUIRE(run_check(row->check, pair.input(Direction::request), out).ok());
  REQUIRE(out.findings.size() == 1);
  CHECK(out.findings[0].change == "type-changed");
  CHECK(out.findings[0].path == "a");
}

TEST_CASE("a schema check reporting another row's change is caught", "[schema][rules][checks]") {
  StringToInteger pair;
  for (Check check : {reports_a_foreign_change, reports_a_walker_change}) {
    FrameOut out;
    auto status = run_check(check, pair.input(Direction::request), out);
    REQUIRE_FALSE(status.ok());
    std::string_view named = check == reports_a_foreign_change ? "'type-changed'" : "'property-added'";
    CHECK(status.error().message.find(named) != std::string::npos);
    CHECK(out.findings.empty());
  }
}

TEST_CASE("only the walker's own changes are marked walker-emitted", "[schema][rules][checks]") {
  // Changes found while pairing subschemas (properties, branches,
  // applicators) or spending a budget: the only rows without a check.
  const std::set<std::string_view> walker_only = {
      "property-added", "required-property-added", "property-removed", "property-removed-rejected",
      "optional-property-removed", "property-became-required", "property-became-optional",
      "property-became-read-only", "property-became-not-read-only", "required-property-became-not-read-only",
      "property-became-write-only", "required-property-became-write-only", "property-became-not-write-only",
      "additional-properties-forbidden", "additional-properties-allowed", "unevaluated-properties-forbidden",
      "unevaluated-properties-allowed", "unevaluated-items-forbidden", "unevaluated-items-allowed",
      "dependent-schema-added", "dependent-schema-removed", "pattern-property-added", "pattern-property-removed",
      "contains-added", "contains-removed", "all-of-not-merged", "all-of-added", "all-of-removed", "any-of-added",
      "any-of-removed", "one-of-added", "one-of-removed", "not-added", "not-removed", "not-changed",
      "conditional-added", "conditional-removed", "conditional-changed", "comparison-stopped",
      "comparison-approximate"};
  // Checked changes the walker also decides without comparing keywords
  // (nothing against anything; nullability around an unwrapped wrapper).
  const std::set<std::string_view> also_walker = {"type-widened", "type-narrowed", "became-nullable",
                                                  "became-not-nullable"};
  std::set<std::string_view> seen_walker_only, seen_also;
  for (const ChangeRow& row : change_rows()) {
    INFO("change " << row.name);
    CHECK((row.check || row.walker_reports));
    if (!row.check) seen_walker_only.insert(row.name);
    else if (row.walker_reports) seen_also.insert(row.name);
  }
  CHECK(seen_walker_only == walker_only);
  CHECK(seen_also == also_walker);
}

TEST_CASE("the walker may report only the changes its rows declare", "[schema][rules][checks]") {
  CHECK(walker_reports("property-added", Direction::request));
  CHECK(walker_reports("type-widened", Direction::response));
  CHECK_FALSE(walker_reports("format-added", Direction::request));         // check_format's
  CHECK_FALSE(walker_reports("required-property-added", Direction::response));  // no rule that way
  CHECK_FALSE(walker_reports("no-such-change", Direction::request));
}

TEST_CASE("the table runs each distinct check once", "[schema][rules][checks]") {
  std::set<Check> named;
  for (const ChangeRow& row : change_rows())
    if (row.check) named.insert(row.check);
  auto checks = table_checks();
  CHECK(std::set<Check>(checks.begin(), checks.end()) == named);
  CHECK(checks.size() == named.size());
  // In table order: the first row of the table names the first check.
  REQUIRE_FALSE(checks.empty());
  CHECK(checks.front() == change_rows().front().check);
}
