// The handlers of the schema comparator, by level of the walk. Each row of
// the rule table (rules.cpp, kChanges) names the handler that reports its
// change at one level, and the walker, where it reaches that level, runs
// that level's distinct handlers in table order:
//   keywords:   one schema pair's own keywords, once per pair
//               (run_keyword_checks in walker_body.cpp); the checks live
//               by family in checks_types/_values/_limits/_meta.cpp;
//   property:   one property paired by name, either side possibly absent
//               (pairing.cpp);
//   applicator: one applicator keyword of a pair (an `Applicator`), where
//               the walker reaches it (pairing.cpp, applicators.cpp);
//   branches:   an allOf/anyOf/oneOf branch left unpaired (pairing.cpp,
//               walker_body.cpp);
//   decided:    a pair the walker decides whole, without its keywords
//               (walker_body.cpp); its rows also name their keyword check.
// The last four live in handlers_subschemas.cpp. A handler compares what
// it is given without recursing (the walker pairs and recurses) and may
// report only the changes of the rows that name it: its reporter refuses
// any other, and the run (run_checks, run_level) turns a refusal into an
// error.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diff/schema/internal.h"

namespace accord::diff::schema_detail {

class PairWalker;
class Reporter;
using Check = void (*)(const Reporter& report);
struct PropertyPair;
struct ApplicatorSlot;
struct UnpairedBranch;
struct DecidedPair;
template <class Input>
class WalkReporter;
using PropertyHandler = void (*)(const PropertyPair& pair, const WalkReporter<PropertyPair>& report);
using ApplicatorHandler = void (*)(const ApplicatorSlot& slot, const WalkReporter<ApplicatorSlot>& report);
using BranchHandler = void (*)(const UnpairedBranch& branch, const WalkReporter<UnpairedBranch>& report);
using DecidedHandler = void (*)(const DecidedPair& pair, const WalkReporter<DecidedPair>& report);

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

// One row of the rule table, as the comparator reads it: the handler of
// its level is set (a decided one besides a check).
struct ChangeRow {
  std::string_view name;
  Check check;                   // keywords level
  PropertyHandler property;      // property level
  ApplicatorHandler applicator;  // applicator level
  BranchHandler branches;        // branches level
  DecidedHandler decided;        // decided level
  bool walker_reports;  // the walker reports it: the engine's rows
  bool request_rule;    // has a rule in the request (input) direction
  bool response_rule;   // has a rule in the response (output) direction
};

// Every row, in table order.
std::span<const ChangeRow> change_rows();
// The row of a change (nullptr: no such change).
const ChangeRow* find_change(std::string_view change);
// The distinct handlers of each level, each once, in table order.
std::span<const Check> table_checks();
std::span<const PropertyHandler> property_handlers();
std::span<const ApplicatorHandler> applicator_handlers();
std::span<const BranchHandler> branch_handlers();
std::span<const DecidedHandler> decided_handlers();

// Whether a handler is the one `row` names at the level of Input.
inline bool names(const ChangeRow& row, PropertyHandler h) { return row.property == h; }
inline bool names(const ChangeRow& row, ApplicatorHandler h) { return row.applicator == h; }
inline bool names(const ChangeRow& row, BranchHandler h) { return row.branches == h; }
inline bool names(const ChangeRow& row, DecidedHandler h) { return row.decided == h; }
inline bool names(const ChangeRow& row, Check h) { return row.check == h; }

// The row a running handler may report `change` under, or nullptr: nullptr
// also when the row names another handler (remembered in `refused`, the
// first refusal only) or has no rule in `direction`. Every level reports
// through it.
template <class Handler>
const ChangeRow* reportable_row(std::string_view change, Handler running, Direction direction,
                                std::string_view& refused) {
  const ChangeRow* row = find_change(change);
  if (!row || !names(*row, running)) {
    if (refused.empty()) refused = row ? row->name : std::string_view("(a change with no row)");
    return nullptr;
  }
  return (direction == Direction::request ? row->request_rule : row->response_rule) ? row : nullptr;
}

// One property of a pair of objects, paired by name (pairing.cpp). A side
// without the property has nullptr; a name only `required` lists (its
// definition elsewhere, e.g. in an allOf) has nullptr on both sides.
struct PropertyPair {
  const core::Schema& old_object;
  const core::Schema& new_object;
  std::string_view name;
  const core::Schema* old_s;
  const core::Schema* new_s;
  Direction direction;
  bool direction_filters;  // the profile drops readOnly input / writeOnly output properties
  const std::string& path;  // of the property

