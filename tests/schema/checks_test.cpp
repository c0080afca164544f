// The schema rule table runs the comparator's handlers level by level
// (checks.h): every row names its handler at one level or is one of the
// engine's, and a handler that reports a change of another row is caught,
// not reported, at every level.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "diff/openapi/schema_profile.h"
#include "diff/schema/checks.h"
#include "diff/schema/pairing.h"

using namespace accord;
using namespace accord::diff::schema_detail;
using diff::Direction;

namespace {

// A check that reports a change its row does not give it (type-changed is check_type's).
void reports_a_foreign_change(const Reporter& report) { report("type-changed"); }
// One that reports a change of a row at another level (property_presence's).
void reports_a_walker_change(const Reporter& report) { report("property-added"); }

// Level handlers reporting changes their rows do not give them: a keyword
// check's, and the engine's.
void property_reports_a_check_change(const PropertyPair&, const WalkReporter<PropertyPair>& report) {
  report("type-changed", nullptr, nullptr);
}
void applicator_reports_an_engine_change(const ApplicatorSlot&, const WalkReporter<ApplicatorSlot>& report) {
  report("comparison-stopped", nullptr, nullptr);
}
void branch_reports_a_property_change(const UnpairedBranch&, const WalkReporter<UnpairedBranch>& report) {
  report("property-added", nullptr, nullptr);
}
// type-changed is check_type's alone, not the decided level's.
void decided_reports_a_check_change(const DecidedPair&, const WalkReporter<DecidedPair>& report) {
  report("type-changed", nullptr, nullptr);
}

// A walker for slots that never reach a subschema.
struct NoWalker : PairWalker {
  const core::Schema* old_schema(const core::SchemaHandle&) override { return nullptr; }
  const core::Schema* new_schema(const core::SchemaHandle&) override { return nullptr; }
  const core::Schema* any_like(const core::Schema*) override { return nullptr; }
  void compare_pair(const core::Schema*, const core::Schema*, bool, bool, const std::string&, FrameOut&) override {}
  bool equivalent(const core::SchemaHandle&, const core::SchemaHandle&) override { return true; }
  uint64_t branch_shape(const core::SchemaHandle&, bool) override { return 0; }
  bool ref_free(const core::SchemaHandle&) override { return true; }
  void keep_error(const core::Status&) override {}
};

// Runs the handler the row of `change` names at a level (one the walker runs there).
template <class Input, class Handler>
core::Status run_named(std::span<const Handler> level, std::string_view change, Handler ChangeRow::*member,
                       const Input& input, FrameOut& out) {
  const ChangeRow* row = find_change(change);
  REQUIRE(row);
  REQUIRE(row->*member);
  CHECK(std::find(level.begin(), level.end(), row->*member) != level.end());
  return run_level<Input>(std::span<const Handler>(&(row->*member), 1), input, Direction::request, out);
}

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
  CHECK(out.findings[0].change() == "type-changed");
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

TEST_CASE("a level handler reporting another row's change is caught", "[schema][rules][checks]") {
  core::Schema o, n;
  std::string path = "a";
  NoWalker walker;
  FrameOut out;
  PropertyPair property{o, n, "p", &o, &n, Direction::request, true, path};
  auto refused = run_level<PropertyPair>(std::span<const PropertyHandler>(), property, Direction::request, out);
  CHECK(refused.ok());
  PropertyHandler p = property_reports_a_check_change;
  refused = run_level<PropertyPair>(std::span<const PropertyHandler>(&p, 1), property, Direction::request, out);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("'type-changed'") != std::string::npos);

  ApplicatorSlot slot{Applicator::contains, o, n, nullptr, nullptr, {}, walker, path};
  ApplicatorHandler a = applicator_reports_an_engine_change;
  refused = run_level<ApplicatorSlot>(std::span<const ApplicatorHandler>(&a, 1), slot, Direction::request, out);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("'comparison-stopped'") != std::string::npos);

  UnpairedBranch branch{true, "all-of", &o, &n, "0", path};
  BranchHandler b = branch_reports_a_property_change;
  refused = run_level<UnpairedBranch>(std::span<const BranchHandler>(&b, 1), branch, Direction::request, out);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("'property-added'") != std::string::npos);

  DecidedPair decided{Decision::acceptance, o, n, false, false, path};
  DecidedHandler d = decided_reports_a_check_change;
  refused = run_level<DecidedPair>(std::span<const DecidedHandler>(&d, 1), decided, Direction::request, out);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().message.find("'type-changed'") != std::string::npos);
  CHECK(out.findings.empty());
}

