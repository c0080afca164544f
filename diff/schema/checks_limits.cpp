// Keyword checks of limits: maximum / minimum, the length, item and
// property counts, and minContains / maxContains. Each limit's four changes
// (tightened, loosened, set, unset) come from one comparison, so they share
// one check.
#include <string>

#include "diff/schema/checks.h"

namespace accord::diff::schema_detail {

using core::Keyword;
using core::Schema;

namespace {

// The four changes of one limit; names are static (findings keep views).
struct LimitNames {
  std::string_view tightened, loosened, set, unset;
};

struct Limit {
  bool present = false;
  double value = 0;
  bool exclusive = false;
  std::string text;
};

std::string show_bound(const core::Bound& b) {
  std::string s(b.text);
  return b.exclusive ? s + " (exclusive)" : s;
}

Limit limit_of(const core::Bound& b) {
  if (!b.present) return {};  // most schemas have no bounds: no text to show
  return {true, b.value, b.exclusive, show_bound(b)};
}
Limit limit_of(const Keyword& k) {
  if (!k || !k.value->is_number()) return {};
  return {true, k.value->as_number(), false, std::string(k.value->text())};
}

// `is_max`: a lower value is tighter. An exclusive limit at the same value
// is tighter than an inclusive one.
void compare_limit(const Reporter& report, const LimitNames& names, bool is_max, const Limit& o, const Limit& n) {
  if (!o.present && !n.present) return;
  if (!o.present) return report(names.set, {{"new", n.text}});
  if (!n.present) return report(names.unset, {{"old", o.text}});
  if (o.value == n.value && o.exclusive == n.exclusive) return;
  bool tighter = o.value == n.value ? n.exclusive : (is_max ? n.value < o.value : n.value > o.value);
  report(tighter ? names.tightened : names.loosened, {{"old", o.text}, {"new", n.text}});
}

// A limit read from the same member of both schemas.
template <class Member>
void compare_member(const Reporter& report, const LimitNames& names, bool is_max, Member Schema::*member) {
  compare_limit(report, names, is_max, limit_of(report.old_s.*member), limit_of(report.new_s.*member));
}

}  // namespace

void check_maximum(const Reporter& report) {
  compare_member(report, {"max-decreased", "max-increased", "max-set", "max-unset"}, true, &Schema::maximum);
}

void check_minimum(const Reporter& report) {
  compare_member(report, {"min-increased", "min-decreased", "min-set", "min-unset"}, false, &Schema::minimum);
}

void check_max_length(const Reporter& report) {
  compare_member(report, {"max-length-decreased", "max-length-increased", "max-length-set", "max-length-unset"}, true,
                 &Schema::max_length);
}

void check_min_length(const Reporter& report) {
  compare_member(report, {"min-length-increased", "min-length-decreased", "min-length-set", "min-length-unset"}, false,
                 &Schema::min_length);
}

void check_max_items(const Reporter& report) {
  compare_member(report, {"max-items-decreased", "max-items-increased", "max-items-set", "max-items-unset"}, true,
                 &Schema::max_items);
}

void check_min_items(const Reporter& report) {
  compare_member(report, {"min-items-increased", "min-items-decreased", "min-items-set", "min-items-unset"}, false,
                 &Schema::min_items);
}

void check_max_properties(const Reporter& report) {
  compare_member(report,
                 {"max-properties-decreased", "max-properties-increased", "max-properties-set", "max-properties-unset"},
                 true, &Schema::max_properties);
}

void check_min_properties(const Reporter& report) {
  compare_member(report,
                 {"min-properties-increased", "min-properties-decreased", "min-properties-set", "min-properties-unset"},
                 false, &Schema::min_properties);
}

// minContains defaults to 1 and only counts while `contains` is there
// (contains added / removed is the walker's: it pairs the subschemas).
void check_min_contains(const Reporter& report) {
  if (!report.old_s.rare().contains || !report.new_s.rare().contains) return;
  Limit o = limit_of(report.old_s.rare().min_contains), n = limit_of(report.new_s.rare().min_contains);
  if (!o.present) o = {true, 1, false, "1 (default)"};
  if (!n.present) n = {true, 1, false, "1 (default)"};
  if (o.value != n.value)
    report(n.value > o.value ? "min-contains-increased" : "min-contains-decreased", {{"old", o.text}, {"new", n.text}});
}

// maxContains has no default (unlimited).
void check_max_contains(const Reporter& report) {
  if (!report.old_s.rare().contains || !report.new_s.rare().contains) return;
  compare_limit(report, {"max-contains-decreased", "max-contains-increased", "max-contains-set", "max-contains-unset"},
                true, limit_of(report.old_s.rare().max_contains), limit_of(report.new_s.rare().max_contains));
}

}  // namespace accord::diff::schema_detail
