// The keyword checks of the schema comparator: each row of the rule table
// (rules.cpp, kChanges) names the check that reports its change, and the
// walker runs every distinct check of the table once per schema pair, in
// table order (run_keyword_checks in walker_body.cpp). A check compares one
// pair without recursing and may report only the changes of the rows that
// name it: its Reporter refuses any other, and run_check turns a refusal
// into an error. Checks live by family in checks_types.cpp,
// checks_values.cpp, checks_limits.cpp and checks_meta.cpp.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diff/schema/internal.h"

namespace accord::diff::schema_detail {

class Reporter;
using Check = void (*)(const Reporter& report);

// One schema pair as a check sees it. `earliest_sunset` ("YYYY-MM-DD", ""
// = none): a new sunset date before it is too soon.
struct CheckInput {
  const core::Schema& old_s;
  const core::Schema& new_s;
  Direction direction;
  const std::string& path;
  const SchemaProfile& profile;
  std::string_view earliest_sunset;
};

// What a running check reports through. A change whose row names another
// check (or no check) is not reported but remembered as refused.
class Reporter {
 public:
  Reporter(const CheckInput& input, Check running, FrameOut& out, std::string_view& refused)
      : old_s(input.old_s), new_s(input.new_s), profile(input.profile), earliest_sunset(input.earliest_sunset),
        input_(input), running_(running), out_(out), refused_(refused) {}

  const core::Schema& old_s;
  const core::Schema& new_s;
  const SchemaProfile& profile;
  std::string_view earliest_sunset;

  void operator()(std::string_view change, std::vector<Arg> args = {}) const;

 private:
  // One reporter serves a pair's checks in turn (run_checks sets the running one).
  friend core::Status run_checks(std::span<const Check> checks, const CheckInput& input, FrameOut& out);

  const CheckInput& input_;
  Check running_;
  FrameOut& out_;
  std::string_view& refused_;  // the first refused change ("" = none)
};

// Runs one check on one pair. An error names the first change the check
// reported that is not one of the changes of the rows naming it.
core::Status run_check(Check check, const CheckInput& input, FrameOut& out);
// Runs each check in turn, stopping at the first that is refused.
core::Status run_checks(std::span<const Check> checks, const CheckInput& input, FrameOut& out);

// One row of the rule table, as the comparator reads it.
struct ChangeRow {
  std::string_view name;
  Check check;          // run from the table; nullptr: the walker alone reports the change
  bool walker_reports;  // the walker reports it (instead of, or besides, the check)
  bool request_rule;    // has a rule in the request (input) direction
  bool response_rule;   // has a rule in the response (output) direction
};

// Every row, in table order.
std::span<const ChangeRow> change_rows();
// The row of a change (nullptr: no such change).
const ChangeRow* find_change(std::string_view change);
// The distinct checks of the table, each once, in table order.
std::span<const Check> table_checks();

// A value as a message shows it: strings quoted, numbers and literals as
// written, containers abbreviated (checks_values.cpp).
std::string show(const core::Node* n);

}  // namespace accord::diff::schema_detail