TEST_CASE("a level handler reports the changes of the rows naming it", "[schema][rules][checks]") {
  core::Schema o, n;
  std::string path = "a/p";
  NoWalker walker;
  FrameOut out;
  // A property only the new side has: property_presence's.
  PropertyPair added{o, n, "p", nullptr, &n, Direction::request, true, path};
  REQUIRE(run_named(property_handlers(), "property-added", &ChangeRow::property, added, out).ok());
  // `contains` only on the old side.
  core::SchemaHandle contains;
  contains.node = o.node;
  ApplicatorSlot slot{Applicator::contains, o, n, &contains, nullptr, {}, walker, path};
  REQUIRE(run_named(applicator_handlers(), "contains-removed", &ChangeRow::applicator, slot, out).ok());
  UnpairedBranch branch{false, "one-of", &o, &n, "1", path};
  REQUIRE(run_named(branch_handlers(), "one-of-added", &ChangeRow::branches, branch, out).ok());
  REQUIRE(out.findings.size() == 3);
  CHECK(out.findings[0].change() == "property-added");
  CHECK(out.findings[1].change() == "contains-removed");
  CHECK(out.findings[2].change() == "one-of-added");
  CHECK(out.findings[2].path == "a/p");
}

TEST_CASE("only the engine's own changes are marked walker-emitted", "[schema][rules][checks]") {
  // Budgets spent and an allOf not merged: no matched pair is compared
  // there, so they are the only rows without a handler.
  const std::set<std::string_view> walker_only = {"all-of-not-merged", "comparison-stopped",
                                                  "comparison-approximate"};
  // Checked changes the walker also decides without comparing keywords
  // (nothing against anything; nullability around an unwrapped wrapper):
  // the only rows with a handler at a second level (decided).
  const std::set<std::string_view> also_decided = {"type-widened", "type-narrowed", "became-nullable",
                                                   "became-not-nullable"};
  std::set<std::string_view> seen_walker_only, seen_also;
  for (const ChangeRow& row : change_rows()) {
    INFO("change " << row.name);
    int levels = (row.check != nullptr) + (row.property != nullptr) + (row.applicator != nullptr) +
                 (row.branches != nullptr);
    CHECK(levels <= 1);
    if (row.decided && levels == 1) CHECK(row.check);  // a decided handler goes with a keyword check, if any
    CHECK((levels == 1 || row.decided) != row.walker_reports);  // a handler's row is not the engine's
    if (row.walker_reports) seen_walker_only.insert(row.name);
    if (row.decided && row.check) seen_also.insert(row.name);
  }
  CHECK(seen_walker_only == walker_only);
  CHECK(seen_also == also_decided);
}

TEST_CASE("the walker may report only the changes its rows declare", "[schema][rules][checks]") {
  CHECK(walker_reports("comparison-stopped", Direction::request));
  CHECK_FALSE(walker_reports("type-widened", Direction::response));  // check_type's and acceptance_change's
  CHECK_FALSE(walker_reports("property-added", Direction::request));      // property_presence's
  CHECK_FALSE(walker_reports("all-of-added", Direction::request));        // all_of_branch's
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

TEST_CASE("each level runs its distinct handlers once, in table order", "[schema][rules][checks]") {
  auto check_level = [](auto handlers, auto member) {
    using Handler = typename decltype(handlers)::value_type;
    std::set<Handler> named;
    Handler first = nullptr;
    for (const ChangeRow& row : change_rows())
      if (row.*member) {
        named.insert(row.*member);
        if (!first) first = row.*member;
      }
    CHECK(std::set<Handler>(handlers.begin(), handlers.end()) == named);
    CHECK(handlers.size() == named.size());
    REQUIRE_FALSE(handlers.empty());
    CHECK(handlers.front() == first);
  };
  check_level(property_handlers(), &ChangeRow::property);
  check_level(applicator_handlers(), &ChangeRow::applicator);
  check_level(branch_handlers(), &ChangeRow::branches);
  check_level(decided_handlers(), &ChangeRow::decided);
}