  bool request() const { return direction == Direction::request; }
  bool was_required() const { return old_object.is_required(name); }
  bool is_required() const { return new_object.is_required(name); }
  // A property the direction does not carry: readOnly ones are never read
  // as input, writeOnly ones never written.
  bool ignored(const core::Schema* s) const {
    return direction_filters && (request() ? s->read_only : s->write_only);
  }
};

// Which applicator keyword an ApplicatorSlot holds.
enum class Applicator : uint8_t {
  additional_properties,  // handles unused: the parents' `additional`
  pattern_property,       // `name`: the pattern
  dependent_schema,       // `name`: the trigger property
  contains,
  unevaluated_properties,
  unevaluated_items,
  negation,
  conditional,  // handles unused: the parents' if/then/else
};

// One applicator keyword of one schema pair, as the walker reached it
// (nullptr handle: absent on that side).
struct ApplicatorSlot {
  Applicator keyword;
  const core::Schema& old_parent;
  const core::Schema& new_parent;
  const core::SchemaHandle* old_h;
  const core::SchemaHandle* new_h;
  std::string_view name;
  PairWalker& walker;
  const std::string& path;
  // conditional only: the `if`s are equivalent, and then/else reach no $ref.
  bool same_condition = false;
  bool inline_branches = false;
};

// `false`: what no other keyword evaluated is forbidden (unevaluated*).
inline bool forbids(const core::SchemaHandle* h) { return h && *h && h->node->is_bool() && !h->node->as_bool(); }
// Whether a schema has an if/then/else that constrains anything.
inline bool has_conditional(const core::Schema& s) { return s.rare().if_schema && (s.rare().then_schema || s.rare().else_schema); }

// A composition branch left without a partner after pairing: removed (on
// the old side) or added (on the new side).
struct UnpairedBranch {
  bool removed;
  std::string_view keyword;  // of the branch's side: "all-of", "any-of", "one-of"
  const core::Schema* old_place;
  const core::Schema* new_place;
  std::string name;  // as branch_name gives it
  const std::string& path;
};

// What the walker decided a pair by, without comparing its keywords.
enum class Decision : uint8_t {
  acceptance,   // one side accepts nothing, the other does not
  nullability,  // wrappers unwrapped: nullability decided around them
};

// A pair the walker decides whole (walker_body.cpp): the wrappers
// themselves where it unwrapped them.
struct DecidedPair {
  Decision what;
  const core::Schema& old_s;
  const core::Schema& new_s;
  bool was_nullable = false;  // nullability only: of the wrapper and what it wraps
  bool is_nullable = false;
  const std::string& path;
};

// What a running walk-level handler reports through: like Reporter, a
// change whose row does not name the running handler is refused. The
// handler gives the two places (which subschema on each side) itself.
template <class Input>
class WalkReporter {
 public:
  using Handler = void (*)(const Input&, const WalkReporter&);
  WalkReporter(Direction direction, const std::string& path, FrameOut& out, std::string_view& refused)
      : direction_(direction), path_(path), out_(out), refused_(refused) {}

  void operator()(std::string_view change, const core::Schema* old_place, const core::Schema* new_place,
                  std::vector<Arg> args = {}) const {
    const ChangeRow* row = reportable_row(change, running_, direction_, refused_);
    if (!row) return;
    out_.findings.push_back(
        RawFinding{row->name, path_, std::move(args), place_of_schema(old_place), place_of_schema(new_place)});
  }

  Handler running_ = nullptr;

 private:
  Direction direction_;
  const std::string& path_;
  FrameOut& out_;
  std::string_view& refused_;
};

// Runs each handler of a level on one input in turn, stopping at the first
// that is refused (no Status is made otherwise).
template <class Input>
core::Status run_level(std::span<const typename WalkReporter<Input>::Handler> handlers, const Input& input,
                       Direction direction, FrameOut& out) {
  std::string_view refused;
  WalkReporter<Input> report(direction, input.path, out, refused);
  for (auto handler : handlers) {
    report.running_ = handler;
    handler(input, report);
    if (!refused.empty())
      return core::make_error("internal error: a schema handler reported '" + std::string(refused) +
                              "', a change whose row in diff/schema/rules.cpp does not name that handler");
  }
  return core::ok_status();
}

// A value as a message shows it: strings quoted, numbers and literals as
// written, containers abbreviated (checks_values.cpp).
std::string show(const core::Node* n);

}  // namespace accord::diff::schema_detail
